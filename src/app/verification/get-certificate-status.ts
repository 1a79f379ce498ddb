import type { CertificateStanding, VerificationDeps } from './certificate-standing.js';
import { getCertificateStatusList } from './get-certificate-status-list.js';

/**
 * The status address a signed payload names (`/api/public/certificates/{number}/status`): the standing of
 * one certificate, status only, checked against its signature like every public lookup.
 */
export async function getCertificateStatus(
  deps: VerificationDeps,
  certificateNumber: string,
): Promise<CertificateStanding & { checkedAt: string }> {
  const { checkedAt, certificates } = await getCertificateStatusList(deps, [certificateNumber]);
  return { ...certificates[0]!, checkedAt };
}
