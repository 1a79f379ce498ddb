import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import { planFirstKey, signingKeyState } from '../../domain/signing-keys.js';
import type { Deps } from '../ports.js';
import type { SigningKeyView } from './signing-key-view.js';
import { toSigningKeyView } from './signing-key-view.js';

/** Makes the issuing authority's first signing key (or a fresh one once every key is retired), active at once. */
export async function generateSigningKey(
  deps: Pick<Deps, 'store' | 'clock' | 'signer'>,
  actor: Actor,
): Promise<SigningKeyView> {
  authorize(actor, 'signingKey.manage');
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const { activatesAt } = planFirstKey(await tx.signingKeys.list(), at);
    const key = await deps.signer.newKey({ createdAt: at, createdBy: actorLabel(actor), activatesAt });
    await tx.signingKeys.insert(key);
    await tx.audit.append(actor, at, {
      type: 'signing_key.generated',
      subjectType: 'signing_key',
      subjectId: key.kid,
      data: { kid: key.kid, activatesAt },
    });
    return toSigningKeyView(key, at);
  });
}

/**
 * For the demo: makes a key when none is active or waiting, so a demo installation signs from its first
 * approval. Answers the key made, or undefined when one was there.
 */
export async function ensureSigningKey(
  deps: Pick<Deps, 'store' | 'clock' | 'signer'>,
  actor: Actor,
): Promise<SigningKeyView | undefined> {
  authorize(actor, 'signingKey.manage');
  const at = deps.clock.now().toISOString();
  const live = (await deps.store.signingKeys.list()).some((key) => signingKeyState(key, at) !== 'retired');
  return live ? undefined : generateSigningKey(deps, actor);
}
