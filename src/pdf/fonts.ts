import fs from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * The CJK font (Noto Sans CJK) for Chinese text. Reading and parsing the 19 MB collection is slow (about
 * 70 ms), so it happens once per process; each document then registers the parsed font and embeds a
 * subset of the glyphs it used (about 40 ms for a document with Chinese text, 0 without).
 */

/** Where Debian/Ubuntu's fonts-noto-cjk puts the collection, and the face inside it for simplified Chinese. */
export const DEFAULT_CJK_FONT = {
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  family: 'NotoSansCJKsc-Regular',
};

/** A font pdfkit accepts in `registerFont`: the parsed font object, or the file's bytes. */
export type CjkFont = Parameters<PDFKit.PDFDocument['registerFont']>[1];

let loaded: CjkFont | undefined;

/**
 * The parsed CJK font, loaded on first use and kept for the process. pdfkit parses a font's bytes with
 * fontkit on every `font()` call; handing it the parsed font instead (pdfkit accepts any object with
 * fontkit's `layout`) skips that. If pdfkit ever stops exposing it, the bytes are used, slower but right.
 */
export function cjkFont(file = DEFAULT_CJK_FONT): CjkFont {
  if (loaded) return loaded;
  const bytes = fs.readFileSync(file.path);
  const scratch = new PDFDocument({ autoFirstPage: false });
  scratch.registerFont('cjk', bytes, file.family);
  scratch.font('cjk');
  const parsed = (scratch as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  loaded = typeof parsed?.layout === 'function' ? (parsed as CjkFont) : bytes;
  return loaded;
}
