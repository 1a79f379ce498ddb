/**
 * A sliding-window rate limit per client (public verification, ADR 0010): at most `limit` requests in any
 * `windowMs`, estimated from the counts of the current and the previous fixed window (the previous one
 * weighted by how much of it still lies inside the sliding window). Memory is one small entry per client;
 * state lives in the process that answers. Pure apart from that map: time is passed in.
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Counter {
  windowStart: number;
  current: number;
  previous: number;
}

export class SlidingWindowLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    readonly rule: RateLimitRule,
    /** Above this many clients, idle ones are forgotten first, then the oldest. */
    private readonly maxClients = 100_000,
  ) {}

  /** Counts one request of `client` at `nowMs` if the limit allows it. */
  take(client: string, nowMs: number): RateDecision {
    const { limit, windowMs } = this.rule;
    const windowStart = nowMs - (nowMs % windowMs);
    let counter = this.counters.get(client);
    if (!counter) {
      if (this.counters.size >= this.maxClients) this.forgetIdle(windowStart);
      counter = { windowStart, current: 0, previous: 0 };
      this.counters.set(client, counter);
    } else if (counter.windowStart !== windowStart) {
      counter.previous = windowStart - counter.windowStart === windowMs ? counter.current : 0;
      counter.current = 0;
      counter.windowStart = windowStart;
    }
    const elapsed = nowMs - windowStart;
    const estimate = counter.previous * (1 - elapsed / windowMs) + counter.current;
    if (estimate + 1 <= limit) {
      counter.current += 1;
      return { allowed: true };
    }
    // When the previous window's weight will have fallen enough, or this window ends.
    let waitMs = windowMs - elapsed;
    if (counter.current + 1 <= limit && counter.previous > 0) {
      const neededElapsed = windowMs * (1 - (limit - 1 - counter.current) / counter.previous);
      waitMs = Math.min(waitMs, neededElapsed - elapsed);
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  private forgetIdle(windowStart: number): void {
    for (const [client, counter] of this.counters)
      if (windowStart - counter.windowStart > this.rule.windowMs) this.counters.delete(client);
    // Still full (a flood of distinct clients): drop the oldest tenth.
    if (this.counters.size >= this.maxClients) {
      let drop = Math.ceil(this.maxClients / 10);
      for (const client of this.counters.keys()) {
        if (drop-- <= 0) break;
        this.counters.delete(client);
      }
    }
  }
}
