import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { Deps } from '../ports.js';
import type { SigningKeyView } from './signing-key-view.js';
import { toSigningKeyView } from './signing-key-view.js';

/** Every signing key with its state now, oldest first. */
export async function listSigningKeys(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
): Promise<SigningKeyView[]> {
  authorize(actor, 'signingKey.manage');
  const at = deps.clock.now().toISOString();
  return (await deps.store.signingKeys.list()).map((key) => toSigningKeyView(key, at));
}
