import { describe, expect, it } from 'vitest';
import type { ThrottleState } from './login-throttle.js';
import { USERNAME_THROTTLE, afterFailure, lockRemainingMs } from './login-throttle.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute));

describe('login throttling (5 failures in 15 minutes lock a username for 15 minutes)', () => {
  it('does not lock after four failures, locks at the fifth', () => {
    let state: ThrottleState | undefined;
    for (let failure = 1; failure <= 4; failure += 1) {
      state = afterFailure(state, USERNAME_THROTTLE, at(failure));
      expect(lockRemainingMs(state, at(failure))).toBe(0);
    }
    state = afterFailure(state, USERNAME_THROTTLE, at(5));
    expect(lockRemainingMs(state, at(5))).toBe(15 * 60_000);
    expect(lockRemainingMs(state, at(19))).toBe(60_000);
    expect(lockRemainingMs(state, at(20))).toBe(0);
  });

  it('starts a new window when the failures are older than 15 minutes', () => {
    let state: ThrottleState | undefined;
    for (let failure = 0; failure < 4; failure += 1)
      state = afterFailure(state, USERNAME_THROTTLE, at(failure));
    state = afterFailure(state, USERNAME_THROTTLE, at(16));
    expect(state).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
