import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { addDays } from '../../domain/calendar-days.js';
import { DomainError } from '../../domain/errors.js';
import type { ConcludeCaseInput } from '../../domain/verification-case.js';
import { DEFAULT_STRICTER_REVIEW_DAYS } from '../../domain/verification-case.js';
import { LIVE_CERTIFICATE_STATUSES } from '../../domain/application-lifecycle.js';
import type { Deps, VerificationCaseRecord } from '../ports.js';
import type { VerificationCaseView } from './case-view.js';
import { withOwnerNames } from './case-view.js';
import { loadForOfficerAct, saveDecided } from '../review/decide.js';
import { newId } from '../tokens.js';
import { loadCaseForOfficer } from './access.js';

/**
 * An officer of the office concludes a case. "Not confirmed" cancels every certificate of the case still
 * in force (category verification_not_confirmed: public verification says so from that moment) and puts
 * the enterprise under stricter review for a period (no automatic approval; flagged in the queue by the
 * automated check `stricter_review`). All in one transaction.
 */
export async function concludeVerificationCase(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { id: string; expectedVersion: number } & ConcludeCaseInput,
): Promise<VerificationCaseView> {
  const at = deps.clock.now().toISOString();
  const today = chinaDate(deps.clock.now());
  const saved = await deps.store.transaction(async (tx) => {
    const found = await loadCaseForOfficer(tx, actor, input.id);
    if (found.status !== 'open') throw new DomainError('CONFLICT', 'The case is already concluded.');
    if (found.version !== input.expectedVersion)
      throw new DomainError('CONFLICT', 'The case changed since you opened it; reload it.', [
        { path: 'expectedVersion', code: 'stale_version', message: 'Reload the case.' },
      ]);
    const cancelled: string[] = [];
    let stricterReviewUntil: string | null = null;
    if (input.outcome === 'not_confirmed') {
      for (const certificate of found.certificates) {
        const current = await tx.applications.findById(certificate.applicationId);
        if (!current || !LIVE_CERTIFICATE_STATUSES.includes(current.status)) continue;
        const { application, to } = await loadForOfficerAct(tx, actor, {
          id: current.id,
          expectedVersion: current.version,
          action: 'cancel',
          anyOfficer: true,
        });
        await saveDecided(
          deps,
          tx,
          {
            ...application,
            status: to,
            voidReason: `verification_not_confirmed: verification case ${found.id}`,
            version: application.version + 1,
            updatedAt: at,
          },
          application.version,
        );
        await tx.audit.append(actor, at, {
          type: 'application.cancelled',
          subjectType: 'application',
          subjectId: application.id,
          data: { category: 'verification_not_confirmed', note: `verification case ${found.id}` },
        });
        cancelled.push(certificate.certificateNumber);
      }
      stricterReviewUntil = addDays(today, input.stricterReviewDays ?? DEFAULT_STRICTER_REVIEW_DAYS);
      await tx.verificationCases.addStricterReview({
        id: newId(),
        enterpriseId: found.enterpriseId,
        caseId: found.id,
        until: stricterReviewUntil,
        setBy: actorLabel(actor),
        setAt: at,
      });
    }
    const concluded: VerificationCaseRecord = {
      ...found,
      status: 'concluded',
      outcome: input.outcome,
      findings: input.findings,
      concludedBy: actorLabel(actor),
      concludedAt: at,
      version: found.version + 1,
    };
    if (!(await tx.verificationCases.update(concluded, found.version)))
      throw new DomainError('CONFLICT', 'The case changed meanwhile; reload it.');
    await tx.audit.append(actor, at, {
      type: 'verification_case.concluded',
      subjectType: 'verification_case',
      subjectId: found.id,
      data: { outcome: input.outcome, cancelled, stricterReviewUntil },
    });
    return concluded;
  });
  return (await withOwnerNames(deps, [saved]))[0]!;
}
