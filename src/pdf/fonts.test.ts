import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CJK_FONT, cjkFont } from './fonts.js';

const OFFICE = '中华人民共和国上海海关';

/** The width and glyph positions pdfkit computes for `text` in a fresh document with the CJK font. */
function measure(font: ReturnType<typeof cjkFont>, text: string) {
  const doc = new PDFDocument({ autoFirstPage: false, font: '' });
  doc.registerFont('cjk', font);
  doc.font('cjk').fontSize(10);
  const width = doc.widthOfString(text);
  const [, positions] = (
    doc as unknown as { _font: { encode(text: string): [string[], unknown[]] } }
  )._font.encode(text);
  return { width, positions };
}

describe.runIf(fs.existsSync(DEFAULT_CJK_FONT.path))('the CJK font kept for the process', () => {
  it('measures and positions the same text the same in every document, as the font file itself does', () => {
    const kept = cjkFont();
    const fromFile = fs.readFileSync(DEFAULT_CJK_FONT.path);
    const reference = (() => {
      const doc = new PDFDocument({ autoFirstPage: false, font: '' });
      doc.registerFont('cjk', fromFile, DEFAULT_CJK_FONT.family);
      doc.font('cjk').fontSize(10);
      return doc.widthOfString(OFFICE);
    })();
    const first = measure(kept, OFFICE);
    const second = measure(kept, OFFICE);
    const third = measure(kept, OFFICE);
    // Kept subsets and shaped runs give every document what the font file itself gives. (pdfkit scales a
    // run's positions in place by 1000 / unitsPerEm, which is 1 for Noto Sans CJK, so a shared run would
    // not show here; fonts.ts copies the positions anyway.)
    expect(first.width).toBeCloseTo(reference, 6);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(first.width).toBeGreaterThan(0);
  });
});
