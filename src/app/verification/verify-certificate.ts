import type { Bilingual, PublicCertificateData, PublicVerdict } from '../../domain/public-verification.js';
import { explain, invoiceMatches, standingOf } from '../../domain/public-verification.js';
import { lookAlikeVariants, normaliseReference } from '../../domain/verification-input.js';
import type { CertificateStanding, IssuedCertificate, VerificationDeps } from './certificate-standing.js';
import {
  applicationDataOf,
  issuedCertificates,
  publishedKeySource,
  standingOfCertificate,
} from './certificate-standing.js';

/** The public answer about one certificate: its verdict explained, and the key data when it may be shown. */
export interface CertificateVerification extends Omit<CertificateStanding, 'verdict'> {
  verdict: PublicVerdict;
  explanation: Bilingual;
  /** Shown for VALID, REPLACED and CANCELLED; never invoice values, addresses or documents (ADR 0010). */
  certificate: PublicCertificateData | null;
  /** NOT_FOUND: a look-alike number (O/0, I/1 ...) that exists with the same invoice number. */
  didYouMean: string | null;
  checkedAt: string;
}

/** The day (China time) of an instant, as the public explanation names it. */
export function chinaDayOf(instant: string): string {
  return new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The verification answer of a standing and the data, with the explanation filled in. */
export function verificationOf(
  standing: CertificateStanding,
  data: PublicCertificateData | null,
  checkedAt: string,
  didYouMean: string | null = null,
): CertificateVerification {
  const shows =
    standing.verdict === 'VALID' || standing.verdict === 'REPLACED' || standing.verdict === 'CANCELLED';
  return {
    ...standing,
    explanation: explain(standing.verdict, {
      replacedBy: standing.replacedBy,
      cancelledOn: standing.cancelledAt && chinaDayOf(standing.cancelledAt),
      category: standing.cancellationCategory,
    }),
    certificate: shows ? data : null,
    didYouMean,
    checkedAt,
  };
}

/**
 * Public verification by certificate number and invoice number (no login). Both are normalised (spaces,
 * full-width characters, dashes); the invoice number must be one of the certificate's, or the answer is
 * NOT_FOUND exactly as for a number that does not exist. When the number is not found, look-alike numbers
 * are tried, and one is offered only if it exists with that same invoice number.
 */
export async function verifyCertificate(
  deps: VerificationDeps,
  input: { certificateNumber: string; invoiceNumber: string },
): Promise<CertificateVerification> {
  const number = normaliseReference(input.certificateNumber);
  const invoice = normaliseReference(input.invoiceNumber);
  const checkedAt = deps.clock.now().toISOString();
  const notFound = (didYouMean: string | null = null) =>
    verificationOf(
      {
        certificateNumber: number,
        verdict: 'NOT_FOUND',
        replacedBy: null,
        cancelledAt: null,
        cancellationCategory: null,
      },
      null,
      checkedAt,
      didYouMean,
    );
  if (number === '' || invoice === '') return notFound();
  const matches = (certificate: IssuedCertificate | undefined) =>
    certificate !== undefined &&
    standingOf(certificate.status) !== 'NOT_FOUND' &&
    invoiceMatches(applicationDataOf(certificate), invoice);

  const found = (await issuedCertificates(deps, [number])).get(number);
  if (matches(found)) {
    const { standing, data } = await standingOfCertificate(deps, number, found, publishedKeySource(deps));
    return verificationOf(standing, data, checkedAt);
  }
  const variants = lookAlikeVariants(number);
  const candidates = await issuedCertificates(deps, variants);
  return notFound(variants.find((variant) => matches(candidates.get(variant))) ?? null);
}
