import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import { activeSigningKey, planRetirement } from '../../domain/signing-keys.js';
import type { Deps } from '../ports.js';

/**
 * Stops a key signing now (it stays in the JWKS). A waiting key takes over at once; without one, nothing
 * signs (and nothing can be approved) until a key is generated, which the answer says.
 */
export async function retireSigningKey(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { kid: string },
): Promise<{ kid: string; promoted: string[]; resumed: string[]; activeKid: string | null }> {
  authorize(actor, 'signingKey.manage');
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const changes = planRetirement(await tx.signingKeys.list(), input.kid, at);
    for (const { kid, ...times } of changes) await tx.signingKeys.setTimes(kid, times);
    const others = changes.filter((change) => change.kid !== input.kid);
    const promoted = others.filter((change) => change.activatesAt !== undefined).map((change) => change.kid);
    const resumed = others.filter((change) => change.retiredAt === null).map((change) => change.kid);
    await tx.audit.append(actor, at, {
      type: 'signing_key.retired',
      subjectType: 'signing_key',
      subjectId: input.kid,
      data: { kid: input.kid, promoted, resumed },
    });
    const active = activeSigningKey(await tx.signingKeys.list(), at);
    return { kid: input.kid, promoted, resumed, activeKid: active?.kid ?? null };
  });
}
