import type { Actor } from '../../domain/actor.js';
import type { FieldProblem } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, SealAuthorisationRecord } from '../ports.js';
import { newId } from '../tokens.js';

/**
 * The enterprise administrator authorises the seal and signature that self-printed certificates carry.
 * The authorisation is time-stamped: printing later needs one older than the certificate's approval.
 */
export async function authoriseSeal(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { orgId: string; sealId: string; signatureId: string },
): Promise<SealAuthorisationRecord> {
  await loadOrganisationFor(deps.store.organisations, actor, 'seal.manage', input.orgId);
  const [seal, signature] = await Promise.all([
    deps.store.seals.findById(input.sealId),
    deps.store.seals.findById(input.signatureId),
  ]);
  const problems: FieldProblem[] = [];
  if (seal?.orgId !== input.orgId || seal.kind !== 'seal') {
    problems.push({ path: 'sealId', code: 'not_a_seal', message: 'Choose one of this enterprise’s seals.' });
  }
  if (signature?.orgId !== input.orgId || signature.kind !== 'signature') {
    problems.push({
      path: 'signatureId',
      code: 'not_a_signature',
      message: 'Choose one of this enterprise’s signatures.',
    });
  }
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The authorisation needs a seal and a signature.', problems);
  const authorisation: SealAuthorisationRecord = {
    id: newId(),
    orgId: input.orgId,
    sealId: input.sealId,
    signatureId: input.signatureId,
    authorisedByUserId: actor.kind === 'user' ? actor.userId : null,
    authorisedAt: deps.clock.now().toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    await tx.seals.authorise(authorisation);
    await tx.audit.append(actor, authorisation.authorisedAt, {
      type: 'seal.authorised',
      subjectType: 'organisation',
      subjectId: input.orgId,
      data: { sealId: input.sealId, signatureId: input.signatureId },
    });
  });
  return authorisation;
}
