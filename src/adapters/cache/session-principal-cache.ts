import type { Repositories, SessionPrincipal, Store } from '../../app/ports.js';

export interface SessionPrincipalCacheOptions {
  /** How long a principal read from the database is reused; 0 turns the cache off. */
  ttlMs: number;
  maxEntries?: number;
  /** Wall-clock milliseconds; the cache ages in real time whatever the domain clock says. */
  now?: () => number;
}

/**
 * Keeps recently read session principals in memory for `ttlMs`, so an authenticated request does not
 * read the same session row again and again. Every change this process makes to sessions or users
 * (logout, password change, disabling a user, purging) drops the affected entries at once, and again
 * after its transaction commits. Another process's change is seen within `ttlMs` at most (ADR 0003).
 */
export function withSessionPrincipalCache(store: Store, options: SessionPrincipalCacheOptions): Store {
  if (options.ttlMs <= 0) return store;
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { principal: SessionPrincipal; until: number }>();
  const forgetUser = (userId: string) => {
    for (const [id, entry] of entries) if (entry.principal.user.id === userId) entries.delete(id);
  };

  const wrap = (repositories: Repositories, afterCommit?: Array<() => void>): Repositories => {
    const invalidate = (drop: () => void) => {
      drop();
      afterCommit?.push(drop);
    };
    const { sessions, users } = repositories;
    return {
      ...repositories,
      sessions: {
        ...sessions,
        async findPrincipal(id) {
          // Inside a transaction, read what the transaction sees.
          if (afterCommit) return sessions.findPrincipal(id);
          const hit = entries.get(id);
          const at = now();
          if (hit && hit.until > at) return hit.principal;
          const principal = await sessions.findPrincipal(id);
          entries.delete(id);
          if (principal) {
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
            entries.set(id, { principal, until: at + options.ttlMs });
          }
          return principal;
        },
        async touch(id, lastSeenAt) {
          await sessions.touch(id, lastSeenAt);
          const hit = entries.get(id);
          if (hit) hit.principal = { ...hit.principal, session: { ...hit.principal.session, lastSeenAt } };
        },
        async delete(id) {
          await sessions.delete(id);
          invalidate(() => entries.delete(id));
        },
        async deleteForUser(userId, exceptId) {
          await sessions.deleteForUser(userId, exceptId);
          invalidate(() => forgetUser(userId));
        },
        async deleteExpired(at) {
          const deleted = await sessions.deleteExpired(at);
          invalidate(() => entries.clear());
          return deleted;
        },
      },
      users: {
        ...users,
        async updatePassword(id, passwordHash, at) {
          await users.updatePassword(id, passwordHash, at);
          invalidate(() => forgetUser(id));
        },
        async updateStatus(id, status, at) {
          await users.updateStatus(id, status, at);
          invalidate(() => forgetUser(id));
        },
      },
    };
  };

  return {
    ...wrap(store),
    ping: () => store.ping(),
    async transaction(work) {
      const afterCommit: Array<() => void> = [];
      const result = await store.transaction((tx) => work(wrap(tx, afterCommit)));
      for (const drop of afterCommit) drop();
      return result;
    },
  };
}
