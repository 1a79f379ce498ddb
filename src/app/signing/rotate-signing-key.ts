import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import { planRotation } from '../../domain/signing-keys.js';
import type { Deps } from '../ports.js';
import type { SigningKeyView } from './signing-key-view.js';
import { toSigningKeyView } from './signing-key-view.js';

/**
 * Rotation: a new key is published now and takes over signing after the overlap, when the key signing
 * today retires (it stays published, so what it signed keeps verifying).
 */
export async function rotateSigningKey(
  deps: Pick<Deps, 'store' | 'clock' | 'signer'>,
  actor: Actor,
  input: { overlapDays: number },
): Promise<{ key: SigningKeyView; retiring: string[] }> {
  authorize(actor, 'signingKey.manage');
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const { activatesAt, changes } = planRotation(await tx.signingKeys.list(), at, input.overlapDays);
    const key = await deps.signer.newKey({ createdAt: at, createdBy: actorLabel(actor), activatesAt });
    await tx.signingKeys.insert(key);
    for (const { kid, ...times } of changes) await tx.signingKeys.setTimes(kid, times);
    const retiring = changes.map((change) => change.kid);
    await tx.audit.append(actor, at, {
      type: 'signing_key.rotated',
      subjectType: 'signing_key',
      subjectId: key.kid,
      data: { kid: key.kid, activatesAt, retiring },
    });
    return { key: toSigningKeyView(key, at), retiring };
  });
}
