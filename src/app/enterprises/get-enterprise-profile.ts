import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { agentScopeFor } from '../agents/agent-scope.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import type { EnterpriseProfileView } from './views.js';
import { toEnterpriseProfileView } from './views.js';

/** An enterprise's basic information with its synchronisation status (maintained or not yet). */
export async function getEnterpriseProfile(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  orgId: string,
): Promise<EnterpriseProfileView> {
  const agentScope = await agentScopeFor(deps, actor, orgId);
  const organisation = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'enterpriseProfile.read',
    orgId,
    agentScope,
  );
  if (organisation.kind !== 'enterprise') {
    throw new DomainError('NOT_FOUND', 'Only enterprises have basic information.');
  }
  return toEnterpriseProfileView(orgId, await deps.store.enterpriseProfiles.find(orgId));
}
