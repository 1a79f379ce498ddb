import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatShare,
  formatThreshold,
  hasAtMostDecimals,
  largestPartWithin,
  mulDivFloor,
  shareAtLeast,
  shareOf,
  smallestPartReaching,
  toCents,
} from './money.js';

describe('exact money for origin arithmetic', () => {
  it('reads amounts from their decimal text, never through binary fractions', () => {
    expect(toCents(0.1) + toCents(0.2)).toBe(toCents(0.3));
    expect(toCents(62.5)).toBe(6250);
    expect(toCents(1e9)).toBe(100_000_000_000);
    expect(hasAtMostDecimals(62.55, 2)).toBe(true);
    expect(hasAtMostDecimals(62.555, 2)).toBe(false);
    expect(hasAtMostDecimals(1e-7, 2)).toBe(false);
    expect(hasAtMostDecimals(-1, 2)).toBe(false);
  });

  it('shows shares truncated, so the shown comparison never contradicts the exact one', () => {
    // 39.996 % is below 40 %: it shows as 39.99, not 40.00.
    expect(formatShare(shareOf(39_996, 100_000))).toBe('39.99');
    expect(shareAtLeast(39_996, 100_000, 4000)).toBe(false);
    expect(formatShare(shareOf(-2_000, 10_000))).toBe('-20.00');
    expect(formatMoney(-750)).toBe('-7.50');
    expect(formatThreshold(3550)).toBe('35.5');
    expect(formatThreshold(4000)).toBe('40');
  });

  it('stays exact beyond the safe integer range', () => {
    expect(mulDivFloor(900_000_000_000_000, 10_000, 3)).toBe(3_000_000_000_000_000_000);
    expect(shareAtLeast(90_000_000_000_000, 100_000_000_000_000, 9000)).toBe(true);
    expect(shareAtLeast(89_999_999_999_999, 100_000_000_000_000, 9000)).toBe(false);
  });

  it('finds the limits advice is written with', () => {
    // At most 60 % of 100.00 may be non-originating for RVC 40 %; 40 % of 33.33 needs at least 13.34.
    expect(largestPartWithin(10_000, 6000)).toBe(6000);
    expect(smallestPartReaching(3333, 4000)).toBe(1334);
  });
});
