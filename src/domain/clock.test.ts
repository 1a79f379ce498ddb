import { describe, expect, it } from 'vitest';
import { ManualClock, isoTimestamp, systemClock } from './clock.js';

describe('ManualClock (tests move time by hand; it never moves by itself)', () => {
  it('starts at the given instant, or at 2026-01-05T08:00:00Z by default', () => {
    expect(new ManualClock().now().toISOString()).toBe('2026-01-05T08:00:00.000Z');
    expect(new ManualClock('2026-03-01T00:00:00.000Z').now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(new ManualClock(new Date(Date.UTC(2027, 5, 30))).now().toISOString()).toBe(
      '2027-06-30T00:00:00.000Z',
    );
  });

  it('stays where it is until told to move', () => {
    const clock = new ManualClock();
    expect(clock.now().getTime()).toBe(clock.now().getTime());
  });

  it('advances by the given milliseconds, cumulatively', () => {
    const clock = new ManualClock('2026-01-05T08:00:00.000Z');
    clock.advance(15 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-01-05T08:15:00.000Z');
    clock.advance(1);
    expect(clock.now().toISOString()).toBe('2026-01-05T08:15:00.001Z');
    clock.advance(24 * 3_600_000);
    expect(clock.now().toISOString()).toBe('2026-01-06T08:15:00.001Z');
  });

  it('is set to an instant given as text or as a Date, backwards too, and advances from there', () => {
    const clock = new ManualClock('2026-01-05T08:00:00.000Z');
    clock.set('2030-12-31T23:59:59.000Z');
    expect(clock.now().toISOString()).toBe('2030-12-31T23:59:59.000Z');
    clock.set(new Date('2025-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:01.000Z');
  });

  it('hands out copies: changing a returned Date or the Date it was set with does not move the clock', () => {
    const start = new Date('2026-01-05T08:00:00.000Z');
    const clock = new ManualClock(start);
    start.setUTCFullYear(1999);
    clock.now().setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-01-05T08:00:00.000Z');
  });
});

describe('systemClock', () => {
  it('returns a fresh Date each time', () => {
    const first = systemClock.now();
    expect(first).toBeInstanceOf(Date);
    expect(systemClock.now()).not.toBe(first);
  });
});

describe('isoTimestamp (toISOString, kept for the last millisecond)', () => {
  it('formats every instant as toISOString does, the same millisecond twice and instants out of order', () => {
    const instants = [
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T08:00:00.001Z',
      '1999-12-31T23:59:59.999Z',
      '2026-01-05T08:00:00.001Z',
      '+275760-09-13T00:00:00.000Z',
    ];
    for (const instant of instants) expect(isoTimestamp(new Date(instant))).toBe(instant);
  });

  it('throws for an invalid date, as toISOString does', () => {
    expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
