import PDFDocument from 'pdfkit';

/** Bare pdfkit, for scale: one A4 page with 40 ruled rows of text, compressed. */
export function barePdfkitPage(): Promise<Buffer> {
  return new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let row = 0; row < 40; row++) {
      doc.rect(30, 30 + row * 19, 535, 19).stroke();
      doc
        .fontSize(8)
        .text(
          `${row + 1} MEN'S COTTON KNITTED T-SHIRTS, STYLE ${row} 610910 CTC 2,400 PCS`,
          34,
          35 + row * 19,
          { width: 525 },
        );
    }
    doc.end();
  });
}

/**
 * Bare pdfkit pages drawn one after another for `seconds`; pages per second. The printing issue sets its
 * target against it ("bare pdfkit draws about 200 such pages per second here"), and this machine's speed
 * drifts by a third from one run to the next.
 */
export async function barePdfkitRate(seconds: number): Promise<number> {
  for (let warm = 0; warm < 50; warm++) await barePdfkitPage();
  let done = 0;
  const startedAt = performance.now();
  while (performance.now() < startedAt + seconds * 1000) {
    await barePdfkitPage();
    done++;
  }
  return done / ((performance.now() - startedAt) / 1000);
}
