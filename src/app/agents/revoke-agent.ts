import type { Actor } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import type { AgentAuthorisationView } from './views.js';
import { toAgentAuthorisationView } from './views.js';

/** Revokes an authorisation with immediate effect; revoking twice changes nothing. */
export async function revokeAgent(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  authorisationId: string,
): Promise<AgentAuthorisationView> {
  const authorisation = await deps.store.agentAuthorisations.findById(authorisationId);
  if (!authorisation) {
    authorize(actor, 'agent.authorise', {});
    throw new DomainError('NOT_FOUND', 'No such authorisation.');
  }
  const enterprise = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'agent.authorise',
    authorisation.enterpriseId,
  );
  const now = deps.clock.now();
  let revokedAt = authorisation.revokedAt;
  if (!revokedAt) {
    revokedAt = now.toISOString();
    const at = revokedAt;
    await deps.store.transaction(async (tx) => {
      await tx.agentAuthorisations.revoke(authorisation.id, at, actor.kind === 'user' ? actor.userId : null);
      await tx.audit.append(actor, at, {
        type: 'agent.revoked',
        subjectType: 'agent_authorisation',
        subjectId: authorisation.id,
        data: { agencyId: authorisation.agencyId },
      });
    });
  }
  const agency = await deps.store.organisations.findById(authorisation.agencyId);
  const names = new Map(
    [enterprise, ...(agency ? [agency] : [])].map((organisation) => [organisation.id, organisation]),
  );
  return toAgentAuthorisationView({ ...authorisation, revokedAt }, names, chinaDate(now));
}
