import type { Actor } from '../../domain/actor.js';
import { hasRole } from '../../domain/actor.js';
import type { OrganisationKind } from '../../domain/roles.js';
import type { Deps, OrganisationRecord } from '../ports.js';

/**
 * Lists the organisations the caller may see: everything for the customs administration, an officer's
 * offices and the enterprises and agencies affiliated with them, and otherwise one's own organisation.
 * Customs offices and agencies are public: anyone may list them by asking for that kind.
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
  // Customs offices and registered agencies are public: anyone may list them to choose one.
  if (filter.kind === 'office' || filter.kind === 'agency') return organisations.list({ kind: filter.kind });
  return organisations.list({ kind: filter.kind, ids: [actor.orgId] });
}
