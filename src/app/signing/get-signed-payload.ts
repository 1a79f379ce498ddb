import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { SignedCertificatePayload } from '../../domain/signed-certificate.js';
import { signedCertificatePayloadSchema } from '../../domain/signed-certificate.js';
import { loadApplicationFor } from '../applications/access.js';
import type { CertificateSignatureRecord, Deps } from '../ports.js';

export interface SignedPayloadView extends CertificateSignatureRecord {
  /** The signed data, decoded from the JWS for reading (the JWS is what verifies). */
  payload: SignedCertificatePayload;
}

/** The signed payload of an issued certificate, for its enterprise (or agency) and its office's officers. */
export async function getSignedPayload(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<SignedPayloadView> {
  const application = await loadApplicationFor(deps, actor, 'application.read', id);
  const signature = await deps.store.certificateSignatures.findByApplication(application.id);
  if (!signature)
    throw new DomainError(
      'NOT_FOUND',
      application.certificateNumber
        ? `Certificate ${application.certificateNumber} has no signed payload.`
        : `Only an issued certificate has a signed payload; this application is ${application.status}.`,
    );
  return { ...signature, payload: decodeSignedPayload(signature.jws) };
}

/** The payload part of a JWS this server signed and stored (trusted: read back, not verified). */
export function decodeSignedPayload(jws: string): SignedCertificatePayload {
  const part = jws.split('.')[1] ?? '';
  return signedCertificatePayloadSchema.parse(JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
}
