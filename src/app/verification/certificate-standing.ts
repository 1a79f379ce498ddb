import type { ApplicationData } from '../../domain/application.js';
import { applicationDataSchema } from '../../domain/application.js';
import { jwksOf } from '../../domain/signing-keys.js';
import type { PublicVerdict } from '../../domain/public-verification.js';
import {
  cancellationCategoryOf,
  publicDataOf,
  recordDifferences,
  standingOf,
} from '../../domain/public-verification.js';
import type { PublicCertificateData } from '../../domain/public-verification.js';
import type { SignedCertificatePayload, TrustedKeys } from '../../domain/signed-certificate.js';
import { trustedKeysFromJwks, verifySignedPayload } from '../../domain/signed-certificate.js';
import type { Deps, IssuedCertificateRecord } from '../ports.js';

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

/** An issued certificate as verification reads it: the row's standing, its data and its signed payload. */
export type IssuedCertificate = IssuedCertificateRecord;

let cachedKeys: { fingerprint: string; trusted: TrustedKeys } | undefined;

/** What the stored row and its payload say together: all a verdict needs of them. */
type Integrity =
  { verdict: 'VALID'; payload: SignedCertificatePayload } | { verdict: 'TAMPERED' | 'UNKNOWN_ISSUER' };

/**
 * The published keys, read when a lookup needs them and then once per lookup at most. A lookup whose
 * integrity is already known (below) needs none.
 */
export type KeySource = () => Promise<TrustedKeys>;

export function publishedKeySource(deps: VerificationDeps): KeySource {
  let keys: Promise<TrustedKeys> | undefined;
  return () => (keys ??= publishedKeys(deps));
}

/**
 * Integrity results already worked out, by certificate number, with everything they depend on: the stored
 * row's type, data text and JWS exactly as read. A lookup of an unchanged certificate skips reading the
 * keys, the signature, the payload's schema, the data's schema and the comparison; any edit of the row or
 * of its JWS no longer equals what was kept, so it is checked afresh. The texts are compared as they are
 * (a SHA-256 over them cost about 6 µs of a 100 µs status lookup; comparing equal strings costs well under
 * one), so each entry holds about 15 kB: up to 1,000 entries. The key set is not part of the entry because
 * published keys are never withdrawn or changed (ADR 0009): a payload that verified, or failed to verify,
 * under a key keeps doing so. UNKNOWN_ISSUER is not kept, as a key may be published later. (Were revocation
 * ever built, it would have to empty this map.) One map per store, as the keys are the store's; emptied
 * when full.
 */
interface CheckedIntegrity {
  typeCode: string;
  jws: string;
  dataJson: string;
  integrity: Integrity;
}
const checkedIntegrity = new WeakMap<object, Map<string, CheckedIntegrity>>();
const CHECKED_INTEGRITY_LIMIT = 1_000;

async function integrityOf(
  store: VerificationDeps['store'],
  number: string,
  certificate: IssuedCertificate,
  jws: string,
  keys: KeySource,
): Promise<Integrity> {
  let checked = checkedIntegrity.get(store);
  if (!checked) checkedIntegrity.set(store, (checked = new Map()));
  const known = checked.get(number);
  if (
    known?.typeCode === certificate.typeCode &&
    known.jws === jws &&
    known.dataJson === certificate.dataJson
  )
    return known.integrity;
  const integrity = checkIntegrity(number, certificate, jws, await keys());
  if (integrity.verdict === 'UNKNOWN_ISSUER') return integrity;
  if (checked.size >= CHECKED_INTEGRITY_LIMIT && !checked.has(number)) checked.clear();
  const { typeCode, dataJson } = certificate;
  checked.set(number, { typeCode, jws, dataJson, integrity });
  return integrity;
}

function checkIntegrity(
  number: string,
  certificate: IssuedCertificate,
  jws: string,
  trusted: TrustedKeys,
): Integrity {
  const checked = verifySignedPayload(jws, trusted);
  if (checked.verdict === 'UNKNOWN_ISSUER') return { verdict: 'UNKNOWN_ISSUER' };
  if (checked.verdict !== 'VALID') return { verdict: 'TAMPERED' };
  const differences = recordDifferences(
    { certificateNumber: number, typeCode: certificate.typeCode, data: applicationDataOf(certificate) },
    checked.payload,
  );
  if (differences.length > 0 || checked.payload.certificateNumber !== number) return { verdict: 'TAMPERED' };
  return { verdict: 'VALID', payload: checked.payload };
}

/** The stored application data of an issued certificate, checked like any JSON column. */
export function applicationDataOf(certificate: IssuedCertificate): ApplicationData {
  return applicationDataSchema.parse(JSON.parse(certificate.dataJson));
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
  const found = new Map<string, IssuedCertificate>();
  for (const certificate of await deps.store.applications.findIssuedByCertificateNumbers(numbers))
    found.set(certificate.certificateNumber, certificate);
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
  keys: KeySource,
): Promise<{ standing: CertificateStanding; data: PublicCertificateData | null }> {
  if (!certificate) return { standing: standingOfNumber(number, 'NOT_FOUND'), data: null };
  const status = standingOf(certificate.status);
  if (status === 'NOT_FOUND') return { standing: standingOfNumber(number, 'NOT_FOUND'), data: null };
  // Every issued certificate is signed in its approval's transaction (ADR 0009): no payload means an edit.
  const { jws } = certificate;
  if (jws === null) return { standing: standingOfNumber(number, 'TAMPERED'), data: null };
  const integrity = await integrityOf(deps.store, number, certificate, jws, keys);
  if (integrity.verdict !== 'VALID')
    return { standing: standingOfNumber(number, integrity.verdict), data: null };
  const data = publicDataOf(integrity.payload);
  if (status === 'REPLACED') {
    const replacement = certificate.replacedById
      ? await deps.store.applications.findById(certificate.replacedById)
      : undefined;
    const replacedBy = replacement?.certificateNumber ?? null;
    return { standing: standingOfNumber(number, 'REPLACED', replacedBy), data };
  }
  if (status === 'CANCELLED') {
    // A void certificate never changes again: its last change is the cancellation.
    const category = cancellationCategoryOf(certificate.voidReason);
    return { standing: standingOfNumber(number, 'CANCELLED', null, certificate.updatedAt, category), data };
  }
  return { standing: standingOfNumber(number, status), data };
}

function standingOfNumber(
  certificateNumber: string,
  verdict: CertificateStanding['verdict'],
  replacedBy: string | null = null,
  cancelledAt: string | null = null,
  cancellationCategory: string | null = null,
): CertificateStanding {
  return { certificateNumber, verdict, replacedBy, cancelledAt, cancellationCategory };
}
