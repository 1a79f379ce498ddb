import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../domain/actor.js';
import type { Deps, SessionPrincipal } from '../ports.js';
import { hashSecret } from '../tokens.js';
import { sessionEndsAtMs } from './build-session-view.js';

/** Last-seen times are written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

/** API keys look like `origo_<prefix>_<secret>`; the prefix finds the row, the secret proves possession. */
export const API_KEY_PATTERN = /^origo_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function actorOfPrincipal(principal: SessionPrincipal): Actor {
  return {
    kind: 'user',
    userId: principal.user.id,
    orgId: principal.user.orgId,
    orgKind: principal.organisation.kind,
    roles: principal.user.roles,
    officeIds: principal.officeIds,
  };
}

/** What a request needs from a principal besides the principal itself, worked out once per principal. */
interface Derived {
  settings: Deps['sessions'];
  actor: Actor;
  endsAtMs: number;
  lastSeenMs: number;
}

/**
 * The session cache hands out the same principal object to every request of a session until it changes
 * (a touch makes a new one), so what is derived from it (the actor, frozen: requests share it; the
 * session's end; when it was last seen) is kept beside it rather than worked out on every request.
 */
const derivedFromPrincipal = new WeakMap<SessionPrincipal, Derived>();

function derive(principal: SessionPrincipal, settings: Deps['sessions']): Derived {
  const known = derivedFromPrincipal.get(principal);
  if (known?.settings === settings) return known;
  const derived: Derived = {
    settings,
    actor: Object.freeze(actorOfPrincipal(principal)),
    endsAtMs: sessionEndsAtMs(principal, settings),
    lastSeenMs: Date.parse(principal.session.lastSeenAt),
  };
  derivedFromPrincipal.set(principal, derived);
  return derived;
}

/** Resolves a session cookie's token to the acting user, or undefined when it is unknown, idle or expired. */
export async function authenticateSession(
  deps: Pick<Deps, 'store' | 'clock' | 'sessions'>,
  token: string,
): Promise<{ actor: Actor; principal: SessionPrincipal } | undefined> {
  const sessionId = hashSecret(token);
  const principal = await deps.store.sessions.findPrincipal(sessionId);
  if (!principal) return undefined;
  const { actor, endsAtMs, lastSeenMs } = derive(principal, deps.sessions);
  const now = deps.clock.now().getTime();
  if (now >= endsAtMs || principal.user.status !== 'active') {
    await deps.store.sessions.delete(sessionId);
    return undefined;
  }
  if (now - lastSeenMs > TOUCH_INTERVAL_MS) {
    await deps.store.sessions.touch(sessionId, new Date(now).toISOString());
  }
  return { actor, principal };
}

/** Resolves an API key to the system client acting for its organisation, or undefined. */
export async function authenticateApiKey(
  deps: Pick<Deps, 'store' | 'clock'>,
  presented: string,
): Promise<Actor | undefined> {
  const match = API_KEY_PATTERN.exec(presented);
  if (!match) return undefined;
  const [, prefix, secret] = match as unknown as [string, string, string];
  const apiKey = await deps.store.apiKeys.findByPrefix(prefix);
  if (!apiKey || apiKey.revokedAt) return undefined;
  const expected = Buffer.from(apiKey.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  const now = deps.clock.now();
  if (!apiKey.lastUsedAt || now.getTime() - new Date(apiKey.lastUsedAt).getTime() > TOUCH_INTERVAL_MS) {
    await deps.store.apiKeys.touch(apiKey.id, now.toISOString());
  }
  return {
    kind: 'apiKey',
    apiKeyId: apiKey.id,
    orgId: apiKey.orgId,
    orgKind: apiKey.orgKind,
    roles: apiKey.roles,
    officeIds: [],
  };
}
