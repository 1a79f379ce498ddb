import { normaliseReference } from '../../domain/verification-input.js';
import type { CertificateStanding, VerificationDeps } from './certificate-standing.js';
import { issuedCertificates, publishedKeySource, standingOfCertificate } from './certificate-standing.js';

/** Most numbers one status list request may ask about. */
export const STATUS_LIST_LIMIT = 1000;

/**
 * The status of many certificates at once, for importing authorities' systems: per number (normalised,
 * in the order asked) the verdict, the replacing number or the cancellation's day and category. No key
 * data and no personal data: the number alone is not a secret, the invoice number is.
 */
export async function getCertificateStatusList(
  deps: VerificationDeps,
  numbers: readonly string[],
): Promise<{ checkedAt: string; certificates: CertificateStanding[] }> {
  const checkedAt = deps.clock.now().toISOString();
  const asked = numbers.slice(0, STATUS_LIST_LIMIT).map(normaliseReference);
  const found = await issuedCertificates(deps, [...new Set(asked.filter((number) => number !== ''))]);
  const keys = publishedKeySource(deps);
  const certificates: CertificateStanding[] = [];
  for (const number of asked)
    certificates.push((await standingOfCertificate(deps, number, found.get(number), keys)).standing);
  return { checkedAt, certificates };
}
