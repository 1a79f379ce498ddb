import type { Actor } from '../../domain/actor.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import type { UserView } from './views.js';
import { toUserView } from './views.js';

/** Lists the users of one organisation. */
export async function listUsers(deps: Pick<Deps, 'store'>, actor: Actor, orgId: string): Promise<UserView[]> {
  await loadOrganisationFor(deps.store.organisations, actor, 'user.manage', orgId);
  const users = await deps.store.users.listByOrganisation(orgId);
  return users.map((user) => toUserView(user, user.officeIds));
}
