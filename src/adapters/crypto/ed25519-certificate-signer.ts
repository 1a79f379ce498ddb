import type { KeyObject } from 'node:crypto';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
} from 'node:crypto';
import { SignJWT } from 'jose';
import type { CertificateSigner, SigningKeyRecord } from '../../app/ports.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { DomainError } from '../../domain/errors.js';
import { CERTIFICATE_JWS_TYPE, payloadBytes } from '../../domain/signed-certificate.js';
import type { Ed25519PublicJwk } from '../../domain/signing-keys.js';

/**
 * Ed25519 signing with keys stored encrypted (ADR 0009). The key-encryption key is derived (HKDF-SHA256)
 * from the configured secret; each private key (PKCS#8) is sealed with AES-256-GCM, its key id bound as
 * additional data so rows cannot be swapped. A key is decrypted the first time it signs and then kept in
 * memory by key id: signing costs one Ed25519 signature (tens of microseconds).
 */
export function createEd25519CertificateSigner(options: { secret: string }): CertificateSigner {
  const kek = Buffer.from(hkdfSync('sha256', options.secret, 'origo-signing-keys', 'key-encryption v1', 32));
  const decrypted = new Map<string, KeyObject>();

  const privateKeyOf = (key: SigningKeyRecord): KeyObject => {
    let privateKey = decrypted.get(key.kid);
    if (!privateKey) {
      privateKey = createPrivateKey({
        key: unseal(kek, key.kid, key.encryptedPrivateKey),
        format: 'der',
        type: 'pkcs8',
      });
      decrypted.set(key.kid, privateKey);
    }
    return privateKey;
  };

  return {
    async newKey(times) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const exported = publicKey.export({ format: 'jwk' });
      const publicJwk: Ed25519PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: String(exported.x) };
      const kid = `${times.createdAt.slice(0, 10)}-${thumbprint(publicJwk).slice(0, 12)}`;
      const der = privateKey.export({ format: 'der', type: 'pkcs8' });
      return {
        kid,
        algorithm: 'EdDSA',
        publicJwk,
        encryptedPrivateKey: seal(kek, kid, der),
        createdAt: times.createdAt,
        createdBy: times.createdBy,
        activatesAt: times.activatesAt,
        retiredAt: null,
      };
    },

    async signCertificate(key, payload) {
      const header = base64url(canonicalJson({ alg: 'EdDSA', kid: key.kid, typ: CERTIFICATE_JWS_TYPE }));
      const body = payloadBytes(payload).toString('base64url');
      const signature = sign(null, Buffer.from(`${header}.${body}`, 'ascii'), privateKeyOf(key));
      return `${header}.${body}.${signature.toString('base64url')}`;
    },

    async signCredential(key, credential) {
      return new SignJWT(credential)
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt', cty: 'vc' })
        .sign(privateKeyOf(key));
    },
  };
}

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** RFC 7638 thumbprint of an Ed25519 public key. */
function thumbprint(jwk: Ed25519PublicJwk): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
}

/** `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
function seal(kek: Buffer, kid: string, plaintext: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(kid, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ['v1', iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

function unseal(kek: Buffer, kid: string, sealed: string): Buffer {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !ciphertext || !tag)
    throw new DomainError(
      'NOT_READY',
      `The private key of ${kid} is stored in a form this server cannot read.`,
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch {
    throw new DomainError(
      'NOT_READY',
      `The private key of ${kid} cannot be decrypted: ORIGO_SIGNING_SECRET is not the secret it was stored with.`,
    );
  }
}
