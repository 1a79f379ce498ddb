import { describe, expect, it } from 'vitest';
import type { HashedAuditFields } from './audit.js';
import { AUDIT_GENESIS_HASH, checkAuditChain, hashAuditEvent } from './audit.js';

/** A chain of `count` events built the way the audit log builds it. */
function chain(count: number): Array<HashedAuditFields & { hash: string }> {
  const events: Array<HashedAuditFields & { hash: string }> = [];
  let prevHash = AUDIT_GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const fields: HashedAuditFields = {
      seq,
      occurredAt: `2026-01-0${seq}T00:00:00.000Z`,
      actorKind: 'user',
      actorUserId: 'u1',
      actorOrgId: 'o1',
      actorLabel: 'user:u1',
      type: 'user.logged_in',
      subjectType: 'user',
      subjectId: 'u1',
      data: { username: `user${seq}` },
      prevHash,
    };
    const hash = hashAuditEvent(fields);
    events.push({ ...fields, hash });
    prevHash = hash;
  }
  return events;
}

const start = { seq: 0, hash: AUDIT_GENESIS_HASH };

describe('audit hash chain (ADR 0002)', () => {
  it('accepts an intact chain and ends at its last event', () => {
    const events = chain(5);
    expect(checkAuditChain(events, start)).toEqual({ problems: [], last: { seq: 5, hash: events[4]!.hash } });
  });

  it('hashes independently of key order and changes with any field', () => {
    const [event] = chain(1);
    const { hash, ...fields } = event!;
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as HashedAuditFields;
    expect(hashAuditEvent(reordered)).toBe(hash);
    expect(hashAuditEvent({ ...fields, actorLabel: 'user:u2' })).not.toBe(hash);
  });

  it('reports an edited event at its number', () => {
    const events = chain(4);
    events[2] = { ...events[2]!, data: { username: 'someone else' } };
    expect(checkAuditChain(events, start).problems).toEqual([
      { seq: 3, reason: 'content does not match its hash (edited)' },
    ]);
  });

  it('reports a deleted event as missing', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(checkAuditChain(events, start).problems).toEqual([
      { seq: 3, reason: 'events 2 to 2 are missing (deleted)' },
      { seq: 3, reason: 'previous-hash link does not match the event before it' },
    ]);
  });

  it('detects two events swapped', () => {
    const events = chain(4);
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(checkAuditChain(events, start).problems.length).toBeGreaterThan(0);
  });

  it('gives the same verdict page by page as all at once', () => {
    const events = chain(7);
    events[4] = { ...events[4]!, occurredAt: '2030-01-01T00:00:00.000Z' };
    const whole = checkAuditChain(events, start);
    const first = checkAuditChain(events.slice(0, 3), start);
    const second = checkAuditChain(events.slice(3), first.last);
    expect([...first.problems, ...second.problems]).toEqual(whole.problems);
    expect(second.last).toEqual(whole.last);
  });
});
