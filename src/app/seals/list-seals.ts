import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, SealAuthorisationRecord, SealRecord } from '../ports.js';

/** An enterprise's seals and signatures, and the pair authorised for self-print. */
export async function listSeals(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  orgId: string,
): Promise<{ items: SealRecord[]; authorisation: SealAuthorisationRecord | null }> {
  await loadOrganisationFor(deps.store.organisations, actor, 'seal.read', orgId);
  const [items, authorisation] = await Promise.all([
    deps.store.seals.listByOrganisation(orgId),
    deps.store.seals.currentAuthorisation(orgId),
  ]);
  return { items, authorisation: authorisation ?? null };
}

/** The image of one seal or signature, streamed from the file store. */
export async function readSealImage(
  deps: Pick<Deps, 'store' | 'files'>,
  actor: Actor,
  sealId: string,
): Promise<{ contentType: string; content: NodeJS.ReadableStream }> {
  const seal = await deps.store.seals.findById(sealId);
  if (!seal) {
    authorize(actor, 'seal.read', {});
    throw new DomainError('NOT_FOUND', 'No such seal or signature.');
  }
  await loadOrganisationFor(deps.store.organisations, actor, 'seal.read', seal.orgId);
  const contentType = await deps.store.seals.contentTypeOf(seal.fileSha256);
  if (!contentType || !(await deps.files.exists(seal.fileSha256))) {
    throw new DomainError('NOT_FOUND', 'The image file is missing from the store.');
  }
  return { contentType, content: deps.files.read(seal.fileSha256) };
}
