import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../ports.js';

/**
 * Marks one of the caller's notifications read. Someone else's is refused as FORBIDDEN, like one that
 * does not exist, so nobody learns which notifications others have.
 */
export async function markNotificationRead(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<void> {
  const notification = await deps.store.notifications.findById(id);
  if (!notification || actor.kind !== 'user' || notification.userId !== actor.userId)
    throw new DomainError('FORBIDDEN', 'You are not allowed to do this.');
  await deps.store.notifications.markRead(notification.id, deps.clock.now().toISOString());
}
