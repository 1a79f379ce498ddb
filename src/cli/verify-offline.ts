import type { OfflineVerification } from '../domain/signed-certificate.js';
import { trustedKeysFromJwks, verifyCertificateDocument } from '../domain/signed-certificate.js';
import { DomainError } from '../domain/errors.js';

/**
 * `origo verify`: a PDF or payload file against a JWKS file, with no server and no database. A JWKS file
 * that is not one is the operator's mistake (VALIDATION_FAILED), not a verdict on the certificate.
 */
export function verifyOffline(
  content: Buffer,
  jwksText: string,
): OfflineVerification & { source: 'pdf' | 'payload' } {
  let jwks: unknown;
  try {
    jwks = JSON.parse(jwksText);
  } catch {
    jwks = undefined;
  }
  const trusted = trustedKeysFromJwks(jwks);
  if (!trusted.ok) throw new DomainError('VALIDATION_FAILED', trusted.problem);
  return verifyCertificateDocument(content, trusted.trusted);
}
