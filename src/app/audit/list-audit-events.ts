import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, StoredAuditEvent } from '../ports.js';

/** A page of the audit trail, newest first; `nextBefore` continues it. */
export async function listAuditEvents(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  input: { beforeSeq?: number | undefined; limit: number },
): Promise<{ items: Array<StoredAuditEvent & { actorUsername: string | null }>; nextBefore: number | null }> {
  authorize(actor, 'audit.read');
  const events = await deps.store.audit.listNewestFirst(input);
  // The stored label (inside the hash) names the user by id; the page also shows who that is.
  const userIds = [...new Set(events.flatMap((event) => (event.actorUserId ? [event.actorUserId] : [])))];
  const users = userIds.length ? await deps.store.users.findByIds(userIds) : [];
  const usernames = new Map(users.map((user) => [user.id, user.username]));
  const items = events.map((event) => ({
    ...event,
    actorUsername: event.actorUserId ? (usernames.get(event.actorUserId) ?? null) : null,
  }));
  const last = items.at(-1);
  return { items, nextBefore: items.length === input.limit && last && last.seq > 1 ? last.seq : null };
}
