import type { Actor } from '../../domain/actor.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import type { ApiKeyView } from './views.js';
import { toApiKeyView } from './views.js';

/** Lists an organisation's API keys, revoked ones included. */
export async function listApiKeys(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  orgId: string,
): Promise<ApiKeyView[]> {
  await loadOrganisationFor(deps.store.organisations, actor, 'apiKey.manage', orgId);
  return (await deps.store.apiKeys.listByOrganisation(orgId)).map(toApiKeyView);
}
