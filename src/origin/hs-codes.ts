/**
 * HS codes as the origin rules use them: digit prefixes. A chapter is 2 digits, a heading 4, a subheading
 * 6; national codes (8 or 10 digits) rest on their first six. Lists in rules ("except 8501-8504") and the
 * scope of a product-specific row are items: one code, or a range of codes of the same length.
 */

/** One code (from === to) or a range of codes of the same length (2, 4 or 6 digits). */
export interface HsItem {
  from: string;
  to: string;
}

/** Three-valued answer for codes given with fewer digits than a test needs. */
export type Tristate = 'yes' | 'no' | 'maybe';

/** Digits of each tariff-change level. */
export const LEVEL_DIGITS = { CC: 2, CTH: 4, CTSH: 6 } as const;

/** The word a sentence uses for each level. */
export const LEVEL_NAMES = { 2: 'chapter', 4: 'heading', 6: 'subheading' } as const;

/** A code as people write it: subheadings with a dot ("8509.40"), others as digits. */
export function formatHsCode(code: string): string {
  if (code.length === 6) return `${code.slice(0, 4)}.${code.slice(4)}`;
  if (code.length === 8) return `${code.slice(0, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;
  if (code.length === 10)
    return `${code.slice(0, 4)}.${code.slice(4, 6)}.${code.slice(6, 8)}.${code.slice(8)}`;
  return code;
}

/** An item as a rule prints it: "8503", "8509.40", "8501-8504". */
export function formatHsItem(item: HsItem): string {
  return item.from === item.to
    ? formatHsCode(item.from)
    : `${formatHsCode(item.from)}-${formatHsCode(item.to)}`;
}

/** Items as a rule prints a list: "2901, 2902". */
export const formatHsList = (items: readonly HsItem[]): string => items.map(formatHsItem).join(', ');

/** Whether a code falls in an item; "maybe" when the code has fewer digits than the item. */
export function hsItemContains(item: HsItem, code: string): Tristate {
  const length = item.from.length;
  if (code.length >= length) {
    const prefix = code.slice(0, length);
    return prefix >= item.from && prefix <= item.to ? 'yes' : 'no';
  }
  const from = item.from.slice(0, code.length);
  const to = item.to.slice(0, code.length);
  if (code < from || code > to) return 'no';
  const padding = length - code.length;
  return item.from <= code + '0'.repeat(padding) && item.to >= code + '9'.repeat(padding) ? 'yes' : 'maybe';
}

/** Whether a code falls in any item of a list. */
export function hsListContains(items: readonly HsItem[], code: string): Tristate {
  let answer: Tristate = 'no';
  for (const item of items) {
    const found = hsItemContains(item, code);
    if (found === 'yes') return 'yes';
    if (found === 'maybe') answer = 'maybe';
  }
  return answer;
}

/** Whether a chapter (2 digits) lies in a list of chapter ranges written "50-63". */
export function chapterIn(chapter: string, ranges: readonly string[]): boolean {
  return ranges.some((range) => {
    const [from = '', to = from] = range.split('-');
    return chapter >= from && chapter <= to;
  });
}
