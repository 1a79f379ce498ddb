import { explain } from '../../domain/public-verification.js';
import { publicDataOf } from '../../domain/public-verification.js';
import type { OfflineReason } from '../../domain/signed-certificate.js';
import { verifyCertificateDocument as checkOffline } from '../../domain/signed-certificate.js';
import type { VerificationDeps } from './certificate-standing.js';
import { issuedCertificates, publishedKeys, standingOfCertificate } from './certificate-standing.js';
import type { CertificateVerification } from './verify-certificate.js';
import { verificationOf } from './verify-certificate.js';

/**
 * Public verification of an uploaded PDF certificate or signed payload: the offline check against the
 * published keys (ADR 0009), then the live status of that number, so a correctly signed certificate that
 * was cancelled since answers CANCELLED. Holding the document stands for knowing the invoice number.
 */
export async function verifyCertificateDocument(
  deps: VerificationDeps,
  content: Uint8Array,
): Promise<CertificateVerification & { source: 'pdf' | 'payload'; reason: OfflineReason | null }> {
  const checkedAt = deps.clock.now().toISOString();
  const trusted = await publishedKeys(deps);
  const offline = checkOffline(content, trusted);
  if (offline.verdict !== 'VALID')
    return {
      certificateNumber: '',
      verdict: offline.verdict,
      replacedBy: null,
      cancelledAt: null,
      cancellationCategory: null,
      explanation: explain(offline.verdict),
      certificate: null,
      didYouMean: null,
      checkedAt,
      source: offline.source,
      reason: offline.reason,
    };
  const number = offline.payload.certificateNumber;
  const stored = (await issuedCertificates(deps, [number])).get(number);
  const { standing } = await standingOfCertificate(deps, number, stored, async () => trusted);
  // The data shown are those of the document just verified, not of the stored row.
  return {
    ...verificationOf(standing, publicDataOf(offline.payload), checkedAt),
    source: offline.source,
    reason: null,
  };
}
