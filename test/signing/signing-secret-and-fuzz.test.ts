import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEd25519CertificateSigner } from '../../src/adapters/crypto/ed25519-certificate-signer.js';
import { embeddedSigningSecret } from '../../src/adapters/crypto/signing-secret.js';
import { openRuntime } from '../../src/compose.js';
import { ConfigError } from '../../src/config.js';
import {
  OFFLINE_VERDICTS,
  trustedKeysFromJwks,
  verifyCertificateDocument,
  verifySignedPayload,
} from '../../src/domain/signed-certificate.js';

const times = {
  createdAt: '2026-03-02T01:00:00.000Z',
  createdBy: 'test',
  activatesAt: '2026-03-02T01:00:00.000Z',
};

describe('the key-encryption secret', () => {
  it('is generated once into the data directory with mode 0600, then reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-secret-'));
    try {
      const file = path.join(dir, 'nested', 'signing-secret');
      const secret = embeddedSigningSecret(file);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(embeddedSigningSecret(file)).toBe(secret);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is required with PostgreSQL, where several servers share the keys', async () => {
    await expect(
      openRuntime(
        { dialect: 'sqlite', file: ':memory:' },
        {
          sessionIdleMinutes: 60,
          sessionMaxHours: 12,
          databaseUrl: 'postgres://127.0.0.1/none',
          signingSecretFile: '/nonexistent/signing-secret',
        },
      ),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('keys sealed under one secret cannot be used under another: NOT_READY, naming the variable', async () => {
    const key = await createEd25519CertificateSigner({
      secret: 'the first secret, long enough to use',
    }).newKey(times);
    const other = createEd25519CertificateSigner({ secret: 'another secret, also long enough here' });
    await expect(other.signCertificate(key, {} as never)).rejects.toMatchObject({
      code: 'NOT_READY',
      message: expect.stringContaining('ORIGO_SIGNING_SECRET'),
    });
    expect(key.encryptedPrivateKey).not.toContain(key.publicJwk.x);
  });
});

describe('offline verification never throws', () => {
  it('answers one of the four verdicts for any text or bytes', async () => {
    const signer = createEd25519CertificateSigner({ secret: 'fuzzing secret of at least 32 chars' });
    const parsed = trustedKeysFromJwks({ keys: [{ ...(await signer.newKey(times)).publicJwk, kid: 'k' }] });
    if (!parsed.ok) throw new Error(parsed.problem);
    const base64urlish = fc.stringMatching(/^[A-Za-z0-9_.-]{0,200}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), base64urlish), (text) => {
        expect(OFFLINE_VERDICTS).toContain(verifySignedPayload(text, parsed.trusted).verdict);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, asPdf) => {
        const content = asPdf ? Buffer.concat([Buffer.from('%PDF-1.7 /OrigoSignedPayload '), bytes]) : bytes;
        expect(OFFLINE_VERDICTS).toContain(verifyCertificateDocument(content, parsed.trusted).verdict);
      }),
      { numRuns: 2000 },
    );
  });
});
