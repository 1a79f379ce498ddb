import { DomainError } from './errors.js';

/**
 * The issuing authority's signing keys and their life (ADR 0009). A key's state follows from two instants
 * and the time asked about, so a rotation planned days ahead needs no job to happen:
 *
 * - `next`: published in the JWKS, not yet signing (before `activatesAt`), so that verifiers who keep a
 *   copy of the JWKS learn it before the first certificate signed with it reaches them;
 * - `active`: signs new certificates (from `activatesAt` until `retiredAt`);
 * - `retired`: never signs again, but stays published for good, because certificates it signed stay
 *   verifiable for as long as they exist.
 *
 * The "overlap" of a rotation is the time the new key is published as `next` while the old one still
 * signs; at its end the new key becomes active and the old one retired, at the same instant.
 */

export const SIGNING_KEY_STATES = ['next', 'active', 'retired'] as const;
export type SigningKeyState = (typeof SIGNING_KEY_STATES)[number];

/** The public half of an Ed25519 key as a JSON Web Key (RFC 8037). */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The public key, base64url. */
  x: string;
}

/** A key as published in the JWKS. */
export interface PublishedJwk extends Ed25519PublicJwk {
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

export interface Jwks {
  keys: PublishedJwk[];
}

/** What the life of a key depends on. */
export interface SigningKeyTimes {
  kid: string;
  createdAt: string;
  activatesAt: string;
  retiredAt: string | null;
}

/** The longest overlap a rotation may plan. */
export const MAX_OVERLAP_DAYS = 90;

/** A key's state at an instant (ISO 8601 UTC instants compare as text). */
export function signingKeyState(key: SigningKeyTimes, at: string): SigningKeyState {
  if (key.retiredAt !== null && key.retiredAt <= at) return 'retired';
  if (key.activatesAt > at) return 'next';
  return 'active';
}

/** The key that signs at an instant: of the active ones, the one activated last. */
export function activeSigningKey<K extends SigningKeyTimes>(keys: readonly K[], at: string): K | undefined {
  let chosen: K | undefined;
  for (const key of keys) {
    if (signingKeyState(key, at) !== 'active') continue;
    if (
      !chosen ||
      key.activatesAt > chosen.activatesAt ||
      (key.activatesAt === chosen.activatesAt && key.createdAt > chosen.createdAt)
    )
      chosen = key;
  }
  return chosen;
}

/** A change to a stored key's instants. */
export interface KeyTimeChange {
  kid: string;
  activatesAt?: string;
  retiredAt?: string | null;
}

/** The first key (or a fresh one when every earlier key is retired): active at once. */
export function planFirstKey(keys: readonly SigningKeyTimes[], at: string): { activatesAt: string } {
  const live = keys.find((key) => signingKeyState(key, at) !== 'retired');
  if (live)
    throw new DomainError(
      'CONFLICT',
      `Key ${live.kid} is ${signingKeyState(live, at)}; use "keys rotate" to replace it.`,
    );
  return { activatesAt: at };
}

/**
 * A rotation: the new key is published now and signs after `overlapDays`; at that instant the key that
 * signs today retires. Without an active key the new one signs at once. Refused while an earlier
 * rotation still waits, so there is never more than one `next` key.
 */
export function planRotation(
  keys: readonly SigningKeyTimes[],
  at: string,
  overlapDays: number,
): { activatesAt: string; changes: KeyTimeChange[] } {
  if (!Number.isInteger(overlapDays) || overlapDays < 0 || overlapDays > MAX_OVERLAP_DAYS)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The overlap is a whole number of days, 0 to ${MAX_OVERLAP_DAYS}.`,
      [{ path: 'overlapDays', code: 'out_of_range', message: `Give 0 to ${MAX_OVERLAP_DAYS} days.` }],
    );
  const waiting = keys.find((key) => signingKeyState(key, at) === 'next');
  if (waiting)
    throw new DomainError(
      'CONFLICT',
      `Key ${waiting.kid} already waits to sign from ${waiting.activatesAt}; retire it first or wait.`,
    );
  const active = activeSigningKey(keys, at);
  const activatesAt = active ? new Date(Date.parse(at) + overlapDays * 86_400_000).toISOString() : at;
  const changes = keys
    .filter((key) => signingKeyState(key, at) === 'active')
    .filter((key) => key.retiredAt === null || key.retiredAt > activatesAt)
    .map((key) => ({ kid: key.kid, retiredAt: activatesAt }));
  return { activatesAt, changes };
}

/**
 * Retiring a key now. Retiring the active key hands signing to the `next` key at once, if there is one
 * (otherwise nothing signs until a key is generated); retiring a `next` key cancels its rotation, so the
 * active key keeps signing.
 */
export function planRetirement(keys: readonly SigningKeyTimes[], kid: string, at: string): KeyTimeChange[] {
  const key = keys.find((candidate) => candidate.kid === kid);
  if (!key) throw new DomainError('NOT_FOUND', `There is no signing key ${kid}.`);
  const state = signingKeyState(key, at);
  if (state === 'retired') throw new DomainError('CONFLICT', `Key ${kid} is already retired.`);
  const changes: KeyTimeChange[] = [{ kid, retiredAt: at }];
  if (state === 'active') {
    for (const waiting of keys.filter((candidate) => signingKeyState(candidate, at) === 'next'))
      changes.push({ kid: waiting.kid, activatesAt: at });
  } else {
    // The active key was due to retire when this one took over: it now signs on.
    for (const other of keys.filter((candidate) => signingKeyState(candidate, at) === 'active'))
      if (other.retiredAt === key.activatesAt) changes.push({ kid: other.kid, retiredAt: null });
  }
  return changes;
}

/** The JWKS: every key ever made (next, active and retired), oldest first. */
export function jwksOf(keys: ReadonlyArray<{ kid: string; publicJwk: Ed25519PublicJwk }>): Jwks {
  return {
    keys: keys.map((key) => ({
      kty: 'OKP',
      crv: 'Ed25519',
      x: key.publicJwk.x,
      kid: key.kid,
      use: 'sig',
      alg: 'EdDSA',
    })),
  };
}
