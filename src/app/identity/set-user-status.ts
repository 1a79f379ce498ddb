import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, UserStatus } from '../ports.js';
import type { UserView } from './views.js';
import { toUserView } from './views.js';

/** Enables or disables a user; disabling ends their sessions at once. */
export async function setUserStatus(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { userId: string; status: UserStatus },
): Promise<UserView> {
  const { store } = deps;
  const user = await store.users.findById(input.userId);
  if (!user) {
    // Only someone who may manage every organisation's users learns that the id is unknown.
    authorize(actor, 'user.manage', {});
    throw new DomainError('NOT_FOUND', 'No such user.');
  }
  await loadOrganisationFor(store.organisations, actor, 'user.manage', user.orgId);
  if (actor.kind === 'user' && actor.userId === user.id) {
    throw new DomainError('CONFLICT', 'You cannot change the status of your own account.');
  }
  const at = deps.clock.now().toISOString();
  if (user.status !== input.status) {
    await store.transaction(async (tx) => {
      await tx.users.updateStatus(user.id, input.status, at);
      if (input.status === 'disabled') await tx.sessions.deleteForUser(user.id);
      await tx.audit.append(actor, at, {
        type: 'user.status_changed',
        subjectType: 'user',
        subjectId: user.id,
        data: { status: input.status },
      });
    });
  }
  return toUserView({ ...user, status: input.status }, await store.users.officeIdsOf(user.id));
}
