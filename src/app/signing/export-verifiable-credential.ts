import type { Actor } from '../../domain/actor.js';
import type { ApplicationStatus } from '../../domain/application-lifecycle.js';
import { DomainError } from '../../domain/errors.js';
import { activeSigningKey } from '../../domain/signing-keys.js';
import { loadApplicationFor } from '../applications/access.js';
import type { Deps, UnsecuredCredential } from '../ports.js';
import { decodeSignedPayload } from './get-signed-payload.js';

/** Statuses of a certificate in force: the only ones exported as a credential. */
const IN_FORCE: readonly ApplicationStatus[] = ['approved', 'printed', 'archived'];

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * An issued certificate as a W3C Verifiable Credential (data model 2.0) secured with JOSE: a JWT (typ
 * vc+jwt, cty vc) signed with the key active now. The subject is the certificate's signed data; the
 * status points at the certificate's status address, so a verifier learns of a later cancellation.
 */
export async function exportVerifiableCredential(
  deps: Pick<Deps, 'store' | 'clock' | 'signer' | 'publicUrl'>,
  actor: Actor,
  id: string,
): Promise<{ kid: string; jwt: string; credential: UnsecuredCredential }> {
  const application = await loadApplicationFor(deps, actor, 'application.read', id);
  if (!IN_FORCE.includes(application.status))
    throw new DomainError(
      'CONFLICT',
      `Only an issued certificate in force (approved, printed or archived) is exported as a credential; this application is ${application.status}.`,
      [],
      { status: application.status },
    );
  const signature = await deps.store.certificateSignatures.findByApplication(application.id);
  if (!signature)
    throw new DomainError('CONFLICT', `Certificate ${application.certificateNumber} has no signed payload.`);
  const key = activeSigningKey(await deps.store.signingKeys.list(), deps.clock.now().toISOString());
  if (!key)
    throw new DomainError('NOT_READY', 'No signing key is active: the operator runs "origo keys generate".');
  const { version: _version, statusUrl, ...certificate } = decodeSignedPayload(signature.jws);
  const credential: UnsecuredCredential = {
    '@context': [VC_CONTEXT],
    id: `urn:origo:certificate-of-origin:${encodeURIComponent(certificate.certificateNumber)}`,
    type: ['VerifiableCredential', 'CertificateOfOriginCredential'],
    issuer: { id: deps.publicUrl, name: certificate.issuingOffice.nameEn },
    validFrom: certificate.issuedAt,
    credentialSubject: { type: 'CertificateOfOrigin', ...certificate },
    credentialStatus: { id: statusUrl, type: 'OrigoCertificateStatus' },
  };
  return { kid: key.kid, jwt: await deps.signer.signCredential(key, credential), credential };
}
