import QRCode from 'qrcode';

/**
 * A QR code as vector squares: each dark module a filled rectangle (runs of dark modules in a row merged
 * into one), so it stays sharp at any print resolution and adds a few hundred bytes, not an image.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  box: { x: number; y: number; size: number },
): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  // Four modules of quiet zone on every side, inside the box, as the QR standard asks.
  const module = box.size / (count + 8);
  const left = box.x + 4 * module;
  const top = box.y + 4 * module;
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      doc.rect(left + start * module, top + row * module, (column - start) * module, module);
    }
  }
  doc.fillColor('black').fill();
}
