import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { Deps } from '../ports.js';

/** The officers of an office, for an officer of that office to assign an application to. */
export async function listOfficeOfficers(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  officeId: string,
): Promise<Array<{ id: string; username: string; displayName: string }>> {
  authorize(actor, 'review.decide', { officeId });
  const members = await deps.store.users.listOfficeMembers(officeId);
  return members
    .filter((user) => user.roles.includes('customs_officer'))
    .map((user) => ({ id: user.id, username: user.username, displayName: user.displayName }));
}
