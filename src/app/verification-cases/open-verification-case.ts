import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { LIVE_CERTIFICATE_STATUSES } from '../../domain/application-lifecycle.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { OpenCaseInput } from '../../domain/verification-case.js';
import { checkOpenCase, replyDueOf, replyWindowOf } from '../../domain/verification-case.js';
import { normaliseReference } from '../../domain/verification-input.js';
import type { ApplicationRecord, Deps, VerificationCaseRecord } from '../ports.js';
import type { VerificationCaseView } from './case-view.js';
import { withOwnerNames } from './case-view.js';
import { newId } from '../tokens.js';
import { userIdOf } from '../review/decide.js';

/**
 * An officer opens a verification case on issued certificates of one enterprise, of the officer's office:
 * from a foreign authority's request (country, authority, reference, questions, day received, reply due
 * within the period the certificates' agreements set, RCEP 30 to 90 days), from a risk rule, or by
 * sampling. The officer who opens it owns it.
 */
export async function openVerificationCase(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes'>,
  actor: Actor,
  input: OpenCaseInput,
): Promise<VerificationCaseView> {
  const today = chinaDate(deps.clock.now());
  const problems: FieldProblem[] = [];
  const numbers = [...new Set(input.certificateNumbers.map(normaliseReference))];
  const certificates: ApplicationRecord[] = [];
  for (const [index, number] of numbers.entries()) {
    const found = (await deps.store.applications.list({ certificateNumber: number, limit: 5 })).find(
      (application) => application.certificateNumber === number,
    );
    // Only the issuing office's officers may learn anything about a certificate; that a number exists
    // nowhere any officer may learn.
    if (found)
      authorize(actor, 'verificationCase.manage', {
        orgId: found.enterpriseId,
        orgKind: 'enterprise',
        officeId: found.officeId,
      });
    else authorize(actor, 'review.queue');
    if (!found) {
      problems.push({
        path: `certificateNumbers.${index}`,
        code: 'not_found',
        message: `No certificate ${number}.`,
      });
      continue;
    }
    if (!LIVE_CERTIFICATE_STATUSES.includes(found.status))
      problems.push({
        path: `certificateNumbers.${index}`,
        code: 'not_in_force',
        message: `Certificate ${number} is ${found.status.replaceAll('_', ' ')}, not in force.`,
      });
    else if (certificates[0] && certificates[0].enterpriseId !== found.enterpriseId)
      problems.push({
        path: `certificateNumbers.${index}`,
        code: 'other_enterprise',
        message: `Certificate ${number} belongs to another enterprise: open a case per enterprise.`,
      });
    else certificates.push(found);
  }
  const types = certificates.map((certificate) => deps.certificateTypes.get(certificate.typeCode)!);
  const window = types.length ? replyWindowOf(types) : undefined;
  problems.unshift(...checkOpenCase(input, today, window));
  if (problems.length || certificates.length === 0 || !window)
    throw new DomainError('VALIDATION_FAILED', 'The case cannot be opened as it is.', problems);
  const first = certificates[0]!;
  const at = deps.clock.now().toISOString();
  const record: VerificationCaseRecord = {
    id: newId(),
    officeId: first.officeId,
    enterpriseId: first.enterpriseId,
    source: input.source,
    status: 'open',
    outcome: null,
    requestingCountry: input.source === 'foreign_request' ? input.requestingCountry : '',
    requestingAuthority: input.source === 'foreign_request' ? input.requestingAuthority : '',
    foreignReference: input.source === 'foreign_request' ? input.foreignReference : '',
    receivedOn: input.source === 'foreign_request' ? input.receivedOn : today,
    replyDue: replyDueOf(input, window),
    questions: input.questions,
    riskRule: input.source === 'risk' ? input.riskRule : '',
    ownerId: userIdOf(actor),
    findings: '',
    certificates: certificates.map((certificate) => ({
      applicationId: certificate.id,
      certificateNumber: certificate.certificateNumber!,
      typeCode: certificate.typeCode,
    })),
    openedBy: actorLabel(actor),
    openedAt: at,
    openedOn: today,
    concludedBy: null,
    concludedAt: null,
    version: 1,
  };
  await deps.store.transaction(async (tx) => {
    await tx.verificationCases.insert(record);
    await tx.audit.append(actor, at, {
      type: 'verification_case.opened',
      subjectType: 'verification_case',
      subjectId: record.id,
      data: {
        source: record.source,
        certificates: record.certificates.map((certificate) => certificate.certificateNumber),
        replyDue: record.replyDue,
      },
    });
  });
  return (await withOwnerNames(deps, [record]))[0]!;
}
