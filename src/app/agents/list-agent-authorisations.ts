import type { Actor } from '../../domain/actor.js';
import { hasRole } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { AgentAuthorisation } from '../../domain/agent-authorisation.js';
import type { Deps } from '../ports.js';
import type { AgentAuthorisationView } from './views.js';
import { toAgentAuthorisationView } from './views.js';

async function withNames(
  deps: Pick<Deps, 'store' | 'clock'>,
  authorisations: AgentAuthorisation[],
): Promise<AgentAuthorisationView[]> {
  const ids = [...new Set(authorisations.flatMap((item) => [item.enterpriseId, item.agencyId]))];
  const organisations = ids.length ? await deps.store.organisations.list({ ids }) : [];
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const today = chinaDate(deps.clock.now());
  return authorisations.map((item) => toAgentAuthorisationView(item, names, today));
}

/** The agencies an enterprise has authorised, past and present. */
export async function listAgentAuthorisations(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  enterpriseId: string,
): Promise<AgentAuthorisationView[]> {
  await loadOrganisationFor(deps.store.organisations, actor, 'agent.list', enterpriseId);
  return withNames(deps, await deps.store.agentAuthorisations.listByEnterprise(enterpriseId));
}

/** For agent staff: the enterprises their agency acts for, with the scope and days of each authorisation. */
export async function listPrincipals(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
): Promise<AgentAuthorisationView[]> {
  if (actor.kind === 'system' || !hasRole(actor, 'agent_staff')) {
    throw new DomainError('FORBIDDEN', 'Only agent staff have principals.');
  }
  return withNames(deps, await deps.store.agentAuthorisations.listByAgency(actor.orgId));
}
