import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type {
  CertificateSignatureRecord,
  CertificateSignatureRepository,
  SigningKeyRecord,
  SigningKeyRepository,
} from '../../app/ports.js';
import type { DirectReads } from './direct-reads.js';
import { insertRow, prepared } from './prepared-query.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

// The public key column is JSON: checked on the way out, like any other boundary.
const publicJwkColumn = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
});

// Every public verification lists the keys: each distinct column text is parsed once per process.
const parsedJwks = new Map<string, z.infer<typeof publicJwkColumn>>();
function parsePublicJwk(text: string): z.infer<typeof publicJwkColumn> {
  let jwk = parsedJwks.get(text);
  if (!jwk) {
    jwk = publicJwkColumn.parse(JSON.parse(text));
    if (parsedJwks.size < 1000) parsedJwks.set(text, jwk);
  }
  return { ...jwk };
}

const algorithmColumn = z.literal('EdDSA');

function toSigningKey(row: Database['signing_keys']): SigningKeyRecord {
  return {
    kid: row.kid,
    algorithm: algorithmColumn.parse(row.algorithm),
    publicJwk: parsePublicJwk(row.public_jwk),
    encryptedPrivateKey: row.encrypted_private_key,
    createdAt: row.created_at,
    createdBy: row.created_by,
    activatesAt: row.activates_at,
    retiredAt: row.retired_at,
  };
}

const allSigningKeys = (db: Executor) =>
  db.selectFrom('signing_keys').selectAll().orderBy('created_at').orderBy('kid');

/**
 * The issuing authority's signing keys. The list is read on every public verification (a key made by the
 * CLI in another process counts at once), so on SQLite it takes the raw handle's fast path.
 */
export function signingKeys(db: Executor, direct?: DirectReads): SigningKeyRepository {
  const all = prepared(db, direct, allSigningKeys);
  return {
    async insert(key) {
      await db
        .insertInto('signing_keys')
        .values({
          kid: key.kid,
          algorithm: key.algorithm,
          public_jwk: JSON.stringify(key.publicJwk),
          encrypted_private_key: key.encryptedPrivateKey,
          created_at: key.createdAt,
          created_by: key.createdBy,
          activates_at: key.activatesAt,
          retired_at: key.retiredAt,
        })
        .execute();
    },
    async list() {
      return (await all()).map(toSigningKey);
    },
    async setTimes(kid, times) {
      await db
        .updateTable('signing_keys')
        .set({
          ...(times.activatesAt !== undefined ? { activates_at: times.activatesAt } : {}),
          ...(times.retiredAt !== undefined ? { retired_at: times.retiredAt } : {}),
        })
        .where('kid', '=', kid)
        .execute();
    },
  };
}

function toSignature(row: Database['certificate_signatures']): CertificateSignatureRecord {
  return {
    applicationId: row.application_id,
    certificateNumber: row.certificate_number,
    kid: row.kid,
    jws: row.jws,
    signedAt: row.signed_at,
  };
}

const signatureOfApplication = (db: Executor) =>
  db.selectFrom('certificate_signatures').selectAll().where('application_id', '=', '');

/** The signed payloads of issued certificates. */
export function certificateSignatures(db: Executor, direct?: DirectReads): CertificateSignatureRepository {
  const ofApplication = prepared(db, direct, signatureOfApplication);
  return {
    async insert(signature) {
      await insertRow(db, 'certificate_signatures', {
        application_id: signature.applicationId,
        certificate_number: signature.certificateNumber,
        kid: signature.kid,
        jws: signature.jws,
        signed_at: signature.signedAt,
      });
    },
    async findByApplication(applicationId) {
      const [row] = await ofApplication(applicationId);
      return row && toSignature(row);
    },
    async findByCertificateNumber(certificateNumber) {
      const row = await db
        .selectFrom('certificate_signatures')
        .selectAll()
        .where('certificate_number', '=', certificateNumber)
        .executeTakeFirst();
      return row && toSignature(row);
    },
    async findByCertificateNumbers(certificateNumbers) {
      if (certificateNumbers.length === 0) return [];
      const rows = await db
        .selectFrom('certificate_signatures')
        .selectAll()
        .where('certificate_number', 'in', [...certificateNumbers])
        .execute();
      return rows.map(toSignature);
    },
  };
}
