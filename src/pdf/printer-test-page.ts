import PDFDocument from 'pdfkit';
import type { CertificateLayout } from '../domain/certificate-layouts.js';
import type { CertificateType } from '../domain/certificate-types.js';
import type { PrinterOffset } from '../domain/printing.js';
import { mm } from './render-certificate.js';

const ARM = mm(4);

/** A crosshair centred on a point (points), with a small circle so its centre is easy to find. */
function crosshair(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc
    .moveTo(x - ARM, y)
    .lineTo(x + ARM, y)
    .moveTo(x, y - ARM)
    .lineTo(x, y + ARM)
    .lineWidth(0.3)
    .stroke();
  doc.circle(x, y, mm(0.8)).lineWidth(0.3).stroke();
}

/**
 * The printer calibration page of a certificate type's layout: a crosshair at the top left corner of every
 * box (and of the number's place), labelled with the box and its position in millimetres, drawn where
 * template print puts the data, moved by the offset being tried. Printed on a pre-printed form, the gap
 * between each crosshair and the form's corner is what the offset must still change.
 */
export async function renderPrinterTestPage(input: {
  type: CertificateType;
  layout: CertificateLayout;
  officeName: string;
  printerOffset: PrinterOffset;
}): Promise<Buffer> {
  const { layout, printerOffset } = input;
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.info.Title = `Printer test page ${input.type.code} ${input.officeName}`;
  doc.info.Producer = 'Origo';
  doc.addPage({ size: 'A4', margin: 0 });
  doc.strokeColor('black').fillColor('black');

  // The instructions sit in the middle of the goods table, where no corner mark is.
  const goods = layout.goods.rect;
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(
      `PRINTER TEST PAGE - FORM ${input.type.code} - ${input.officeName.toUpperCase()}`,
      mm(goods.x + 5),
      mm(goods.y + layout.goods.headerHeight + 8),
      { width: mm(goods.width - 10), align: 'center' },
    );
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .text(
      [
        `Offset used for this page: dx ${printerOffset.dx.toFixed(1)} mm (right), dy ${printerOffset.dy.toFixed(1)} mm (down).`,
        'Print this page on a pre-printed form at 100 % (no "fit to page"). Each cross marks the top left corner of a box of the form.',
        'Measure with a ruler from the cross to the corner of the printed box: if the corner is to the right of the cross, add that distance to dx; ' +
          'to the left, subtract it. If the corner is below the cross, add the distance to dy; above, subtract it.',
        'Enter the new dx and dy in Origo (Printer offset) and print this page again until the crosses sit on the corners.',
      ].join('\n'),
      mm(goods.x + 10),
      mm(goods.y + layout.goods.headerHeight + 16),
      { width: mm(goods.width - 20), align: 'left', lineGap: 2 },
    );

  doc.save();
  doc.translate(mm(printerOffset.dx), mm(printerOffset.dy));
  const marks = [
    ...layout.boxes.map((box) => ({ label: `Box ${box.number}`, rect: box.rect })),
    { label: 'No.', rect: layout.number.rect },
  ];
  for (const { label, rect } of marks) {
    const x = mm(rect.x);
    const y = mm(rect.y);
    crosshair(doc, x, y);
    doc
      .font('Helvetica')
      .fontSize(6)
      .text(`${label} (${rect.x}, ${rect.y} mm)`, x + mm(1.5), y + mm(1.5), { lineBreak: false });
  }
  doc.restore();
  doc.end();
  return finished;
}
