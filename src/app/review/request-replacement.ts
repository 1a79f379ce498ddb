import type { Actor } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { LIVE_CERTIFICATE_STATUSES } from '../../domain/application-lifecycle.js';
import { addDays } from '../../domain/calendar-days.js';
import { DomainError } from '../../domain/errors.js';
import { newApplicationRecord, recordNewApplication } from '../applications/create-application.js';
import type { ApplicationView } from '../applications/assessment.js';
import { toApplicationView } from '../applications/assessment.js';
import { certificateTypeOf, loadApplicationFor } from '../applications/access.js';
import { parseApplicationData } from '../applications/parse-application-data.js';
import { recordSupportingDocument } from '../applications/upload-supporting-document.js';
import type { ApplicationChannel, ApplicationRecord, Deps } from '../ports.js';
import { newId } from '../tokens.js';

/**
 * Starts the replacement of an issued certificate (GACC Order 270: asked within the certificate's
 * validity): an amendment carrying corrected boxes, or a reissue (certified true copy of a lost
 * original) carrying the same boxes. The replacement is a new application that goes through review;
 * when it is approved the original becomes void (approveApplication). Its supporting documents are
 * carried over.
 */
export async function requestReplacement(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes' | 'hs'>,
  actor: Actor,
  input: {
    certificateId: string;
    kind: 'amendment' | 'reissue';
    /** Corrected boxes (amendment only); the original's boxes when absent. */
    data?: unknown;
    /** Why: what was wrong (amendment) or how the original was lost (reissue). */
    reason: string;
    channel: ApplicationChannel;
  },
): Promise<ApplicationView> {
  const original = await loadApplicationFor(deps, actor, 'application.apply', input.certificateId);
  const problems = [];
  if (input.reason.trim() === '')
    problems.push({ path: 'reason', code: 'required', message: 'Say why the certificate must be replaced.' });
  if (input.kind === 'reissue' && input.data !== undefined)
    problems.push({
      path: 'data',
      code: 'reissue_is_a_copy',
      message: 'A certified true copy repeats the original; ask for an amendment to change boxes.',
    });
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The request cannot be made as it is.', problems);
  if (!LIVE_CERTIFICATE_STATUSES.includes(original.status) || !original.approvedAt)
    throw new DomainError(
      'CONFLICT',
      `Only an issued certificate in force can be ${input.kind === 'amendment' ? 'amended' : 'reissued'}; this one is ${original.status.replaceAll('_', ' ')}.`,
    );
  const type = certificateTypeOf(deps, original.typeCode);
  const today = chinaDate(deps.clock.now());
  if (type.validityDays !== null) {
    const lastDay = addDays(chinaDate(new Date(original.approvedAt)), type.validityDays);
    if (today > lastDay)
      throw new DomainError(
        'CONFLICT',
        `The certificate was valid until ${lastDay}; an amendment or reissue must be asked within its validity.`,
      );
  }
  const pending = (
    await deps.store.applications.list({ enterpriseIds: [original.enterpriseId], limit: 1000 })
  ).find(
    (candidate) =>
      candidate.replacesId === original.id && !['rejected', 'withdrawn'].includes(candidate.status),
  );
  if (pending)
    throw new DomainError('CONFLICT', 'A replacement of this certificate is already in progress.', [], {
      applicationId: pending.id,
    });

  const enterprise = (await deps.store.organisations.findById(original.enterpriseId))!;
  const data =
    input.kind === 'amendment' && input.data !== undefined ? parseApplicationData(input.data) : original.data;
  const base = newApplicationRecord(deps, actor, {
    enterprise,
    profile: await deps.store.enterpriseProfiles.find(enterprise.id),
    typeCode: original.typeCode,
    data,
    channel: input.channel,
    idempotencyKey: null,
    requestHash: null,
    copiedFrom: null,
  });
  const replacement: ApplicationRecord = { ...base, kind: input.kind, replacesId: original.id };
  const documents = await deps.store.applications.listDocuments(original.id);
  await deps.store.transaction(async (tx) => {
    await recordNewApplication(tx, actor, replacement);
    await tx.audit.append(actor, replacement.createdAt, {
      type: 'application.replacement_requested',
      subjectType: 'application',
      subjectId: replacement.id,
      data: { kind: input.kind, replacesId: original.id, reason: input.reason.trim() },
    });
    for (const document of documents)
      await recordSupportingDocument(tx, actor, {
        ...document,
        id: newId(),
        applicationId: replacement.id,
        uploadedAt: replacement.createdAt,
      });
  });
  return toApplicationView(deps, deps.store, replacement);
}
