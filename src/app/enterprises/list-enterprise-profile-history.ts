import type { Actor } from '../../domain/actor.js';
import { agentScopeFor } from '../agents/agent-scope.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps, EnterpriseProfileVersion } from '../ports.js';

/** Every saved version of an enterprise's basic information, newest first: who, when, what changed. */
export async function listEnterpriseProfileHistory(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  orgId: string,
): Promise<EnterpriseProfileVersion[]> {
  const agentScope = await agentScopeFor(deps, actor, orgId);
  await loadOrganisationFor(deps.store.organisations, actor, 'enterpriseProfile.read', orgId, agentScope);
  return deps.store.enterpriseProfiles.history(orgId);
}
