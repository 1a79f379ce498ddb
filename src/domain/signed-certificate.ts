import type { KeyObject } from 'node:crypto';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import type { ApplicationData } from './application.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The signed payload of an issued certificate (ADR 0009): a JWS in compact serialisation, signed with the
 * issuing authority's Ed25519 key, over the canonical JSON of the certificate's data and the address where
 * its current status can be asked. The verification below is pure and offline: given the JWS (or a PDF
 * that carries it) and a JWKS, it answers a verdict and never throws.
 */

/** The `typ` header of a certificate payload. */
export const CERTIFICATE_JWS_TYPE = 'origo-certificate+jws';
/** The PDF document information key the renderer stores the JWS under (a literal string). */
export const PDF_INFO_KEY = 'OrigoSignedPayload';
/** Version of the payload's shape; a verifier refuses versions it does not know. */
export const PAYLOAD_VERSION = 1;

const partySchema = z.object({ name: z.string(), address: z.string(), country: z.string() });

/** What a certificate says, as signed. Invoice numbers appear only as digests (invoiceNumberDigest). */
export const signedCertificatePayloadSchema = z.object({
  version: z.literal(PAYLOAD_VERSION),
  certificateNumber: z.string().min(1),
  certificateType: z.string(),
  /** An original certificate, an amendment replacing one, or a reissue (certified true copy). */
  kind: z.enum(['original', 'amendment', 'reissue']),
  /** The number of the certificate this one replaces, if any. */
  replaces: z.string().nullable(),
  /** The day of issue (China time), and the instant. */
  issueDate: z.string(),
  issuedAt: z.string(),
  issuingOffice: z.object({ code: z.string().nullable(), nameEn: z.string(), nameZh: z.string() }),
  exporter: partySchema,
  consignee: partySchema,
  producer: partySchema,
  destinationCountry: z.string(),
  transport: z.object({
    departureDate: z.string(),
    mode: z.string(),
    vesselOrFlight: z.string(),
    portOfLoading: z.string(),
    portOfDischarge: z.string(),
    via: z.string(),
  }),
  items: z.array(
    z.object({
      itemNumber: z.number().int(),
      marks: z.string(),
      description: z.string(),
      hsCode: z.string(),
      originCriterion: z.string(),
      originCountry: z.string(),
      packageCount: z.number().nullable(),
      packageKind: z.string(),
      quantity: z.number().nullable(),
      quantityUnit: z.string(),
      fobValue: z.number().nullable(),
    }),
  ),
  /** SHA-256 (hex) of each invoice number, salted with the certificate number: see invoiceNumberDigest. */
  invoiceNumberDigests: z.array(z.string()),
  thirdPartyInvoicing: partySchema.nullable(),
  backToBack: z
    .object({ originalNumber: z.string(), originalDate: z.string(), originalCountry: z.string() })
    .nullable(),
  exhibition: z.object({ name: z.string(), place: z.string() }).nullable(),
  remarks: z.string(),
  /** The issuing authority's endorsements (retroactive issue, replacement wording). */
  endorsements: z.array(z.string()),
  /** Absolute URL answering the certificate's current status (valid, replaced, cancelled ...). */
  statusUrl: z.string(),
});

export type SignedCertificatePayload = z.infer<typeof signedCertificatePayloadSchema>;

/**
 * The digest of an invoice number as a payload carries it: hex SHA-256 of the UTF-8 text
 * `<certificate number>\n<invoice number as stored>`. The invoice number is the shared secret of the public
 * check by number, so the payload (which anyone holding the PDF can read) must not reveal it; the
 * certificate number as salt stops one table of digests serving every certificate.
 */
export function invoiceNumberDigest(certificateNumber: string, invoiceNumber: string): string {
  return createHash('sha256').update(`${certificateNumber}\n${invoiceNumber}`, 'utf8').digest('hex');
}

/** The status address of a certificate under the public base URL. */
export function certificateStatusUrl(publicUrl: string, certificateNumber: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/public/certificates/${encodeURIComponent(certificateNumber)}/status`;
}

/** The payload of an issued certificate from its application, office and endorsements. */
export function certificatePayloadOf(input: {
  certificateNumber: string;
  typeCode: string;
  kind: SignedCertificatePayload['kind'];
  replaces: string | null;
  issueDate: string;
  issuedAt: string;
  office: SignedCertificatePayload['issuingOffice'];
  data: ApplicationData;
  endorsements: readonly string[];
  statusUrl: string;
}): SignedCertificatePayload {
  const { data } = input;
  return {
    version: PAYLOAD_VERSION,
    certificateNumber: input.certificateNumber,
    certificateType: input.typeCode,
    kind: input.kind,
    replaces: input.replaces,
    issueDate: input.issueDate,
    issuedAt: input.issuedAt,
    issuingOffice: input.office,
    exporter: data.exporter,
    consignee: data.consignee,
    producer: data.producer,
    destinationCountry: data.destinationCountry,
    transport: data.transport,
    items: data.items.map((item, index) => ({
      itemNumber: index + 1,
      marks: item.marks,
      description: item.description,
      hsCode: item.hsCode,
      originCriterion: item.originCriterion,
      originCountry: item.originCountry,
      packageCount: item.packageCount,
      packageKind: item.packageKind,
      quantity: item.quantity,
      quantityUnit: item.quantityUnit,
      fobValue: item.fobValue,
    })),
    invoiceNumberDigests: data.invoices
      .filter((invoice) => invoice.number !== '')
      .map((invoice) => invoiceNumberDigest(input.certificateNumber, invoice.number)),
    thirdPartyInvoicing: data.thirdPartyInvoicing,
    backToBack: data.backToBack,
    exhibition: data.exhibition,
    remarks: data.remarks,
    endorsements: [...input.endorsements],
    statusUrl: input.statusUrl,
  };
}

/** The bytes a certificate JWS signs: the canonical JSON of the payload, as UTF-8. */
export function payloadBytes(payload: SignedCertificatePayload): Buffer {
  return Buffer.from(canonicalJson(payload), 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// Offline verification

/**
 * The verdicts of an offline check (frozen: printed by `origo verify --json` and used by the public page).
 * VALID: signed by a key of the JWKS and unchanged. TAMPERED: it is (or looks like) an Origo payload but
 * its bytes or signature do not match. UNKNOWN_ISSUER: signed with a key the JWKS does not hold.
 * NOT_A_CERTIFICATE: not a JWS at all, not an Origo certificate payload, or a PDF without one.
 */
export const OFFLINE_VERDICTS = ['VALID', 'TAMPERED', 'UNKNOWN_ISSUER', 'NOT_A_CERTIFICATE'] as const;
export type OfflineVerdict = (typeof OFFLINE_VERDICTS)[number];

/** Why a check did not answer VALID (codes are frozen like error codes). */
export const OFFLINE_REASONS = {
  /** The input is not a JWS in compact serialisation (three base64url parts). */
  not_a_jws: 'This is not a signed certificate payload.',
  /** The PDF carries no OrigoSignedPayload entry. */
  no_signed_payload: 'The PDF carries no Origo signed payload.',
  /** The JWS header is not an Origo certificate header (another kind of token). */
  not_origo_payload: 'This signed data is not an Origo certificate payload.',
  /** A part is not valid base64url or the header is not readable JSON. */
  unreadable: 'The signed payload is damaged.',
  /** The header names an algorithm other than EdDSA. */
  algorithm_not_allowed: 'The signed payload uses an algorithm Origo never signs with.',
  /** The signature does not match the signed bytes under the named key. */
  signature_mismatch: 'The certificate data or its signature was changed after signing.',
  /** The header's key id is not in the JWKS. */
  unknown_key: 'The payload was signed with a key that is not among the issuing authority’s published keys.',
  /** Signed correctly, but the payload is not a certificate of a version this verifier knows. */
  unsupported_payload: 'The signed data is not a certificate this verifier can read.',
} as const;
export type OfflineReason = keyof typeof OFFLINE_REASONS;

export type OfflineVerification =
  | { verdict: 'VALID'; kid: string; payload: SignedCertificatePayload }
  | {
      verdict: Exclude<OfflineVerdict, 'VALID'>;
      kid: string | null;
      reason: OfflineReason;
      message: string;
    };

/** Public keys by key id, ready for verification (build once per JWKS, reuse for many checks). */
export interface TrustedKeys {
  keys: ReadonlyMap<string, KeyObject>;
}

const jwksShape = z.object({ keys: z.array(z.unknown()) });
const ed25519Jwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  kid: z.string().min(1),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  use: z.literal('sig').optional(),
  alg: z.literal('EdDSA').optional(),
});

/**
 * The Ed25519 signing keys of a JWKS document. Keys of other kinds are skipped (counted in `ignored`);
 * a document that is not a JWKS at all is an error the caller reports (it is not the certificate's fault).
 */
export function trustedKeysFromJwks(
  jwks: unknown,
): { ok: true; trusted: TrustedKeys; ignored: number } | { ok: false; problem: string } {
  const shape = jwksShape.safeParse(jwks);
  if (!shape.success) return { ok: false, problem: 'The JWKS is not a JSON object with a "keys" array.' };
  const keys = new Map<string, KeyObject>();
  let ignored = 0;
  for (const entry of shape.data.keys) {
    const jwk = ed25519Jwk.safeParse(entry);
    if (!jwk.success) {
      ignored += 1;
      continue;
    }
    try {
      keys.set(
        jwk.data.kid,
        createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.data.x }, format: 'jwk' }),
      );
    } catch {
      ignored += 1;
    }
  }
  return { ok: true, trusted: { keys }, ignored };
}

const JWS_COMPACT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;
/** Far above any certificate (200 items of long text); longer input is refused unread. */
const MAX_JWS_LENGTH = 2 * 1024 * 1024;

/** base64url decoding that refuses non-canonical text (stray bits in the last character). */
function strictBase64url(segment: string): Buffer | undefined {
  const bytes = Buffer.from(segment, 'base64url');
  return bytes.toString('base64url') === segment ? bytes : undefined;
}

function refusal(
  verdict: Exclude<OfflineVerdict, 'VALID'>,
  reason: OfflineReason,
  kid: string | null = null,
): OfflineVerification {
  return { verdict, kid, reason, message: OFFLINE_REASONS[reason] };
}

/** Checks a certificate JWS against trusted keys. Never throws: every input gets a verdict. */
export function verifySignedPayload(jws: string, trusted: TrustedKeys): OfflineVerification {
  try {
    return verifyUnguarded(jws.trim(), trusted);
  } catch {
    return refusal('TAMPERED', 'unreadable');
  }
}

function verifyUnguarded(jws: string, trusted: TrustedKeys): OfflineVerification {
  const parts = jws.length <= MAX_JWS_LENGTH ? JWS_COMPACT.exec(jws) : null;
  if (!parts) return refusal('NOT_A_CERTIFICATE', 'not_a_jws');
  const [, headerPart, payloadPart, signaturePart] = parts as unknown as [string, string, string, string];
  const headerBytes = strictBase64url(headerPart);
  let header: unknown;
  try {
    header = headerBytes && JSON.parse(headerBytes.toString('utf8'));
  } catch {
    header = undefined;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    return refusal('TAMPERED', 'unreadable');
  const { typ, alg, kid, crit } = header as Record<string, unknown>;
  if (typ !== CERTIFICATE_JWS_TYPE) return refusal('NOT_A_CERTIFICATE', 'not_origo_payload');
  const keyId = typeof kid === 'string' && kid.length > 0 ? kid : null;
  if (alg !== 'EdDSA' || crit !== undefined) return refusal('TAMPERED', 'algorithm_not_allowed', keyId);
  if (!keyId) return refusal('TAMPERED', 'unreadable');
  const key = trusted.keys.get(keyId);
  if (!key) return refusal('UNKNOWN_ISSUER', 'unknown_key', keyId);
  const signature = strictBase64url(signaturePart);
  const payloadRaw = strictBase64url(payloadPart);
  if (!signature || signature.length !== 64 || !payloadRaw) return refusal('TAMPERED', 'unreadable', keyId);
  const signed = verify(null, Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'), key, signature);
  if (!signed) return refusal('TAMPERED', 'signature_mismatch', keyId);
  let payload: unknown;
  try {
    payload = JSON.parse(payloadRaw.toString('utf8'));
  } catch {
    return refusal('NOT_A_CERTIFICATE', 'unsupported_payload', keyId);
  }
  const parsed = signedCertificatePayloadSchema.safeParse(payload);
  if (!parsed.success) return refusal('NOT_A_CERTIFICATE', 'unsupported_payload', keyId);
  return { verdict: 'VALID', kid: keyId, payload: parsed.data };
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** Whether bytes are a PDF file (its header may follow a little junk, as readers allow). */
export function isPdf(content: Uint8Array): boolean {
  const start = Buffer.from(content.buffer, content.byteOffset, Math.min(content.byteLength, 1024));
  return start.indexOf(PDF_MAGIC) !== -1;
}

/**
 * The signed payload a PDF carries in its document information dictionary (`/OrigoSignedPayload (...)`),
 * read from the raw bytes. The last entry wins (an incremental update appends a newer dictionary).
 * Literal and hexadecimal strings are read, with escapes, and UTF-16BE text (a BOM). Undefined when absent.
 */
export function extractSignedPayloadFromPdf(content: Uint8Array): string | undefined {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const name = Buffer.from(`/${PDF_INFO_KEY}`, 'latin1');
  let end = bytes.length;
  while (end > 0) {
    const at = bytes.lastIndexOf(name, end - 1);
    if (at === -1) return undefined;
    const value = pdfStringAt(bytes, at + name.length) ?? pdfStringByReference(bytes, at + name.length);
    if (value !== undefined) return value;
    end = at;
  }
  return undefined;
}

/**
 * The string an indirect reference (`13 0 R`, as pdfkit writes info values) points at: the last
 * `13 0 obj` in the file, since a later incremental update replaces an earlier one.
 */
function pdfStringByReference(bytes: Buffer, from: number): string | undefined {
  const reference = /^[\0\t\n\f\r ]*(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+R/.exec(
    bytes.toString('latin1', from, Math.min(bytes.length, from + 40)),
  );
  if (!reference) return undefined;
  const header = Buffer.from(`${reference[1]} ${reference[2]} obj`, 'latin1');
  let end = bytes.length;
  while (end > 0) {
    const at = bytes.lastIndexOf(header, end - 1);
    if (at === -1) return undefined;
    // The object number must start a token: `113 0 obj` is not `13 0 obj`.
    if (at === 0 || PDF_WHITESPACE.has(bytes[at - 1]!)) return pdfStringAt(bytes, at + header.length);
    end = at;
  }
  return undefined;
}

const PDF_WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const LITERAL_ESCAPES: Record<number, number> = {
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x28: 0x28, // \(
  0x29: 0x29, // \)
  0x5c: 0x5c, // \\
};

/** The PDF string object starting at `from` (after whitespace), decoded to text; undefined when none. */
function pdfStringAt(bytes: Buffer, from: number): string | undefined {
  let index = from;
  while (index < bytes.length && PDF_WHITESPACE.has(bytes[index]!)) index += 1;
  const opening = bytes[index];
  const raw: number[] = [];
  if (opening === 0x28) {
    // The usual case (a JWS as pdfkit writes it): no escapes or parentheses before the closing one.
    const close = bytes.indexOf(0x29, index + 1);
    if (close !== -1) {
      const simple = bytes.subarray(index + 1, close);
      if (simple.indexOf(0x5c) === -1 && simple.indexOf(0x28) === -1) return decodePdfText(simple);
    }
    let depth = 1;
    index += 1;
    while (index < bytes.length) {
      const byte = bytes[index]!;
      if (byte === 0x5c) {
        const next = bytes[index + 1];
        if (next === undefined) return undefined;
        if (next >= 0x30 && next <= 0x37) {
          let digits = 0;
          let value = 0;
          while (digits < 3 && bytes[index + 1 + digits]! >= 0x30 && bytes[index + 1 + digits]! <= 0x37) {
            value = value * 8 + (bytes[index + 1 + digits]! - 0x30);
            digits += 1;
          }
          raw.push(value & 0xff);
          index += 1 + digits;
          continue;
        }
        if (next === 0x0d || next === 0x0a) {
          // A line continuation: the backslash and the end of line are not part of the string.
          index += next === 0x0d && bytes[index + 2] === 0x0a ? 3 : 2;
          continue;
        }
        raw.push(LITERAL_ESCAPES[next] ?? next);
        index += 2;
        continue;
      }
      if (byte === 0x28) depth += 1;
      if (byte === 0x29) {
        depth -= 1;
        if (depth === 0) return decodePdfText(Buffer.from(raw));
      }
      raw.push(byte);
      index += 1;
    }
    return undefined;
  }
  if (opening === 0x3c && bytes[index + 1] !== 0x3c) {
    const close = bytes.indexOf(0x3e, index);
    if (close === -1) return undefined;
    const hex = bytes.toString('latin1', index + 1, close).replace(/\s+/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) return undefined;
    return decodePdfText(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  }
  return undefined;
}

/** PDF text strings are UTF-16BE with a BOM, or PDFDocEncoding (ASCII for a JWS). */
function decodePdfText(raw: Buffer): string {
  if (raw.length >= 2 && raw[0] === 0xfe && raw[1] === 0xff) {
    const swapped = Buffer.from(raw.subarray(2, raw.length - (raw.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return raw.toString('latin1');
}

/**
 * Checks what a user brings offline: a PDF certificate (its embedded payload) or a payload file (the JWS
 * as text). Never throws.
 */
export function verifyCertificateDocument(
  content: Uint8Array,
  trusted: TrustedKeys,
): OfflineVerification & { source: 'pdf' | 'payload' } {
  if (isPdf(content)) {
    const jws = extractSignedPayloadFromPdf(content);
    if (jws === undefined) return { ...refusal('NOT_A_CERTIFICATE', 'no_signed_payload'), source: 'pdf' };
    return { ...verifySignedPayload(jws, trusted), source: 'pdf' };
  }
  const text = Buffer.from(
    content.buffer,
    content.byteOffset,
    Math.min(content.byteLength, MAX_JWS_LENGTH + 1024),
  );
  return { ...verifySignedPayload(text.toString('utf8'), trusted), source: 'payload' };
}
