import type { Actor } from '../../domain/actor.js';
import type { Deps, OrganisationRecord } from '../ports.js';
import { loadOrganisationFor } from './access.js';

/** One organisation the caller may see. */
export async function getOrganisation(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  orgId: string,
): Promise<OrganisationRecord> {
  return loadOrganisationFor(deps.store.organisations, actor, 'organisation.read', orgId);
}
