import type { Actor } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { formatCertificateNumber } from '../../domain/certificate-number.js';
import { transition } from '../../domain/application-lifecycle.js';
import { isRetroactive } from '../../domain/endorsements.js';
import { DomainError } from '../../domain/errors.js';
import type { ApplicationRecord, Repositories } from '../ports.js';
import type { ApplicationView } from '../applications/assessment.js';
import { replacedCertificateOf, toApplicationView } from '../applications/assessment.js';
import { signIssuedCertificate } from '../signing/sign-issued-certificate.js';
import { certificateTypeOf } from '../applications/access.js';
import { newId } from '../tokens.js';
import { issueReceipt } from '../receipts/issue-receipt.js';
import { sampleIssuedCertificate } from '../verification-cases/sampling.js';
import type { ReviewDeps } from './decide.js';
import { loadForOfficerAct, saveDecided, userIdOf } from './decide.js';

/**
 * The officer who claimed an application approves it: the certificate is numbered from the office's
 * counter for its type and year (in the same transaction, so numbers never repeat or skip), a retroactive
 * issue is detected from the dates, and the decision is recorded and audited.
 */
export async function approveApplication(
  deps: ReviewDeps,
  actor: Actor,
  input: { id: string; expectedVersion: number; note?: string | undefined },
): Promise<ApplicationView> {
  const approved = await deps.store.transaction((tx) => approveWithin(deps, tx, actor, input));
  return toApplicationView(deps, deps.store, approved);
}

/** The approval inside the caller's transaction (a submission approves automatically in its own). */
export async function approveWithin(
  deps: Pick<ReviewDeps, 'clock' | 'certificateTypes' | 'review' | 'signer' | 'publicUrl'>,
  tx: Repositories,
  actor: Actor,
  input: { id: string; expectedVersion: number; note?: string | undefined },
): Promise<ApplicationRecord> {
  const { application, to } = await loadForOfficerAct(tx, actor, { ...input, action: 'approve' });
  const type = certificateTypeOf(deps, application.typeCode);
  const now = deps.clock.now();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const office = await tx.organisations.findById(application.officeId);
  const serial = await tx.applications.nextSerial(application.officeId, application.typeCode, year);
  const certificateNumber = formatCertificateNumber(deps.review.numberPattern, {
    typeCode: application.typeCode,
    year,
    officeCode: office?.code ?? application.officeId,
    serial,
  });
  const at = now.toISOString();
  const changed = {
    ...application,
    status: to,
    certificateNumber,
    approvedAt: at,
    automatic: actor.kind === 'system',
    version: application.version + 1,
    updatedAt: at,
  };
  await saveDecided(deps, tx, changed, application.version);
  // Read before the replaced certificate is voided: the endorsement names its number and date.
  const replaces = await replacedCertificateOf(tx, changed);
  const signature = await signIssuedCertificate(deps, tx, changed, office, replaces);
  if (application.kind !== 'original' && application.replacesId)
    await voidReplacedCertificate(
      deps,
      tx,
      actor,
      application.kind,
      application.replacesId,
      application.id,
      at,
    );
  await tx.applications.insertDecision({
    id: newId(),
    applicationId: application.id,
    action: 'approve',
    boxes: [],
    reasons: [],
    note: input.note?.trim() ?? '',
    decidedBy: userIdOf(actor) ?? 'system',
    automatic: actor.kind === 'system',
    decidedAt: at,
  });
  await tx.audit.append(actor, at, {
    type: 'application.approved',
    subjectType: 'application',
    subjectId: application.id,
    data: {
      certificateNumber,
      automatic: actor.kind === 'system',
      retroactive: isRetroactive(type, application.data.transport.departureDate, today),
      signingKey: signature.kid,
    },
  });
  // After the approval's own event: a sampled certificate's case follows it in the audit chain.
  await sampleIssuedCertificate(deps, tx, changed);
  return changed;
}

/** The certificate an approved amendment or reissue stands in for becomes void, in the same transaction. */
async function voidReplacedCertificate(
  deps: Pick<ReviewDeps, 'clock'>,
  tx: Repositories,
  actor: Actor,
  kind: 'amendment' | 'reissue',
  originalId: string,
  replacementId: string,
  at: string,
): Promise<void> {
  const original = await tx.applications.findById(originalId);
  const action = kind === 'amendment' ? 'replace_by_amendment' : 'replace_by_reissue';
  const move = original && transition(original.status, action, 'system');
  if (!original || !move?.ok)
    throw new DomainError(
      'CONFLICT',
      `The certificate this ${kind} replaces is no longer in force (${original?.status ?? 'missing'}); reject the ${kind}.`,
    );
  const changed = {
    ...original,
    status: move.to,
    replacedById: replacementId,
    version: original.version + 1,
    updatedAt: at,
  };
  if (!(await tx.applications.update(changed, original.version)))
    throw new DomainError('CONFLICT', 'The replaced certificate changed at the same moment; try again.');
  await issueReceipt(deps, tx, changed);
  await tx.audit.append(actor, at, {
    type:
      move.event === 'application.replaced_by_amendment'
        ? 'application.replaced_by_amendment'
        : 'application.replaced_by_reissue',
    subjectType: 'application',
    subjectId: original.id,
    data: { replacedBy: replacementId },
  });
}
