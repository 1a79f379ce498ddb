import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import type { ApiKeyView } from './views.js';
import { toApiKeyView } from './views.js';

/** Revokes an API key at once; revoking twice is harmless. */
export async function revokeApiKey(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  apiKeyId: string,
): Promise<ApiKeyView> {
  const apiKey = await deps.store.apiKeys.findById(apiKeyId);
  if (!apiKey) {
    authorize(actor, 'apiKey.manage', {});
    throw new DomainError('NOT_FOUND', 'No such API key.');
  }
  await loadOrganisationFor(deps.store.organisations, actor, 'apiKey.manage', apiKey.orgId);
  if (apiKey.revokedAt) return toApiKeyView(apiKey);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.apiKeys.revoke(apiKey.id, at);
    await tx.audit.append(actor, at, {
      type: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: apiKey.id,
      data: { prefix: apiKey.prefix },
    });
  });
  return toApiKeyView({ ...apiKey, revokedAt: at });
}
