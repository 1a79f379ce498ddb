import { jwksOf } from '../../domain/signing-keys.js';
import type { PublicVerdict } from '../../domain/public-verification.js';
import {
  cancellationCategoryOf,
  publicDataOf,
  recordDifferences,
  standingOf,
} from '../../domain/public-verification.js';
import type { PublicCertificateData } from '../../domain/public-verification.js';
import type { TrustedKeys } from '../../domain/signed-certificate.js';
import { trustedKeysFromJwks, verifySignedPayload } from '../../domain/signed-certificate.js';
import type { ApplicationRecord, CertificateSignatureRecord, Deps } from '../ports.js';

/**
 * What the public verification use cases share: the published keys, the certificates under some numbers
 * with their signed payloads, and the standing of one of them after checking its payload against the keys.
 */

export type VerificationDeps = Pick<Deps, 'store' | 'clock'>;

/** A certificate's standing as the status address and the status list answer it (no personal data). */
export interface CertificateStanding {
  certificateNumber: string;
  verdict: Exclude<PublicVerdict, 'NOT_A_CERTIFICATE'>;
  /** REPLACED: the number of the certificate that replaced it. */
  replacedBy: string | null;
  /** CANCELLED: when, and the category (never the officer's words). */
  cancelledAt: string | null;
  cancellationCategory: string | null;
}

export interface IssuedCertificate {
  application: ApplicationRecord;
  signature: CertificateSignatureRecord | undefined;
}

let cachedKeys: { fingerprint: string; trusted: TrustedKeys } | undefined;

/**
 * Verdicts of stored payloads already checked, by the exact JWS under the exact key set: the same bytes
 * under the same keys give the same verdict, so a repeated lookup skips the signature and the parsing. A
 * changed JWS is a new entry. Bounded; emptied when full.
 */
const checkedPayloads = new Map<string, ReturnType<typeof verifySignedPayload>>();
const CHECKED_PAYLOADS_LIMIT = 10_000;

function checkPayload(jws: string, trusted: TrustedKeys): ReturnType<typeof verifySignedPayload> {
  const key = `${cachedKeys?.trusted === trusted ? cachedKeys.fingerprint : 'uncached'}\n${jws}`;
  const known = checkedPayloads.get(key);
  if (known) return known;
  const checked = verifySignedPayload(jws, trusted);
  if (cachedKeys?.trusted === trusted) {
    if (checkedPayloads.size >= CHECKED_PAYLOADS_LIMIT) checkedPayloads.clear();
    checkedPayloads.set(key, checked);
  }
  return checked;
}

/**
 * The issuing authority's published keys, read on every lookup (a key made by the CLI in another process
 * counts at once) and turned into key objects only when the list changed.
 */
export async function publishedKeys(deps: VerificationDeps): Promise<TrustedKeys> {
  const jwks = jwksOf(await deps.store.signingKeys.list());
  const fingerprint = jwks.keys.map((key) => `${key.kid}:${key.x}`).join(',');
  if (cachedKeys?.fingerprint !== fingerprint) {
    const parsed = trustedKeysFromJwks(jwks);
    // Our own JWKS is always well formed; an empty key set makes every certificate UNKNOWN_ISSUER.
    cachedKeys = { fingerprint, trusted: parsed.ok ? parsed.trusted : { keys: new Map() } };
  }
  return cachedKeys.trusted;
}

/** The issued certificates under these exact numbers, by number, with their signed payloads. */
export async function issuedCertificates(
  deps: VerificationDeps,
  numbers: readonly string[],
): Promise<Map<string, IssuedCertificate>> {
  if (numbers.length === 0) return new Map();
  const [applications, signatures] = await Promise.all([
    deps.store.applications.findByCertificateNumbers(numbers),
    deps.store.certificateSignatures.findByCertificateNumbers(numbers),
  ]);
  const signatureOf = new Map(signatures.map((signature) => [signature.certificateNumber, signature]));
  const found = new Map<string, IssuedCertificate>();
  for (const application of applications)
    if (application.certificateNumber)
      found.set(application.certificateNumber, {
        application,
        signature: signatureOf.get(application.certificateNumber),
      });
  return found;
}

/**
 * Checks the stored payload against the published keys and the stored row against the payload, then
 * reads the status. The data shown come from the verified payload, never from the row.
 */
export async function standingOfCertificate(
  deps: VerificationDeps,
  number: string,
  certificate: IssuedCertificate | undefined,
  trusted: TrustedKeys,
): Promise<{ standing: CertificateStanding; data: PublicCertificateData | null }> {
  const standing = (
    verdict: CertificateStanding['verdict'],
    more: Partial<CertificateStanding> = {},
  ): CertificateStanding => ({
    certificateNumber: number,
    verdict,
    replacedBy: null,
    cancelledAt: null,
    cancellationCategory: null,
    ...more,
  });
  if (!certificate) return { standing: standing('NOT_FOUND'), data: null };
  const status = standingOf(certificate.application.status);
  if (status === 'NOT_FOUND') return { standing: standing('NOT_FOUND'), data: null };
  // Every issued certificate is signed in its approval's transaction (ADR 0009): no payload means an edit.
  if (!certificate.signature) return { standing: standing('TAMPERED'), data: null };
  const checked = checkPayload(certificate.signature.jws, trusted);
  if (checked.verdict === 'UNKNOWN_ISSUER') return { standing: standing('UNKNOWN_ISSUER'), data: null };
  if (checked.verdict !== 'VALID') return { standing: standing('TAMPERED'), data: null };
  const { application } = certificate;
  const differences = recordDifferences(
    { certificateNumber: number, typeCode: application.typeCode, data: application.data },
    checked.payload,
  );
  if (differences.length > 0 || checked.payload.certificateNumber !== number)
    return { standing: standing('TAMPERED'), data: null };
  const data = publicDataOf(checked.payload);
  if (status === 'REPLACED') {
    const replacement = application.replacedById
      ? await deps.store.applications.findById(application.replacedById)
      : undefined;
    return { standing: standing('REPLACED', { replacedBy: replacement?.certificateNumber ?? null }), data };
  }
  if (status === 'CANCELLED')
    return {
      standing: standing('CANCELLED', {
        // A void certificate never changes again: its last change is the cancellation.
        cancelledAt: application.updatedAt,
        cancellationCategory: cancellationCategoryOf(application.voidReason),
      }),
      data,
    };
  return { standing: standing(status), data };
}
