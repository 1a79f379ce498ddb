/** The source of "now" for the core; tests pass a clock they control. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let lastMillis = Number.NaN;
let lastIso = '';
/**
 * `date.toISOString()`, kept for the last millisecond formatted: V8 formats dates in C++ through printf
 * (about 1 µs), and a busy server stamps many answers within the same millisecond. An invalid date throws
 * as `toISOString` does.
 */
export function isoTimestamp(date: Date): string {
  const millis = date.getTime();
  if (millis !== lastMillis) {
    lastIso = date.toISOString();
    lastMillis = millis;
  }
  return lastIso;
}

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-05T08:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
