import type { Actor } from '../../domain/actor.js';
import { hasRole } from '../../domain/actor.js';
import { activeCertificateTypes, chinaDate } from '../../domain/agent-authorisation.js';
import type { Scope } from '../../domain/policy.js';
import type { Deps, Repositories } from '../ports.js';

/**
 * For agent staff: the certificate types their agency may act on for an enterprise today, as scope for
 * authorisation. Nothing for anyone else (they need no authorisation from the enterprise). Inside a
 * transaction, pass its repositories: SQLite has one connection, which a read beside the transaction waits
 * for forever.
 */
export async function agentScopeFor(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  enterpriseId: string,
  repositories: Pick<Repositories, 'agentAuthorisations'> = deps.store,
): Promise<Pick<Scope, 'agentCertificateTypes'>> {
  if (actor.kind === 'system' || !hasRole(actor, 'agent_staff')) return {};
  const authorisations = await repositories.agentAuthorisations.listBetween(actor.orgId, enterpriseId);
  return { agentCertificateTypes: activeCertificateTypes(authorisations, chinaDate(deps.clock.now())) };
}
