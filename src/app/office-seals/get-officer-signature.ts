import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, OfficerSignatureRecord } from '../ports.js';
import { loadOfficerFor } from './officer-access.js';

/** An officer's signature: the version in force now and every version, newest first. */
export async function getOfficerSignature(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  userId: string,
): Promise<{ current: OfficerSignatureRecord | null; versions: OfficerSignatureRecord[] }> {
  await loadOfficerFor(deps, actor, userId);
  const versions = await deps.store.officeSeals.listOfficerSignatures(userId);
  return { current: versions[0] ?? null, versions };
}

/** The PNG of one signature version, for the officer and customs administrators. */
export async function readOfficerSignatureImage(
  deps: Pick<Deps, 'store' | 'files'>,
  actor: Actor,
  signatureId: string,
): Promise<NodeJS.ReadableStream> {
  const signature = await deps.store.officeSeals.findOfficerSignature(signatureId);
  if (!signature) {
    authorize(actor, 'officerSignature.manage', {});
    throw new DomainError('NOT_FOUND', 'No such signature.');
  }
  await loadOfficerFor(deps, actor, signature.userId);
  if (!(await deps.files.exists(signature.fileSha256)))
    throw new DomainError('NOT_FOUND', 'The image file is missing from the store.');
  return deps.files.read(signature.fileSha256);
}
