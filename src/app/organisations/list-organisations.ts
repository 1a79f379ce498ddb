import type { Actor } from '../../domain/actor.js';
import { hasRole } from '../../domain/actor.js';
import type { OrganisationKind } from '../../domain/roles.js';
import type { Deps, OrganisationRecord } from '../ports.js';

/**
 * Lists the organisations the caller may see: everything for the customs administration, an officer's
 * offices and the enterprises and agencies affiliated with them, and otherwise one's own organisation.
 * The customs offices themselves are public: anyone may list them by asking for kind 'office'.
 */
export async function listOrganisations(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  filter: { kind?: OrganisationKind | undefined },
): Promise<OrganisationRecord[]> {
  const { organisations } = deps.store;
  if (actor.kind === 'system' || hasRole(actor, 'customs_admin')) return organisations.list(filter);
  if (hasRole(actor, 'customs_officer')) {
    return organisations.list({
      kind: filter.kind,
      ids: [...actor.officeIds],
      parentIds: [...actor.officeIds],
    });
  }
  if (filter.kind === 'office') return organisations.list({ kind: 'office' });
  return organisations.list({ kind: filter.kind, ids: [actor.orgId] });
}
