import PDFDocument from 'pdfkit';
import type { ReplyLetter } from '../app/ports.js';
import { mm } from './render-certificate.js';

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * The reply to a foreign authority's verification request, on A4: the issuing office as sender, the
 * authority and its reference, the certificates concerned, the outcome and the findings, and the place for
 * the officer's signature. English only (Chinese characters in names are left out: the letter goes
 * abroad, the Chinese names stay in the case file).
 */
export async function renderReplyLetter(letter: ReplyLetter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(25), bottom: mm(25), left: mm(25), right: mm(25) },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const latin = (text: string) => text.replace(new RegExp(CJK.source, 'g'), '').trim();
  doc.info.Title = `Reply to verification request ${letter.foreignReference || letter.caseId}`;
  doc.font('Helvetica-Bold').fontSize(13).text(latin(letter.office));
  doc.font('Helvetica').fontSize(10).text(`Date: ${letter.date}`, { align: 'right' });
  doc.moveDown();
  doc.text(`To: ${latin(letter.authority)}${letter.country ? ` (${letter.country})` : ''}`);
  if (letter.foreignReference) doc.text(`Your reference: ${letter.foreignReference}`);
  doc.text(`Our reference: verification case ${letter.caseId}`);
  if (letter.receivedOn) doc.text(`Your request received on: ${letter.receivedOn}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Subject: result of the verification of certificates of origin');
  doc.font('Helvetica').moveDown(0.5);
  doc.text(
    `In answer to your request, we have verified the following certificate${letter.certificates.length > 1 ? 's' : ''} of origin issued by this office to ${latin(letter.exporter)}:`,
  );
  doc.moveDown(0.5);
  for (const certificate of letter.certificates) doc.text(`- ${certificate}`, { indent: mm(5) });
  doc.moveDown();
  doc.font('Helvetica-Bold').text(`Outcome: ${letter.outcomeText}`);
  doc.font('Helvetica').moveDown(0.5);
  doc.text(latin(letter.findings), { align: 'justify' });
  doc.moveDown();
  if (letter.consequence) doc.text(letter.consequence, { align: 'justify' }).moveDown();
  doc.text('Yours faithfully,');
  doc.moveDown(3);
  doc.text(latin(letter.signatory));
  doc.text(latin(letter.office));
  doc.end();
  return finished;
}
