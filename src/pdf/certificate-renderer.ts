import type { CertificateRenderer } from '../app/ports.js';
import { DomainError } from '../domain/errors.js';
import { renderPrinterTestPage } from './printer-test-page.js';
import { renderReplyLetter } from './reply-letter.js';
import { CertificateTextOverflowError, renderCertificate } from './render-certificate.js';

/**
 * The CertificateRenderer port over pdfkit. A box whose text does not fit becomes a coded refusal naming
 * the box (the certificate cannot be printed as approved), not an internal error.
 */
export function createPdfCertificateRenderer(): CertificateRenderer {
  return {
    async render(document, options) {
      try {
        return await renderCertificate(document, options);
      } catch (error) {
        if (error instanceof CertificateTextOverflowError)
          throw new DomainError(
            'VALIDATION_FAILED',
            `The text of box ${error.box} does not fit its box on the form even at the smallest size; the certificate cannot be printed.`,
            [{ path: `box.${error.box}`, code: 'text_overflow', message: error.message }],
          );
        throw error;
      }
    },
    renderPrinterTestPage,
    renderReplyLetter,
  };
}
