import { afterEach, beforeEach, expect, it } from 'vitest';
import { withSessionPrincipalCache } from '../../src/adapters/cache/session-principal-cache.js';
import { createKyselyStore } from '../../src/adapters/db/kysely-store.js';
import type { Store } from '../../src/app/ports.js';
import type { TestRuntime } from '../support/runtime.js';
import { describeEachDatabase, openTestRuntime } from '../support/runtime.js';

describeEachDatabase('session principal cache', (dialect) => {
  let runtime: TestRuntime;
  let database: Store; // what another process sees: no cache
  let cached: Store;
  let wallClock: number;
  let userId: string;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect, { demo: true });
    database = createKyselyStore(runtime.handle.db, runtime.handle.dialect);
    wallClock = 1_000_000;
    cached = withSessionPrincipalCache(database, { ttlMs: 2000, now: () => wallClock });
    userId = (await database.users.findByUsername('ent.clerk'))!.id;
    for (const id of ['s1', 's2']) {
      await database.sessions.insert({
        id,
        userId,
        csrfToken: 'c',
        createdAt: '2026-03-02T00:00:00.000Z',
        expiresAt: '2026-03-02T12:00:00.000Z',
        lastSeenAt: '2026-03-02T00:00:00.000Z',
        clientAddress: null,
        userAgent: null,
      });
    }
  });
  afterEach(async () => {
    await runtime.close();
  });

  it('sees another process’s logout within the time to live, and not before', async () => {
    expect(await cached.sessions.findPrincipal('s1')).toBeDefined();
    await database.sessions.delete('s1');
    wallClock += 1999;
    expect(await cached.sessions.findPrincipal('s1')).toBeDefined();
    wallClock += 1;
    expect(await cached.sessions.findPrincipal('s1')).toBeUndefined();
  });

  it('forgets a session at once when this process logs it out', async () => {
    await cached.sessions.findPrincipal('s1');
    await cached.sessions.delete('s1');
    expect(await cached.sessions.findPrincipal('s1')).toBeUndefined();
  });

  it('forgets every session of a user disabled in a transaction, once it commits', async () => {
    await cached.sessions.findPrincipal('s1');
    await cached.sessions.findPrincipal('s2');
    await cached.transaction(async (tx) => {
      await tx.users.updateStatus(userId, 'disabled', '2026-03-02T01:00:00.000Z');
    });
    expect((await cached.sessions.findPrincipal('s1'))?.user.status).toBe('disabled');
    expect((await cached.sessions.findPrincipal('s2'))?.user.status).toBe('disabled');
  });

  it('keeps a touched session’s last-seen time current in the cache', async () => {
    await cached.sessions.findPrincipal('s1');
    await cached.sessions.touch('s1', '2026-03-02T00:30:00.000Z');
    expect((await cached.sessions.findPrincipal('s1'))?.session.lastSeenAt).toBe('2026-03-02T00:30:00.000Z');
  });
});
