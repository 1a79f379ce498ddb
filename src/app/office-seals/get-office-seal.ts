import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, OfficeSealRecord } from '../ports.js';

/** An office's seal: the version in force now, and every version (the latest valid-from first). */
export async function getOfficeSeal(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  officeId: string,
): Promise<{ current: OfficeSealRecord | null; versions: OfficeSealRecord[] }> {
  await loadOrganisationFor(deps.store.organisations, actor, 'officeSeal.read', officeId);
  const [current, versions] = await Promise.all([
    deps.store.officeSeals.officeSealInForce(officeId, deps.clock.now().toISOString()),
    deps.store.officeSeals.listOfficeSeals(officeId),
  ]);
  return { current: current ?? null, versions };
}

/** The PNG of one office seal version, streamed from the file store, for those who may see the office's seal. */
export async function readOfficeSealImage(
  deps: Pick<Deps, 'store' | 'files'>,
  actor: Actor,
  sealId: string,
): Promise<NodeJS.ReadableStream> {
  const seal = await deps.store.officeSeals.findOfficeSeal(sealId);
  if (!seal) {
    authorize(actor, 'officeSeal.read', {});
    throw new DomainError('NOT_FOUND', 'No such office seal.');
  }
  await loadOrganisationFor(deps.store.organisations, actor, 'officeSeal.read', seal.officeId);
  if (!(await deps.files.exists(seal.fileSha256)))
    throw new DomainError('NOT_FOUND', 'The image file is missing from the store.');
  return deps.files.read(seal.fileSha256);
}
