import { describe, expect, it } from 'vitest';
import type { ThrottleState } from './login-throttle.js';
import { ADDRESS_THROTTLE, USERNAME_THROTTLE, afterFailure, lockRemainingMs } from './login-throttle.js';

const MINUTE = 60_000;
const START = Date.UTC(2026, 0, 5, 8, 0);
/** An instant `ms` milliseconds after 08:00 on 5 January 2026. */
const at = (ms: number) => new Date(START + ms);

/** The state after one failure at each of the given instants. */
function failuresAt(
  instants: number[],
  rule = USERNAME_THROTTLE,
  from?: ThrottleState,
): ThrottleState | undefined {
  let state = from;
  for (const instant of instants) state = afterFailure(state, rule, at(instant));
  return state;
}

describe('login throttling per username (ADR 0003: 5 failures in 15 minutes lock it for 15 minutes)', () => {
  it('is the rule the ADR states', () => {
    expect(USERNAME_THROTTLE).toStrictEqual({ maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
  });

  it('lets a username that never failed try at once', () => {
    expect(lockRemainingMs(undefined, at(0))).toBe(0);
  });

  it('does not lock after four failures', () => {
    let state: ThrottleState | undefined;
    for (let failure = 1; failure <= 4; failure += 1) {
      state = afterFailure(state, USERNAME_THROTTLE, at(failure * MINUTE));
      expect(state).toStrictEqual({
        failures: failure,
        windowStartedAt: at(MINUTE).toISOString(),
        lockedUntil: null,
      });
      expect(lockRemainingMs(state, at(failure * MINUTE))).toBe(0);
    }
  });

  it('locks at the fifth failure for 15 minutes from that failure', () => {
    const state = failuresAt([1, 2, 3, 4, 5].map((minute) => minute * MINUTE));
    expect(state?.lockedUntil).toBe(at(20 * MINUTE).toISOString());
    expect(lockRemainingMs(state, at(5 * MINUTE))).toBe(15 * MINUTE);
  });

  it('counts the lock down to 0 and never below', () => {
    const state = failuresAt([0, 1, 2, 3, 4].map((minute) => minute * MINUTE));
    // Locked at minute 4 until minute 19.
    expect(lockRemainingMs(state, at(5 * MINUTE))).toBe(14 * MINUTE);
    expect(lockRemainingMs(state, at(18 * MINUTE))).toBe(MINUTE);
    expect(lockRemainingMs(state, at(19 * MINUTE - 1))).toBe(1);
    expect(lockRemainingMs(state, at(19 * MINUTE))).toBe(0);
    expect(lockRemainingMs(state, at(60 * MINUTE))).toBe(0);
  });

  it('locks when the fifth failure comes just inside the window, measured from the first failure', () => {
    const state = failuresAt([0, 1, 2, 3].map((minute) => minute * MINUTE).concat(15 * MINUTE - 1));
    expect(lockRemainingMs(state, at(15 * MINUTE - 1))).toBe(15 * MINUTE);
  });

  it('starts a new window, counting from 1, when the failures so far are 15 minutes old or older', () => {
    const state = failuresAt([0, 1, 2, 3].map((minute) => minute * MINUTE).concat(15 * MINUTE));
    expect(state).toStrictEqual({
      failures: 1,
      windowStartedAt: at(15 * MINUTE).toISOString(),
      lockedUntil: null,
    });
    expect(lockRemainingMs(state, at(15 * MINUTE))).toBe(0);
  });

  it('after a lock ends, the next failure does not lock again at once', () => {
    const locked = failuresAt([0, 1, 2, 3, 4].map((minute) => minute * MINUTE));
    const next = afterFailure(locked, USERNAME_THROTTLE, at(20 * MINUTE));
    expect(next).toStrictEqual({
      failures: 1,
      windowStartedAt: at(20 * MINUTE).toISOString(),
      lockedUntil: null,
    });
    expect(lockRemainingMs(next, at(20 * MINUTE))).toBe(0);
  });
});

describe('login throttling per client address (ADR 0003: 30 failures in 15 minutes)', () => {
  it('does not lock after 29 failures and locks for 15 minutes at the 30th', () => {
    const seconds = Array.from({ length: 30 }, (_, index) => index * 1000);
    const after29 = failuresAt(seconds.slice(0, 29), ADDRESS_THROTTLE);
    expect(lockRemainingMs(after29, at(28_000))).toBe(0);
    const after30 = afterFailure(after29, ADDRESS_THROTTLE, at(29_000));
    expect(lockRemainingMs(after30, at(29_000))).toBe(15 * MINUTE);
  });
});
