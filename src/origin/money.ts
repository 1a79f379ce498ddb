/**
 * Exact arithmetic for origin tests. Amounts enter as decimal numbers with at most two decimals (weights
 * three) and are turned into integers once, exactly (see `scaled`), so that no sum, share or
 * comparison the engine shows depends on binary floating point. Shares are kept in basis points
 * (hundredths of a per cent) and compared by cross-multiplication, never by dividing first.
 */

/** An amount of money in minor units (cents of the bill of materials' currency). */
export type Cents = number;

/** A weight in grams. */
export type Grams = number;

/** A share in basis points: 4000 is 40.00 %. */
export type BasisPoints = number;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Whether a number is finite, not negative and written with at most `decimals` decimals. */
export function hasAtMostDecimals(amount: number, decimals: number): boolean {
  if (!Number.isFinite(amount) || amount < 0) return false;
  const scale = 10 ** decimals;
  // The double nearest to a decimal with few digits is the one n / scale gives back (see `scaled`).
  if (amount * scale <= Number.MAX_SAFE_INTEGER && Math.round(amount * scale) / scale === amount) return true;
  const match = DECIMAL.exec(String(amount));
  return match !== null && (match[2] ?? '').length <= decimals;
}

/**
 * The integer number of 10^-decimals units in a non-negative decimal number (`scaled(62.5, 2)` is 6250),
 * exactly: the decimal the number stands for, never its binary approximation times 100. Callers validate
 * first (`hasAtMostDecimals`); anything else is rounded as a last resort.
 */
export function scaled(amount: number, decimals: number): number {
  const scale = 10 ** decimals;
  // Fast path: n = round(amount * scale) is the decimal's integer exactly when n / scale (a correctly
  // rounded division) gives back the very same double, which is then the double nearest to n / scale.
  const units = Math.round(amount * scale);
  if (Number.isSafeInteger(units) && units / scale === amount) return units;
  const match = DECIMAL.exec(String(amount));
  if (!match) return units;
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  if (fraction.length > decimals) return units;
  return Number(match[1]) * scale + Number(fraction || '0');
}

/** Cents in an amount of money (`toCents(62.5)` is 6250). */
export const toCents = (amount: number): Cents => scaled(amount, 2);

/** Grams in a weight in kilograms (`toGrams(1.25)` is 1250). */
export const toGrams = (kilograms: number): Grams => scaled(kilograms, 3);

/** Basis points in a percentage (`toBasisPoints(40)` is 4000). */
export const toBasisPoints = (percent: number): BasisPoints => scaled(percent, 2);

function fixed(units: number, decimals: number): string {
  // String slicing, not division: this formats every amount of every result.
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const point = digits.length - decimals;
  return `${units < 0 ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** An amount as it is shown in results: "62.50". */
export const formatMoney = (cents: Cents): string => fixed(cents, 2);

/** A weight as it is shown in results: "1.250" (kilograms). */
export const formatWeight = (grams: Grams): string => fixed(grams, 3);

/** A share as it is shown in results: "37.50" (per cent, two decimals). */
export const formatShare = (share: BasisPoints): string => fixed(share, 2);

/** A threshold as the rule writes it: "40", "35.5". */
export function formatThreshold(share: BasisPoints): string {
  return fixed(share, 2).replace(/\.?0+$/, '');
}

/** floor(a * b / c) exactly, for integers and c > 0; BigInt only when the product leaves the safe range. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    let quotient = Math.floor(product / c);
    // Division of two exact integers is correctly rounded, but may round up across an integer: correct it.
    while (quotient * c > product) quotient -= 1;
    while ((quotient + 1) * c <= product) quotient += 1;
    return quotient;
  }
  const big = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  let quotient = big / divisor;
  if (big % divisor !== 0n && big < 0n) quotient -= 1n; // BigInt division truncates towards zero
  return Number(quotient);
}

/**
 * `part / whole` in basis points, truncated (floored): the shown share never crosses a threshold the
 * exact share does not cross, so "39.99 % < 40 %" is never printed as "40.00 % < 40 %".
 */
export const shareOf = (part: number, whole: number): BasisPoints => mulDivFloor(part, 10_000, whole);

/** Whether `part / whole >= threshold`, decided exactly (whole > 0). */
export function shareAtLeast(part: number, whole: number, threshold: BasisPoints): boolean {
  const left = part * 10_000;
  const right = threshold * whole;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(part) * 10_000n >= BigInt(threshold) * BigInt(whole);
}

/** Whether `part / whole <= limit`, decided exactly (whole > 0). */
export function shareAtMost(part: number, whole: number, limit: BasisPoints): boolean {
  const left = part * 10_000;
  const right = limit * whole;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left <= right;
  return BigInt(part) * 10_000n <= BigInt(limit) * BigInt(whole);
}

/** The largest part whose share of `whole` stays within `limit`: floor(whole * limit / 10000). */
export const largestPartWithin = (whole: number, limit: BasisPoints): number =>
  mulDivFloor(whole, limit, 10_000);

/** The smallest part whose share of `whole` reaches `threshold`: ceil(whole * threshold / 10000). */
export function smallestPartReaching(whole: number, threshold: BasisPoints): number {
  return -mulDivFloor(-whole, threshold, 10_000);
}
