import { describe, expect, it } from 'vitest';
import type { HashedAuditFields } from './audit.js';
import { AUDIT_GENESIS_HASH, checkAuditChain, hashAuditEvent } from './audit.js';

type StoredEvent = HashedAuditFields & { hash: string };

/** A trail of `count` events linked the way the audit log links them (ADR 0002), with varied content. */
function trail(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = AUDIT_GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const fields: HashedAuditFields = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 5, 8, seq)).toISOString(),
      actorKind: seq % 2 === 0 ? 'system' : 'user',
      actorUserId: seq % 2 === 0 ? null : 'u-ent-admin',
      actorOrgId: seq % 2 === 0 ? null : 'ent-1',
      actorLabel: seq % 2 === 0 ? 'system:cli' : 'user:u-ent-admin',
      type: seq % 2 === 0 ? 'enterprise_profile.synchronised' : 'enterprise_profile.saved',
      subjectType: 'organisation',
      subjectId: 'ent-1',
      data:
        seq % 2 === 0
          ? { version: seq, receipt: `R-${seq}` }
          : { version: seq, changedFields: ['nameEn', 'addressZh'] },
      prevHash,
    };
    const hash = hashAuditEvent(fields);
    events.push({ ...fields, hash });
    prevHash = hash;
  }
  return events;
}

const START = { seq: 0, hash: AUDIT_GENESIS_HASH };
const EDITED = 'content does not match its hash (edited)';
const BROKEN_LINK = 'previous-hash link does not match the event before it';

/** Checks a trail in pages of `size`, each page continuing from the last, as `origo audit verify` does. */
function checkInPages(events: StoredEvent[], size: number) {
  let last = START;
  const problems = [];
  for (let offset = 0; offset < events.length; offset += size) {
    const page = checkAuditChain(events.slice(offset, offset + size), last);
    problems.push(...page.problems);
    last = page.last;
  }
  return { problems, last };
}

describe('audit event hash (ADR 0002: SHA-256 over the canonical JSON of every field)', () => {
  it('is a hex SHA-256 that does not depend on the order of the fields', () => {
    const { hash, ...fields } = trail(1)[0]!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reversed = Object.fromEntries(Object.entries(fields).reverse()) as unknown as HashedAuditFields;
    expect(hashAuditEvent(reversed)).toBe(hash);
  });

  it('changes when any single field changes, the link to the previous event included', () => {
    const { hash, ...fields } = trail(1)[0]!;
    const changed: Array<Partial<HashedAuditFields>> = [
      { seq: 2 },
      { occurredAt: '2026-01-05T08:01:00.001Z' },
      { actorKind: 'apiKey' },
      { actorUserId: 'u-other' },
      { actorOrgId: 'ent-2' },
      { actorLabel: 'user:u-other' },
      { type: 'user.logged_in' },
      { subjectType: 'user' },
      { subjectId: 'ent-2' },
      { data: { version: 1, changedFields: ['nameEn'] } },
      { prevHash: 'f'.repeat(64) },
    ];
    expect(changed.map((change) => Object.keys(change)[0]).sort()).toStrictEqual(Object.keys(fields).sort());
    for (const change of changed) {
      expect(hashAuditEvent({ ...fields, ...change }), JSON.stringify(change)).not.toBe(hash);
    }
  });
});

describe('audit chain check (ADR 0002: edited, missing and reordered events are reported by seq)', () => {
  it('passes an intact trail and ends at its last event', () => {
    const events = trail(6);
    expect(checkAuditChain(events, START)).toStrictEqual({
      problems: [],
      last: { seq: 6, hash: events[5]!.hash },
    });
  });

  it('passes an empty page and keeps the state it was given', () => {
    expect(checkAuditChain([], { seq: 4, hash: 'a'.repeat(64) })).toStrictEqual({
      problems: [],
      last: { seq: 4, hash: 'a'.repeat(64) },
    });
  });

  it("reports an event whose data was edited at that event's seq, and only there", () => {
    const events = trail(6);
    events[2] = { ...events[2]!, data: { version: 3, changedFields: ['nameZh'] } };
    expect(checkAuditChain(events, START).problems).toStrictEqual([{ seq: 3, reason: EDITED }]);
  });

  it('catches an edit whose forger also recomputed the hash: the next event no longer links to it', () => {
    const events = trail(6);
    const { hash: _hash, ...fields } = events[2]!;
    const forged = { ...fields, actorLabel: 'user:someone-else' };
    events[2] = { ...forged, hash: hashAuditEvent(forged) };
    expect(checkAuditChain(events, START).problems).toStrictEqual([{ seq: 4, reason: BROKEN_LINK }]);
  });

  it('reports a deleted middle event as missing, at the event after the gap', () => {
    const events = trail(6);
    events.splice(2, 1); // seq 3 deleted
    expect(checkAuditChain(events, START).problems).toStrictEqual([
      { seq: 4, reason: 'events 3 to 3 are missing (deleted)' },
      { seq: 4, reason: BROKEN_LINK },
    ]);
  });

  it('reports several deleted events as one missing range', () => {
    const events = trail(6);
    events.splice(1, 3); // seq 2, 3 and 4 deleted
    expect(checkAuditChain(events, START).problems).toStrictEqual([
      { seq: 5, reason: 'events 2 to 4 are missing (deleted)' },
      { seq: 5, reason: BROKEN_LINK },
    ]);
  });

  it('reports a deleted first event against the genesis hash', () => {
    const events = trail(3).slice(1);
    expect(checkAuditChain(events, START).problems).toStrictEqual([
      { seq: 2, reason: 'events 1 to 1 are missing (deleted)' },
      { seq: 2, reason: BROKEN_LINK },
    ]);
  });

  it('detects two events swapped, at both of the moved events', () => {
    const events = trail(6);
    [events[2], events[3]] = [events[3]!, events[2]!];
    const { problems } = checkAuditChain(events, START);
    const reported = new Set(problems.map((problem) => problem.seq));
    expect(reported.has(3)).toBe(true);
    expect(reported.has(4)).toBe(true);
    // Nothing was edited: every event still matches its own hash.
    expect(problems.filter((problem) => problem.reason === EDITED)).toStrictEqual([]);
  });

  it('detects an event renumbered to hide its position (its seq is covered by the hash)', () => {
    const events = trail(4);
    events[3] = { ...events[3]!, seq: 5 };
    expect(checkAuditChain(events, START).problems).toContainEqual({ seq: 5, reason: EDITED });
  });

  // A swap or a replayed event is named as such, never as an impossible range of deletions.
  it('never describes a reordering or a replayed event as an impossible missing range', () => {
    const swapped = trail(6);
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    const replayed = trail(5);
    replayed.splice(3, 0, replayed[2]!); // seq 3 stored twice
    for (const events of [swapped, replayed]) {
      for (const { reason } of checkAuditChain(events, START).problems) {
        const range = /events (\d+) to (\d+) are missing/.exec(reason);
        if (range) expect(Number(range[1])).toBeLessThanOrEqual(Number(range[2]));
      }
    }
  });

  describe('page by page gives the same result as all at once', () => {
    const scenarios: Record<string, () => StoredEvent[]> = {
      intact: () => trail(7),
      'one edited': () => {
        const events = trail(7);
        events[4] = { ...events[4]!, occurredAt: '2030-01-01T00:00:00.000Z' };
        return events;
      },
      'one deleted': () => {
        const events = trail(7);
        events.splice(3, 1);
        return events;
      },
      'two swapped': () => {
        const events = trail(7);
        [events[2], events[3]] = [events[3]!, events[2]!];
        return events;
      },
    };
    for (const [name, build] of Object.entries(scenarios)) {
      it(`${name}: every page size from 1 to the whole trail`, () => {
        const events = build();
        const whole = checkAuditChain(events, START);
        for (let size = 1; size <= events.length; size += 1) {
          expect(checkInPages(events, size), `page size ${size}`).toStrictEqual(whole);
        }
      });
    }
  });
});
