import { chinaDate } from '../../domain/agent-authorisation.js';
import { endorsementsOf } from '../../domain/endorsements.js';
import type { ReplacedCertificate } from '../../domain/endorsements.js';
import { DomainError } from '../../domain/errors.js';
import { certificatePayloadOf, certificateStatusUrl } from '../../domain/signed-certificate.js';
import { activeSigningKey } from '../../domain/signing-keys.js';
import { certificateTypeOf } from '../applications/access.js';
import type {
  ApplicationRecord,
  CertificateSignatureRecord,
  Deps,
  OrganisationRecord,
  Repositories,
} from '../ports.js';

/**
 * Signs a certificate as it is issued, inside the approval's transaction: the payload (its data, its
 * endorsements and its status address) under the key active now, stored beside the application. Without
 * an active key the approval fails: no certificate is issued unsigned.
 */
export async function signIssuedCertificate(
  deps: Pick<Deps, 'signer' | 'publicUrl' | 'certificateTypes'>,
  tx: Pick<Repositories, 'signingKeys' | 'certificateSignatures'>,
  issued: ApplicationRecord & { certificateNumber: string; approvedAt: string },
  office: OrganisationRecord | undefined,
  replaces: ReplacedCertificate | undefined,
): Promise<CertificateSignatureRecord> {
  const at = issued.approvedAt;
  const key = activeSigningKey(await tx.signingKeys.list(), at);
  if (!key)
    throw new DomainError(
      'NOT_READY',
      'No signing key is active, so no certificate can be issued: the operator runs "origo keys generate".',
    );
  const issueDate = chinaDate(new Date(at));
  const payload = certificatePayloadOf({
    certificateNumber: issued.certificateNumber,
    typeCode: issued.typeCode,
    kind: issued.kind,
    replaces: replaces?.number ?? null,
    issueDate,
    issuedAt: at,
    office: {
      code: office?.code ?? null,
      nameEn: office?.nameEn ?? '',
      nameZh: office?.nameZh ?? '',
    },
    data: issued.data,
    endorsements: endorsementsOf(
      certificateTypeOf(deps, issued.typeCode),
      issued.data.transport.departureDate,
      issueDate,
      replaces,
    ).map((endorsement) => endorsement.text),
    statusUrl: certificateStatusUrl(deps.publicUrl, issued.certificateNumber),
  });
  const signature: CertificateSignatureRecord = {
    applicationId: issued.id,
    certificateNumber: issued.certificateNumber,
    kid: key.kid,
    jws: await deps.signer.signCertificate(key, payload),
    signedAt: at,
  };
  await tx.certificateSignatures.insert(signature);
  return signature;
}
