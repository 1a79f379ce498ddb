import type { Jwks } from '../../domain/signing-keys.js';
import { jwksOf } from '../../domain/signing-keys.js';
import type { Deps } from '../ports.js';

/** The public keys of every signing key ever made (next, active, retired): public, no identity needed. */
export async function getJwks(deps: Pick<Deps, 'store'>): Promise<Jwks> {
  return jwksOf(await deps.store.signingKeys.list());
}
