import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { createEd25519CertificateSigner } from '../../src/adapters/crypto/ed25519-certificate-signer.js';
import { applicationDataSchema } from '../../src/domain/application.js';
import type { SignedCertificatePayload } from '../../src/domain/signed-certificate.js';
import {
  certificatePayloadOf,
  certificateStatusUrl,
  extractSignedPayloadFromPdf,
  invoiceNumberDigest,
  trustedKeysFromJwks,
  verifyCertificateDocument,
  verifySignedPayload,
} from '../../src/domain/signed-certificate.js';
import { jwksOf } from '../../src/domain/signing-keys.js';
import { goodApplication } from '../support/applications.js';

const signer = createEd25519CertificateSigner({ secret: 'a test key-encryption secret of 32+ chars' });
const times = {
  createdAt: '2026-03-02T01:00:00.000Z',
  createdBy: 'test',
  activatesAt: '2026-03-02T01:00:00.000Z',
};

const data = applicationDataSchema.parse(goodApplication('RC', 3));
const payload: SignedCertificatePayload = certificatePayloadOf({
  certificateNumber: 'R262200000001',
  typeCode: 'RC',
  kind: 'original',
  replaces: null,
  issueDate: '2026-03-02',
  issuedAt: '2026-03-02T01:00:00.000Z',
  office: { code: '2200', nameEn: 'Shanghai Customs', nameZh: '上海海关' },
  data,
  endorsements: [],
  statusUrl: certificateStatusUrl('https://origo.example/', 'R262200000001'),
});

async function signedFixture() {
  const key = await signer.newKey(times);
  const jws = await signer.signCertificate(key, payload);
  const parsed = trustedKeysFromJwks(jwksOf([key]));
  if (!parsed.ok) throw new Error(parsed.problem);
  return { key, jws, trusted: parsed.trusted };
}

/** A real PDF made by pdfkit, with the payload stored as the renderer stores it. */
function pdfWith(info: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    Object.assign(doc.info, info);
    doc.text('CERTIFICATE OF ORIGIN (test)');
    doc.end();
  });
}

describe('signed certificate payload (ADR 0009)', () => {
  it('carries the certificate data and its status address, and invoice numbers only as digests', () => {
    expect(payload.statusUrl).toBe('https://origo.example/api/public/certificates/R262200000001/status');
    expect(payload.items.map((item) => item.hsCode)).toEqual(data.items.map((item) => item.hsCode));
    expect(payload.invoiceNumberDigests).toEqual(
      data.invoices.map((invoice) => invoiceNumberDigest('R262200000001', invoice.number)),
    );
    expect(JSON.stringify(payload)).not.toContain(data.invoices[0]!.number);
  });

  it('verifies VALID with the decoded payload and the key id', async () => {
    const { key, jws, trusted } = await signedFixture();
    expect(jws.split('.')).toHaveLength(3);
    const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()) as unknown;
    expect(header).toStrictEqual({ alg: 'EdDSA', kid: key.kid, typ: 'origo-certificate+jws' });
    expect(verifySignedPayload(jws, trusted)).toStrictEqual({ verdict: 'VALID', kid: key.kid, payload });
  });

  it('answers TAMPERED when any one character of the payload part changes, and never VALID for a changed JWS', async () => {
    const { jws, trusted } = await signedFixture();
    const [header, body] = jws.split('.') as [string, string, string];
    const swap = (c: string) => (c === 'A' ? 'B' : 'A');
    for (let index = header.length + 1; index < header.length + 1 + body.length; index += 1) {
      const changed = jws.slice(0, index) + swap(jws[index]!) + jws.slice(index + 1);
      expect(verifySignedPayload(changed, trusted).verdict).toBe('TAMPERED');
    }
    for (let index = 0; index < jws.length; index += 1) {
      if (jws[index] === '.') continue;
      const changed = jws.slice(0, index) + swap(jws[index]!) + jws.slice(index + 1);
      expect(verifySignedPayload(changed, trusted).verdict).not.toBe('VALID');
    }
  });

  it('answers TAMPERED when the data is edited and re-encoded (a changed quantity)', async () => {
    const { jws, trusted } = await signedFixture();
    const [header, , signature] = jws.split('.') as [string, string, string];
    const forged = { ...payload, items: payload.items.map((item) => ({ ...item, quantity: 999 })) };
    const body = Buffer.from(JSON.stringify(forged)).toString('base64url');
    expect(verifySignedPayload(`${header}.${body}.${signature}`, trusted)).toMatchObject({
      verdict: 'TAMPERED',
      reason: 'signature_mismatch',
    });
  });

  it('answers UNKNOWN_ISSUER for a key not in the JWKS, even one with the same key id', async () => {
    const { jws } = await signedFixture();
    const other = await signer.newKey(times);
    const elsewhere = trustedKeysFromJwks(jwksOf([other]));
    if (!elsewhere.ok) throw new Error('jwks');
    expect(verifySignedPayload(jws, elsewhere.trusted)).toMatchObject({
      verdict: 'UNKNOWN_ISSUER',
      reason: 'unknown_key',
    });
    // Same kid, other key material: the signature does not match.
    const { key } = await signedFixture();
    const impostor = trustedKeysFromJwks(jwksOf([{ kid: key.kid, publicJwk: other.publicJwk }]));
    if (!impostor.ok) throw new Error('jwks');
    const signedByKey = await signer.signCertificate(key, payload);
    expect(verifySignedPayload(signedByKey, impostor.trusted).verdict).toBe('TAMPERED');
  });

  it('never throws on garbage: NOT_A_CERTIFICATE for what is no Origo payload, TAMPERED for a damaged one', async () => {
    const { trusted } = await signedFixture();
    const otherJwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.e30.c2ln`;
    const cases: Array<[string, string]> = [
      ['', 'NOT_A_CERTIFICATE'],
      ['hello', 'NOT_A_CERTIFICATE'],
      ['a.b', 'NOT_A_CERTIFICATE'],
      ['a.b.c.d', 'NOT_A_CERTIFICATE'],
      [otherJwt, 'NOT_A_CERTIFICATE'],
      ['!!!.???.###', 'NOT_A_CERTIFICATE'],
      ['AAAA.AAAA.AAAA', 'TAMPERED'],
      [
        `${Buffer.from('{"alg":"none","typ":"origo-certificate+jws","kid":"x"}').toString('base64url')}.e30.AA`,
        'TAMPERED',
      ],
    ];
    for (const [input, verdict] of cases) expect(verifySignedPayload(input, trusted).verdict).toBe(verdict);
    expect(verifyCertificateDocument(Buffer.from([0xff, 0x00, 0x25, 0x50]), trusted).verdict).toBe(
      'NOT_A_CERTIFICATE',
    );
  });

  it('refuses a JWKS that is not one, and skips keys of other kinds', () => {
    expect(trustedKeysFromJwks('nope')).toMatchObject({ ok: false });
    expect(trustedKeysFromJwks({ keys: [{ kty: 'RSA', kid: 'r', n: 'x', e: 'AQAB' }] })).toMatchObject({
      ok: true,
      ignored: 1,
    });
  });
});

describe('the payload inside a PDF', () => {
  it('finds the JWS a pdfkit PDF stores under OrigoSignedPayload and verifies the PDF', async () => {
    const { jws, trusted, key } = await signedFixture();
    const pdf = await pdfWith({ Title: 'Certificate of origin', OrigoSignedPayload: jws });
    expect(extractSignedPayloadFromPdf(pdf)).toBe(jws);
    expect(verifyCertificateDocument(pdf, trusted)).toMatchObject({
      verdict: 'VALID',
      kid: key.kid,
      source: 'pdf',
    });
  });

  it('answers TAMPERED for a PDF whose payload was edited, NOT_A_CERTIFICATE for a PDF without one', async () => {
    const { jws, trusted } = await signedFixture();
    const pdf = await pdfWith({ OrigoSignedPayload: jws });
    const at = pdf.indexOf(jws) + jws.indexOf('.') + 5;
    const edited = Buffer.from(pdf);
    edited[at] = edited[at] === 0x41 ? 0x42 : 0x41;
    expect(verifyCertificateDocument(edited, trusted).verdict).toBe('TAMPERED');
    expect(verifyCertificateDocument(await pdfWith({ Title: 'x' }), trusted)).toMatchObject({
      verdict: 'NOT_A_CERTIFICATE',
      reason: 'no_signed_payload',
    });
  });

  it('reads escaped, hexadecimal and UTF-16 strings, and the last entry of an incremental update', () => {
    const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF`, 'latin1');
    expect(extractSignedPayloadFromPdf(pdf('<< /OrigoSignedPayload (a\\(b\\)c\\\\d\\101) >>'))).toBe(
      'a(b)c\\dA',
    );
    expect(extractSignedPayloadFromPdf(pdf('<< /OrigoSignedPayload <616263> >>'))).toBe('abc');
    expect(extractSignedPayloadFromPdf(pdf('<< /OrigoSignedPayload <FEFF00610062> >>'))).toBe('ab');
    expect(
      extractSignedPayloadFromPdf(pdf('<< /OrigoSignedPayload (old) >>\n<< /OrigoSignedPayload (new) >>')),
    ).toBe('new');
    expect(extractSignedPayloadFromPdf(pdf('<< /OrigoSignedPayload (unterminated'))).toBeUndefined();
    expect(extractSignedPayloadFromPdf(pdf('<< /Title (x) >>'))).toBeUndefined();
  });
});

describe('indirect references', () => {
  it('follows /OrigoSignedPayload 13 0 R to its object, not to 113 0 obj', () => {
    const pdf = Buffer.from(
      '%PDF-1.3\n13 0 obj\n(right)\nendobj\n113 0 obj\n(wrong)\nendobj\n9 0 obj\n<< /OrigoSignedPayload 13 0 R >>\nendobj\n%%EOF',
      'latin1',
    );
    expect(extractSignedPayloadFromPdf(pdf)).toBe('right');
  });
});
