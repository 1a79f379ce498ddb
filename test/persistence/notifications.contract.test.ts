import { afterEach, beforeEach, expect, it } from 'vitest';
import type { NotificationRecord } from '../../src/app/ports.js';
import type { TestRuntime } from '../support/runtime.js';
import { describeEachDatabase, openTestRuntime } from '../support/runtime.js';

// The notifications repository, against real migrations on each database: one notification per person and
// key (what makes the escalation job idempotent), newest first with a cursor, unread count, read once.
describeEachDatabase('notifications contract', (dialect) => {
  let runtime: TestRuntime;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect, { demo: true });
  });
  afterEach(async () => {
    await runtime.close();
  });

  const notice = (userId: string, id: string, key: string, createdAt: string): NotificationRecord => ({
    id,
    userId,
    key,
    subjectType: 'verification_case',
    subjectId: 'case-1',
    message: { en: 'Overdue', zh: '已逾期' },
    createdAt,
    readAt: null,
  });

  it('stores one notification per person and key, lists newest first by pages, and marks read', async () => {
    const { store } = runtime.deps;
    const wang = (await store.users.findByUsername('officer.wang'))!.id;
    const zhao = (await store.users.findByUsername('officer.zhao'))!.id;
    const at = (minute: number) => `2026-03-02T01:0${minute}:00.000Z`;
    expect(await store.notifications.insert(notice(wang, 'n1', 'k1', at(1)))).toBe(true);
    expect(await store.notifications.insert(notice(wang, 'n1-again', 'k1', at(2)))).toBe(false);
    expect(await store.notifications.insert(notice(zhao, 'n2', 'k1', at(2)))).toBe(true);
    expect(await store.notifications.insert(notice(wang, 'n3', 'k2', at(3)))).toBe(true);
    expect(await store.notifications.insert(notice(wang, 'n4', 'k3', at(3)))).toBe(true);

    const first = await store.notifications.listFor(wang, { unreadOnly: false, limit: 2 });
    expect(first.map((entry) => entry.id)).toEqual(['n4', 'n3']);
    expect(first[0]).toEqual(notice(wang, 'n4', 'k3', at(3)));
    const rest = await store.notifications.listFor(wang, {
      unreadOnly: false,
      before: { createdAt: first[1]!.createdAt, id: first[1]!.id },
      limit: 2,
    });
    expect(rest.map((entry) => entry.id)).toEqual(['n1']);
    expect(await store.notifications.countUnread(wang)).toBe(3);

    await store.notifications.markRead('n3', at(5));
    await store.notifications.markRead('n3', at(6)); // the first reading stays
    expect((await store.notifications.findById('n3'))?.readAt).toBe(at(5));
    expect(await store.notifications.countUnread(wang)).toBe(2);
    const unread = await store.notifications.listFor(wang, { unreadOnly: true, limit: 10 });
    expect(unread.map((entry) => entry.id)).toEqual(['n4', 'n1']);
    expect((await store.notifications.listFor(zhao, { unreadOnly: false, limit: 10 })).length).toBe(1);
  });

  it('keeps nothing of a notification whose transaction fails', async () => {
    const { store } = runtime.deps;
    const wang = (await store.users.findByUsername('officer.wang'))!.id;
    await expect(
      store.transaction(async (tx) => {
        await tx.notifications.insert(notice(wang, 'n9', 'k9', '2026-03-02T01:00:00.000Z'));
        throw new Error('the escalation failed after the notice');
      }),
    ).rejects.toThrow('the escalation failed');
    expect(await store.notifications.findById('n9')).toBeUndefined();
  });
});
