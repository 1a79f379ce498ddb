/**
 * Login throttling: a key (a username, or a client address) that fails too often in a window is locked
 * for a while. Pure: the store keeps the state, this decides.
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const USERNAME_THROTTLE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_THROTTLE: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockRemainingMs(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, new Date(state.lockedUntil).getTime() - now.getTime());
}

/** The state after one more failure. */
export function afterFailure(state: ThrottleState | undefined, rule: ThrottleRule, now: Date): ThrottleState {
  const nowMs = now.getTime();
  const windowOpen = state !== undefined && nowMs - new Date(state.windowStartedAt).getTime() < rule.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now.toISOString();
  const lockedUntil = failures >= rule.maxFailures ? new Date(nowMs + rule.lockMs).toISOString() : null;
  return { failures: lockedUntil ? 0 : failures, windowStartedAt, lockedUntil };
}
