import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { standardFont, winAnsiCode } from './standard-fonts.js';
import { lineHeight, lineOperators, textWidth, wrapText } from './text-layout.js';

const SAMPLES = [
  "MEN'S COTTON KNITTED T-SHIRTS, 100% COTTON, STYLE 1***",
  'AVAWAY Tokyo, Yokohama; "quoted" L.T.V. {braces} [x] 12,000.00',
  'Façade – São Paulo — Zürich “ÆØÅ” €5 • naïve',
];

describe('standard font metrics and text layout', () => {
  it('measures every sample as pdfkit does (widths and kerning from the same AFM files)', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const font of ['Helvetica', 'Helvetica-Bold'] as const)
      for (const text of SAMPLES) {
        doc.font(font).fontSize(8);
        expect(textWidth(text, standardFont(font), 8)).toBeCloseTo(doc.widthOfString(text), 6);
        expect(lineHeight(standardFont(font), 8)).toBeCloseTo(doc.currentLineHeight(true), 6);
      }
  });

  it('breaks after spaces and after a hyphen inside a word, never before a digit after a hyphen', () => {
    const font = standardFont('Helvetica');
    const width = textWidth('COTTON KNITTED T-', font, 8) + 0.01;
    expect(wrapText('COTTON KNITTED T-SHIRTS', font, 8, width)).toEqual({
      lines: ['COTTON KNITTED T-', 'SHIRTS'],
      fits: true,
    });
    expect(wrapText('C/NO. 1-200', font, 8, textWidth('C/NO. 1-', font, 8) + 0.01).lines).toEqual([
      'C/NO.',
      '1-200',
    ]);
    expect(wrapText('FIRST LINE\nSECOND', font, 8, 1000).lines).toEqual(['FIRST LINE', 'SECOND']);
  });

  it('sets a paragraph that fits as one line without the spaces around it, and breaks it a hair narrower', () => {
    const font = standardFont('Helvetica');
    for (const sample of SAMPLES) {
      const full = textWidth(sample, font, 8);
      expect(wrapText(`  ${sample}\u00a0 `, font, 8, full)).toEqual({ lines: [sample], fits: true });
      const narrower = wrapText(`  ${sample} `, font, 8, full - 0.01);
      expect(narrower.lines.length).toBeGreaterThan(1);
      // Every line of the narrower setting fits, and the words are all there, in order.
      for (const line of narrower.lines) expect(textWidth(line, font, 8)).toBeLessThanOrEqual(full - 0.01);
      expect(narrower.lines.join(' ').replace(/- /g, '-')).toBe(sample);
    }
    expect(wrapText(' \t ', font, 8, 100)).toEqual({ lines: [], fits: true });
  });

  it('reports a word wider than the width as not fitting', () => {
    const font = standardFont('Helvetica');
    expect(wrapText('INVOICE EB-2026-0117-ABCDEFGHIJ', font, 8, 40).fits).toBe(false);
    expect(wrapText('A B C', font, 8, 40).fits).toBe(true);
  });

  it('writes the glyphs as a WinAnsi literal string with kerning between them, the baseline an ascender below the top', () => {
    const font = standardFont('Helvetica');
    // "AV" is a kerned pair in Helvetica (-70).
    expect(lineOperators('AV', font, 10, 5, 20)).toBe('1 0 0 -1 5 27.18 Tm\n[(A) 70 (V)] TJ\n');
    // Parentheses and backslashes are escaped; other WinAnsi codes, the euro's 0x80 too, are written as bytes.
    expect(lineOperators('(1\\2)€', font, 10, 5, 20)).toBe('1 0 0 -1 5 27.18 Tm\n[(\\(1\\\\2\\)\x80)] TJ\n');
    expect(winAnsiCode('€'.charCodeAt(0))).toBe(0x80);
    expect(winAnsiCode('中'.charCodeAt(0))).toBe(0x3f);
  });
});
