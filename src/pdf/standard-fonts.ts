import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Metrics of the PDF standard fonts the certificates use (Helvetica, Helvetica-Bold), read once per
 * process from the Adobe font metrics files pdfkit ships, as numeric tables indexed by WinAnsi code.
 * pdfkit builds objects keyed by glyph name for every document and looks every glyph and kerning pair
 * up by name; these tables make measuring a string a few array reads per character.
 */

export type StandardFontName = 'Helvetica' | 'Helvetica-Bold';

export interface StandardFontMetrics {
  name: StandardFontName;
  /** Advance width of each WinAnsi code, in thousandths of the font size. */
  widths: Float64Array;
  /** Kerning by `left * 256 + right` (WinAnsi codes), in thousandths of the font size; 0 when none. */
  kerning: Float64Array;
  /** Baseline below the line's top, in thousandths of the font size. */
  ascender: number;
  /** Line height (the font's bounding box), in thousandths of the font size, as pdfkit spaces lines. */
  lineHeight: number;
}

/** Glyph names of WinAnsiEncoding (PDF 1.7, annex D), from code 0x20; `-` where the code has none. */
const WIN_ANSI_NAMES =
  `space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright
asterisk plus comma hyphen period slash zero one two three four five six seven eight nine colon semicolon less
equal greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright
asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright
asciitilde - Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron
guilsinglleft OE - Zcaron - - quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde
trademark scaron guilsinglright oe - zcaron Ydieresis space exclamdown cent sterling currency yen brokenbar
section dieresis copyright ordfeminine guillemotleft logicalnot hyphen registered macron degree plusminus
twosuperior threesuperior acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright
onequarter onehalf threequarters questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla
Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex
Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls agrave aacute
acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex
idieresis eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex
udieresis yacute thorn ydieresis`.split(/\s+/);

/** Unicode characters WinAnsiEncoding places at 0x80–0x9F (elsewhere it agrees with Latin-1). */
const WIN_ANSI_EXTRAS: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

const QUESTION_MARK = 0x3f;

/**
 * The WinAnsi code of a UTF-16 code unit. Characters the standard fonts cannot show (outside
 * WinAnsiEncoding) become "?", visibly, rather than a wrong glyph.
 */
export function winAnsiCode(unit: number): number {
  if ((unit >= 0x20 && unit <= 0x7e) || (unit >= 0xa0 && unit <= 0xff)) return unit;
  return WIN_ANSI_EXTRAS[unit] ?? QUESTION_MARK;
}

function parseAfm(name: StandardFontName, text: string): StandardFontMetrics {
  const glyphWidths = new Map<string, number>();
  const pairs: Array<[string, string, number]> = [];
  let ascender = 0;
  let bbox = [0, 0, 0, 0];
  for (const line of text.split('\n')) {
    if (line.startsWith('C ')) {
      const width = /\bWX (-?\d+)/.exec(line);
      const glyph = /\bN (\S+)/.exec(line);
      if (width && glyph) glyphWidths.set(glyph[1]!, Number(width[1]));
    } else if (line.startsWith('KPX ')) {
      const [, left, right, amount] = line.trim().split(/\s+/);
      pairs.push([left!, right!, Number(amount)]);
    } else if (line.startsWith('Ascender ')) ascender = Number(line.split(/\s+/)[1]);
    else if (line.startsWith('FontBBox ')) bbox = line.trim().split(/\s+/).slice(1).map(Number);
  }
  const codesOf = new Map<string, number[]>();
  const widths = new Float64Array(256);
  WIN_ANSI_NAMES.forEach((glyph, index) => {
    if (glyph === '-') return;
    const code = 0x20 + index;
    widths[code] = glyphWidths.get(glyph) ?? 0;
    codesOf.set(glyph, [...(codesOf.get(glyph) ?? []), code]);
  });
  const kerning = new Float64Array(256 * 256);
  for (const [left, right, amount] of pairs)
    for (const leftCode of codesOf.get(left) ?? [])
      for (const rightCode of codesOf.get(right) ?? []) kerning[leftCode * 256 + rightCode] = amount;
  return { name, widths, kerning, ascender, lineHeight: bbox[3]! - bbox[1]! };
}

const loaded = new Map<StandardFontName, StandardFontMetrics>();

/** The font's metrics, parsed on first use and kept for the process. */
export function standardFont(name: StandardFontName): StandardFontMetrics {
  let metrics = loaded.get(name);
  if (!metrics) {
    const pdfkitDirectory = path.dirname(createRequire(import.meta.url).resolve('pdfkit'));
    metrics = parseAfm(name, fs.readFileSync(path.join(pdfkitDirectory, 'data', `${name}.afm`), 'latin1'));
    loaded.set(name, metrics);
  }
  return metrics;
}
