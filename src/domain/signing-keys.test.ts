import { describe, expect, it } from 'vitest';
import type { SigningKeyTimes } from './signing-keys.js';
import {
  activeSigningKey,
  jwksOf,
  planFirstKey,
  planRetirement,
  planRotation,
  signingKeyState,
} from './signing-keys.js';

const T0 = '2026-03-02T01:00:00.000Z';
const DAY2 = '2026-03-04T01:00:00.000Z';
const key = (kid: string, activatesAt: string, retiredAt: string | null = null): SigningKeyTimes => ({
  kid,
  createdAt: T0,
  activatesAt,
  retiredAt,
});
/** Applies a plan's changes as the use cases do. */
const apply = (keys: SigningKeyTimes[], changes: ReturnType<typeof planRetirement>) =>
  keys.map((entry) => {
    const change = changes.find((candidate) => candidate.kid === entry.kid);
    return change ? { ...entry, ...change } : entry;
  });

describe('signing key states (ADR 0009): next, active, retired follow from the instants', () => {
  it('is next before it activates, active until it retires, retired from then on', () => {
    const k = key('k', DAY2, '2026-04-01T00:00:00.000Z');
    expect(signingKeyState(k, T0)).toBe('next');
    expect(signingKeyState(k, DAY2)).toBe('active');
    expect(signingKeyState(k, '2026-04-01T00:00:00.000Z')).toBe('retired');
  });

  it('makes the first key active at once, and refuses a second while one is live', () => {
    expect(planFirstKey([], T0)).toEqual({ activatesAt: T0 });
    expect(() => planFirstKey([key('a', T0)], T0)).toThrow(/rotate/);
    expect(planFirstKey([key('a', T0, T0)], DAY2)).toEqual({ activatesAt: DAY2 });
  });
});

describe('rotation with an overlap', () => {
  it('publishes the new key now, signs with it after the overlap, retiring the old key at that instant', () => {
    const plan = planRotation([key('old', T0)], T0, 2);
    expect(plan).toEqual({ activatesAt: DAY2, changes: [{ kid: 'old', retiredAt: DAY2 }] });
    const keys = [...apply([key('old', T0)], plan.changes), key('new', plan.activatesAt)];
    expect(activeSigningKey(keys, '2026-03-03T00:00:00.000Z')?.kid).toBe('old');
    expect(signingKeyState(keys[1]!, '2026-03-03T00:00:00.000Z')).toBe('next');
    expect(activeSigningKey(keys, DAY2)?.kid).toBe('new');
    expect(signingKeyState(keys[0]!, DAY2)).toBe('retired');
  });

  it('with no overlap the new key signs at once; without an active key too', () => {
    expect(planRotation([key('old', T0)], T0, 0)).toEqual({
      activatesAt: T0,
      changes: [{ kid: 'old', retiredAt: T0 }],
    });
    expect(planRotation([], T0, 5)).toEqual({ activatesAt: T0, changes: [] });
  });

  it('refuses a second rotation while one waits, and overlaps outside 0 to 90 days', () => {
    expect(() => planRotation([key('old', T0, DAY2), key('new', DAY2)], T0, 1)).toThrow(/already waits/);
    expect(() => planRotation([key('old', T0)], T0, -1)).toThrow(/0 to 90/);
    expect(() => planRotation([key('old', T0)], T0, 1.5)).toThrow(/0 to 90/);
    expect(() => planRotation([key('old', T0)], T0, 91)).toThrow(/0 to 90/);
  });
});

describe('retirement stops signing', () => {
  it('hands signing to the waiting key at once when the active key retires', () => {
    const keys = [key('old', T0, DAY2), key('new', DAY2)];
    const changes = planRetirement(keys, 'old', '2026-03-03T00:00:00.000Z');
    expect(changes).toEqual([
      { kid: 'old', retiredAt: '2026-03-03T00:00:00.000Z' },
      { kid: 'new', activatesAt: '2026-03-03T00:00:00.000Z' },
    ]);
    expect(activeSigningKey(apply(keys, changes), '2026-03-03T00:00:00.000Z')?.kid).toBe('new');
  });

  it('leaves nothing signing when the only key retires', () => {
    const keys = apply([key('only', T0)], planRetirement([key('only', T0)], 'only', DAY2));
    expect(activeSigningKey(keys, DAY2)).toBeUndefined();
  });

  it('cancels a waiting rotation when the next key retires: the active key signs on', () => {
    const keys = [key('old', T0, DAY2), key('new', DAY2)];
    const after = apply(keys, planRetirement(keys, 'new', T0));
    expect(activeSigningKey(after, '2026-05-01T00:00:00.000Z')?.kid).toBe('old');
  });

  it('refuses an unknown or already retired key', () => {
    expect(() => planRetirement([], 'x', T0)).toThrow(/no signing key x/);
    expect(() => planRetirement([key('a', T0, T0)], 'a', DAY2)).toThrow(/already retired/);
  });
});

describe('the JWKS', () => {
  it('lists every key as an Ed25519 signing key (OKP, EdDSA, use sig)', () => {
    expect(jwksOf([{ kid: 'k1', publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc' } }])).toStrictEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'abc', kid: 'k1', use: 'sig', alg: 'EdDSA' }],
    });
  });
});
