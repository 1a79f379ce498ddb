import QRCode from 'qrcode';
import { pdfNumber } from './text-layout.js';

/**
 * A QR code as vector squares: each dark module a filled rectangle (runs of dark modules in a row merged
 * into one), so it stays sharp at any print resolution and adds a few hundred bytes, not an image.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  box: { x: number; y: number; size: number },
): void {
  // One byte-mode segment: the library's search for the shortest mix of modes (a shortest-path over the
  // text) costs half a millisecond and gains nothing on a URL, which is byte mode anyway. The mask is
  // still chosen by the standard's penalty rules (another half millisecond; it helps scanners).
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
  const count = modules.size;
  // Four modules of quiet zone on every side, inside the box, as the QR standard asks.
  const module = box.size / (count + 8);
  const left = box.x + 4 * module;
  const top = box.y + 4 * module;
  const side = pdfNumber(module);
  // All squares in one string, one fill: pdfkit's rect() per square costs more than the squares.
  let squares = '';
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      squares += `${pdfNumber(left + start * module)} ${pdfNumber(top + row * module)} ${pdfNumber((column - start) * module)} ${side} re\n`;
    }
  }
  doc.fillColor('black').addContent(`${squares}f`);
}
