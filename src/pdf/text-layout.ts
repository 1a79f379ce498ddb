import type { StandardFontMetrics } from './standard-fonts.js';
import { winAnsiCode } from './standard-fonts.js';

/**
 * Measuring, line breaking and drawing text in the standard fonts without pdfkit's text engine: widths
 * and kerning come from the per-font tables of `standard-fonts.ts`, and the PDF text operators are
 * written directly. Same metrics and kerning as pdfkit, so a line looks as pdfkit would set it.
 * Lines break after spaces and after a hyphen inside a word (not before a digit: "1-200" stays whole).
 */

/** A text's lines as set in a width, and whether every unbreakable part fitted the width. */
export interface WrappedText {
  lines: string[];
  fits: boolean;
}

const SPACE = 0x20;
const HYPHEN = 0x2d;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isSpace = (code: number) => code === SPACE || code === 0x09 || code === 0xa0;

/** The text's WinAnsi codes, one per UTF-16 code unit (tabs as spaces). */
function codesOf(text: string): Uint8Array {
  const codes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    codes[index] = unit === 0x09 ? SPACE : winAnsiCode(unit);
  }
  return codes;
}

/** The width of the text at the size, in points, kerned (as pdfkit's `widthOfString`). */
export function textWidth(text: string, font: StandardFontMetrics, size: number): number {
  const codes = codesOf(text);
  return (kernedWidth(codes, font, 0, codes.length) * size) / 1000;
}

/** The width of codes start to end (exclusive) in font units, each kerned against the next one inside. */
function kernedWidth(codes: Uint8Array, font: StandardFontMetrics, start: number, end: number): number {
  let width = 0;
  for (let index = start; index < end; index++) {
    const code = codes[index]!;
    width += font.widths[code]!;
    if (index + 1 < end) width += font.kerning[code * 256 + codes[index + 1]!]!;
  }
  return width;
}

/** The distance from one line's top to the next line's top, in points. */
export const lineHeight = (font: StandardFontMetrics, size: number): number =>
  (font.lineHeight * size) / 1000;

/** The width of characters start to end (exclusive), without the last one's kerning against the next. */
function spanWidth(
  advance: Float64Array,
  codes: Uint8Array,
  font: StandardFontMetrics,
  start: number,
  end: number,
): number {
  const kern = end < codes.length ? font.kerning[codes[end - 1]! * 256 + codes[end]!]! : 0;
  return advance[end]! - advance[start]! - kern;
}

/** Sets one paragraph (no line feeds) in the width: greedy, as word processors and pdfkit do. */
function wrapParagraph(
  text: string,
  font: StandardFontMetrics,
  size: number,
  width: number,
  out: WrappedText,
) {
  const codes = codesOf(text);
  const count = codes.length;
  const limit = (width * 1000) / size + 1e-6;

  // Most paragraphs fit on one line: their text without the spaces around it is measured once. A line
  // only grows as words are added (no kerning takes back a whole glyph's width), so when the whole fits,
  // the greedy setting below would make this one line too.
  let first = 0;
  while (first < count && isSpace(codes[first]!)) first++;
  let last = count;
  while (last > first && isSpace(codes[last - 1]!)) last--;
  if (first === last) return; // blank: no line
  if (kernedWidth(codes, font, first, last) <= limit) {
    out.lines.push(first === 0 && last === count ? text : text.slice(first, last));
    return;
  }

  // advance[i]: the width up to character i, each character kerned against the next one.
  const advance = new Float64Array(count + 1);
  for (let index = 0; index < count; index++) {
    const code = codes[index]!;
    const kern = index + 1 < count ? font.kerning[code * 256 + codes[index + 1]!]! : 0;
    advance[index + 1] = advance[index]! + font.widths[code]! + kern;
  }

  let lineStart = 0;
  let lineEnd = -1; // where the current line's visible text ends; -1 while the line is empty
  let segmentStart = 0;
  while (segmentStart < count) {
    // The next unbreakable part: up to a break after spaces or after a hyphen inside a word.
    let visibleEnd = segmentStart;
    while (visibleEnd < count && !isSpace(codes[visibleEnd]!)) {
      const code = codes[visibleEnd++]!;
      if (
        code === HYPHEN &&
        visibleEnd - 1 > segmentStart &&
        visibleEnd < count &&
        !isDigit(codes[visibleEnd]!) &&
        !isSpace(codes[visibleEnd]!)
      )
        break;
    }
    let segmentEnd = visibleEnd;
    while (segmentEnd < count && isSpace(codes[segmentEnd]!)) segmentEnd++;
    if (visibleEnd > segmentStart) {
      if (lineEnd >= 0 && spanWidth(advance, codes, font, lineStart, visibleEnd) > limit) {
        out.lines.push(text.slice(lineStart, lineEnd));
        lineStart = segmentStart;
      }
      if (spanWidth(advance, codes, font, segmentStart, visibleEnd) > limit) out.fits = false;
      lineEnd = visibleEnd;
    } else if (lineEnd < 0) lineStart = segmentEnd; // spaces at the start of the line
    segmentStart = segmentEnd;
  }
  if (lineEnd >= 0) out.lines.push(text.slice(lineStart, lineEnd));
}

/** The text's lines in the width at the size; line feeds start new lines. */
export function wrapText(text: string, font: StandardFontMetrics, size: number, width: number): WrappedText {
  const out: WrappedText = { lines: [], fits: true };
  for (const paragraph of text.split(/\r?\n/)) wrapParagraph(paragraph, font, size, width, out);
  return out;
}

/**
 * Each WinAnsi code as it goes inside a PDF literal string: itself, or escaped for the three characters a
 * literal string gives meaning to. Half the bytes of hexadecimal strings, so less to build and write.
 */
const LITERAL = Array.from({ length: 256 }, (_, code) =>
  code === 0x28 || code === 0x29 || code === 0x5c
    ? `\\${String.fromCharCode(code)}`
    : String.fromCharCode(code),
);

/** A number as PDF content writes it: at most three decimals. */
export const pdfNumber = (value: number): string => String(Math.round(value * 1000) / 1000);

/**
 * PDF text operators for one line whose top left corner is at (x, top) in pdfkit's page space (y down),
 * inside a `BT ... ET` that has selected the font and size: a text matrix that puts the baseline an
 * ascender below the top and flips the glyphs upright, and the glyphs with their kerning.
 */
export function lineOperators(
  text: string,
  font: StandardFontMetrics,
  size: number,
  x: number,
  top: number,
): string {
  const codes = codesOf(text);
  let shown = '[(';
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index]!;
    shown += LITERAL[code];
    const kern = index + 1 < codes.length ? font.kerning[code * 256 + codes[index + 1]!]! : 0;
    if (kern !== 0) shown += `) ${-kern} (`;
  }
  const baseline = top + (font.ascender * size) / 1000;
  return `1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n${shown})] TJ\n`;
}

/** `BT`, the font (by its resource name) and size, the lines' operators, `ET`. */
export function textObject(resource: string, size: number, body: string): string {
  return `BT\n/${resource} ${pdfNumber(size)} Tf\n${body}ET\n`;
}
