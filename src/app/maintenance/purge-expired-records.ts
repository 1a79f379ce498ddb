import type { Deps } from '../ports.js';

/** Deletes sessions past their absolute expiry and login-throttle entries that no longer matter. */
export async function purgeExpiredRecords(
  deps: Pick<Deps, 'store' | 'clock'>,
): Promise<{ sessions: number; throttleEntries: number }> {
  const now = deps.clock.now();
  const sessions = await deps.store.sessions.deleteExpired(now.toISOString());
  // A throttle entry matters while its window is open or its lock holds; both last at most 15 minutes.
  const stale = new Date(now.getTime() - 60 * 60_000).toISOString();
  const throttleEntries = await deps.store.loginThrottle.deleteStale(stale, now.toISOString());
  return { sessions, throttleEntries };
}
