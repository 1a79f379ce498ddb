import PDFDocument from 'pdfkit';
import { createEd25519CertificateSigner } from '../src/adapters/crypto/ed25519-certificate-signer.js';
import { applicationDataSchema } from '../src/domain/application.js';
import {
  certificatePayloadOf,
  trustedKeysFromJwks,
  verifyCertificateDocument,
  verifySignedPayload,
} from '../src/domain/signed-certificate.js';
import { jwksOf } from '../src/domain/signing-keys.js';
import { goodApplication } from '../test/support/applications.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';

export const name = 'verify-offline';

const ROUNDS = 20_000;

/**
 * The issue's offline verification figure: a 10-item certificate's signed payload checked against a JWKS
 * of three keys (signature, header, payload schema), at least 5,000 per second on one core; also from a
 * rendered PDF (finding the payload in the bytes first), and the cost of signing one payload.
 */
export async function run(): Promise<Figure[]> {
  const signer = createEd25519CertificateSigner({ secret: 'benchmark key-encryption secret, 32+ chars' });
  const times = {
    createdAt: '2026-03-02T01:00:00.000Z',
    createdBy: 'bench',
    activatesAt: '2026-03-02T01:00:00.000Z',
  };
  const keys = [await signer.newKey(times), await signer.newKey(times), await signer.newKey(times)];
  const parsed = trustedKeysFromJwks(jwksOf(keys));
  if (!parsed.ok) throw new Error(parsed.problem);
  const payload = certificatePayloadOf({
    certificateNumber: 'R262200000001',
    typeCode: 'RC',
    kind: 'original',
    replaces: null,
    issueDate: '2026-03-02',
    issuedAt: '2026-03-02T01:00:00.000Z',
    office: { code: '2200', nameEn: 'Shanghai Customs', nameZh: '上海海关' },
    data: applicationDataSchema.parse(goodApplication('RC', 10)),
    endorsements: [],
    statusUrl: 'http://localhost:8080/api/public/certificates/R262200000001/status',
  });
  const key = keys[1]!;
  await signer.signCertificate(key, payload); // decrypts the key once, as a running server has

  let startedAt = performance.now();
  let jws = '';
  for (let index = 0; index < ROUNDS; index++) jws = await signer.signCertificate(key, payload);
  const signMicros = ((performance.now() - startedAt) * 1000) / ROUNDS;

  startedAt = performance.now();
  for (let index = 0; index < ROUNDS; index++)
    if (verifySignedPayload(jws, parsed.trusted).verdict !== 'VALID') throw new Error('not VALID');
  const jwsRate = ROUNDS / ((performance.now() - startedAt) / 1000);

  const pdf = await new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    Object.assign(doc.info, { OrigoSignedPayload: jws });
    for (const item of payload.items) doc.text(`${item.itemNumber} ${item.description} ${item.hsCode}`);
    doc.end();
  });
  startedAt = performance.now();
  for (let index = 0; index < ROUNDS / 4; index++)
    if (verifyCertificateDocument(pdf, parsed.trusted).verdict !== 'VALID') throw new Error('not VALID');
  const pdfRate = ROUNDS / 4 / ((performance.now() - startedAt) / 1000);
  console.error(
    `  offline: ${Math.round(jwsRate)} payloads/s, ${Math.round(pdfRate)} PDFs/s (${pdf.length} bytes); signing ${signMicros.toFixed(1)} µs`,
  );
  return [
    {
      name: 'verify a signed payload offline (10 items, JWKS of 3 keys)',
      value: round(jwsRate),
      unit: 'verifications/s',
      target: '>= 5000/s',
      check: { op: '>=', value: 5000 },
    },
    {
      name: 'verify a certificate PDF offline (find the payload, then verify)',
      value: round(pdfRate),
      unit: 'verifications/s',
      target: '>= 5000/s',
      check: { op: '>=', value: 5000 },
    },
    {
      name: 'sign a certificate payload (key decrypted once)',
      value: round(signMicros, 1),
      unit: 'µs/signature',
      target: '< 1000 µs',
      check: { op: '<=', value: 1000 },
    },
  ];
}
