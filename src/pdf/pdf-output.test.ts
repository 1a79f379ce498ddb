import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractSignedPayloadFromPdf } from '../domain/signed-certificate.js';
import { collectOutput, infoString } from './pdf-output.js';

/** Each object the cross-reference table lists, checked to start where the table says. */
function objectsByXref(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
  expect(first).toBe('0');
  const entries = text
    .slice(startxref)
    .split('\n')
    .slice(3, 2 + Number(count));
  entries.forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length), `object ${index + 1}`).toBe(
      `${index + 1} 0 obj`,
    );
  });
  return entries.length;
}

describe('collectOutput', () => {
  it('writes a file whose cross-reference table points at every object, with its content intact', async () => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const kept = Buffer.from('a font subset kept for the process');
    const keptDeflated = zlib.deflateSync(kept);
    const pdf = collectOutput(doc, { deflated: (chunk) => (chunk === kept ? keptDeflated : undefined) });
    doc.info['Title'] = 'Test (1)';
    (doc.info as Record<string, unknown>)['OrigoSignedPayload'] = infoString('eyJhbGciOiJFZERTQSJ9.e30.c2ln');
    for (let page = 0; page < 2; page++) {
      doc.addPage();
      doc.addContent('0 0 m 100 100 l S');
      doc.fontSize(12).text(`page ${page + 1} é`, 50, 50);
    }
    doc.ref({}).end(kept);
    doc.end();
    const bytes = await pdf;
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    expect(objectsByXref(bytes)).toBeGreaterThan(8);
    expect(extractSignedPayloadFromPdf(bytes)).toBe('eyJhbGciOiJFZERTQSJ9.e30.c2ln');
    // The page content is written as it is; a stream whose deflated bytes are known is written with them.
    const text = bytes.toString('latin1');
    expect(text.split('0 0 m 100 100 l S')).toHaveLength(3);
    const keptAt = bytes.indexOf(keptDeflated);
    expect(keptAt).toBeGreaterThan(0);
    expect(text.slice(text.lastIndexOf('obj', keptAt), keptAt)).toContain('/Filter /FlateDecode');
    expect(zlib.inflateSync(bytes.subarray(keptAt, keptAt + keptDeflated.length)).equals(kept)).toBe(true);
  });

  it('leaves information text that is not printable ASCII to pdfkit', () => {
    expect(infoString('上海海关')).toBe('上海海关');
    expect(String(infoString('a(b)c\\d'))).toBe('(a\\(b\\)c\\\\d)');
  });
});
