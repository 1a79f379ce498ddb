import fs from 'node:fs';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';

/**
 * The CJK font (Noto Sans CJK) for Chinese text. Reading and parsing the 19 MB collection is slow (about
 * 70 ms), so it happens once per process; each document then registers the parsed font and embeds a
 * subset of the glyphs it used (about 40 ms to encode for a new set of glyphs; a set seen before, such as
 * the same office name again, reuses the encoded subset).
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
  loaded = typeof parsed?.layout === 'function' ? withSubsetCache(parsed as FontkitFont) : bytes;
  return loaded;
}

/** The part of a fontkit font and its subsets that the cache below touches. */
interface FontkitFont {
  createSubset(): { glyphs: number[]; encode(): Uint8Array };
  layout(text: string, features?: unknown): GlyphRun;
}

/** fontkit's shaped text: the glyphs, and their positions, which pdfkit scales in place. */
interface GlyphRun {
  positions: Array<Record<string, number>>;
}

const SUBSET_CACHE_SIZE = 256;
const LAYOUT_CACHE_SIZE = 1024;

/**
 * fontkit's shaping of a text (script detection, substitution and positioning tables), kept for the
 * process: every certificate shapes the same office name again. pdfkit scales a run's positions in place,
 * so each caller gets its own copy of them; the glyphs, which nobody changes, are shared. (The run's
 * `advanceWidth` is a getter over `positions`, so it follows the copy.)
 */
function withLayoutCache(font: FontkitFont, cached: FontkitFont): void {
  const runs = new Map<string, GlyphRun>();
  cached.layout = (text, features) => {
    if (features !== undefined) return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      run = font.layout(text);
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.delete(runs.keys().next().value!);
      runs.set(text, run);
    }
    const copy = Object.create(run) as GlyphRun;
    copy.positions = run.positions.map((position) => ({ ...position }));
    return copy;
  };
}

/**
 * The font with its subsets' encoding and its shaped texts kept for the process. Subsets are kept by
 * glyph list: encoding a CFF subset (fontkit) is most of the time of a document with Chinese text, and
 * the same office names give the same glyphs in the same order, so the same bytes. A subset's glyph list
 * fixes its glyph numbering, hence its bytes; any other glyph list is encoded afresh. Shaped texts are
 * kept by text (`withLayoutCache`).
 */
function withSubsetCache(font: FontkitFont): CjkFont {
  const encoded = new Map<string, Uint8Array>();
  const cached: FontkitFont = Object.create(font) as FontkitFont;
  cached.createSubset = () => {
    const subset = font.createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let bytes = encoded.get(key);
      if (!bytes) {
        bytes = encode();
        if (encoded.size >= SUBSET_CACHE_SIZE) encoded.delete(encoded.keys().next().value!);
        encoded.set(key, bytes);
        deflated.set(bytes, zlib.deflateSync(bytes));
      }
      return bytes;
    };
    return subset;
  };
  withLayoutCache(font, cached);
  return cached as unknown as CjkFont;
}

/** The deflated bytes of each kept subset: pdfkit would deflate the same ~90 kB for every document. */
const deflated = new WeakMap<Uint8Array, Buffer>();

/**
 * The deflated bytes of a kept subset, for `collectOutput` (`pdf-output.ts`) to write as they are: a Noto
 * Sans CJK subset carries the font's global subroutines, about 90 kB, whose compression was about 2 ms of
 * every certificate with Chinese text. pdfkit writes a subset as the single chunk of a fresh stream object
 * (`fontFile.end(subset.encode())`), and that chunk is the very array kept above.
 */
export const deflatedSubset = (bytes: Uint8Array): Buffer | undefined => deflated.get(bytes);
