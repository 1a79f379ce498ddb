import type { Actor } from '../../domain/actor.js';
import type { Deps, NotificationRecord } from '../ports.js';

/**
 * The caller's own notifications, newest first, a page at a time, with the unread count. They are
 * addressed to one person, so nobody else's are ever read: an API key or the system has none.
 */
export async function listNotifications(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  query: { unreadOnly: boolean; before?: { createdAt: string; id: string } | undefined; limit: number },
): Promise<{
  items: NotificationRecord[];
  unread: number;
  next: { createdAt: string; id: string } | null;
}> {
  if (actor.kind !== 'user') return { items: [], unread: 0, next: null };
  const [rows, unread] = await Promise.all([
    deps.store.notifications.listFor(actor.userId, { ...query, limit: query.limit + 1 }),
    deps.store.notifications.countUnread(actor.userId),
  ]);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    unread,
    next: rows.length > query.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
