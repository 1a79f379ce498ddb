import type { SigningKeyState } from '../../domain/signing-keys.js';
import { signingKeyState } from '../../domain/signing-keys.js';
import type { SigningKeyRecord } from '../ports.js';

/** A signing key as operators see it: no private part, with its state now. */
export interface SigningKeyView {
  kid: string;
  algorithm: 'EdDSA';
  state: SigningKeyState;
  createdAt: string;
  createdBy: string;
  activatesAt: string;
  retiredAt: string | null;
  /** The public key (base64url). */
  x: string;
}

export function toSigningKeyView(key: SigningKeyRecord, at: string): SigningKeyView {
  return {
    kid: key.kid,
    algorithm: key.algorithm,
    state: signingKeyState(key, at),
    createdAt: key.createdAt,
    createdBy: key.createdBy,
    activatesAt: key.activatesAt,
    retiredAt: key.retiredAt,
    x: key.publicJwk.x,
  };
}
