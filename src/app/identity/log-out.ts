import type { Actor } from '../../domain/actor.js';
import type { Deps } from '../ports.js';

/** Ends the caller's session. */
export async function logOut(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  sessionId: string,
): Promise<void> {
  if (actor.kind !== 'user') return;
  await deps.store.transaction(async (tx) => {
    await tx.sessions.delete(sessionId);
    await tx.audit.append(actor, deps.clock.now().toISOString(), {
      type: 'user.logged_out',
      subjectType: 'user',
      subjectId: actor.userId,
      data: {},
    });
  });
}
