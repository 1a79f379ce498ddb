import { isoTimestamp } from '../../domain/clock.js';
import { normaliseReference } from '../../domain/verification-input.js';
import type { CertificateStanding, VerificationDeps } from './certificate-standing.js';
import { issuedCertificates, publishedKeySource, standingOfCertificate } from './certificate-standing.js';

/**
 * The status address a signed payload names (`/api/public/certificates/{number}/status`): the standing of
 * one certificate, status only, checked against its signature like every public lookup. The status list's
 * answer for one number, read without the list's bookkeeping (importing authorities' systems call this
 * address for every certificate they see).
 */
export async function getCertificateStatus(
  deps: VerificationDeps,
  certificateNumber: string,
): Promise<CertificateStanding & { checkedAt: string }> {
  const checkedAt = isoTimestamp(deps.clock.now());
  const number = normaliseReference(certificateNumber);
  const certificate = number === '' ? undefined : (await issuedCertificates(deps, [number])).get(number);
  const { standing } = await standingOfCertificate(deps, number, certificate, publishedKeySource(deps));
  return { ...standing, checkedAt };
}
