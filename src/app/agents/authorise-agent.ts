import type { Actor } from '../../domain/actor.js';
import { checkAuthorisationTerms, chinaDate } from '../../domain/agent-authorisation.js';
import { DomainError } from '../../domain/errors.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { Deps } from '../ports.js';
import { newId } from '../tokens.js';
import type { AgentAuthorisationView } from './views.js';
import { toAgentAuthorisationView } from './views.js';

export interface AuthoriseAgentInput {
  enterpriseId: string;
  agencyId: string;
  certificateTypes: string[];
  validFrom: string;
  validUntil: string;
}

/** The enterprise administrator authorises an agency for some certificate types over some days. */
export async function authoriseAgent(
  deps: Pick<Deps, 'store' | 'clock' | 'certificateTypes'>,
  actor: Actor,
  input: AuthoriseAgentInput,
): Promise<AgentAuthorisationView> {
  const enterprise = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'agent.authorise',
    input.enterpriseId,
  );
  if (enterprise.kind !== 'enterprise')
    throw new DomainError('VALIDATION_FAILED', 'Only an enterprise authorises agents.');
  const now = deps.clock.now();
  const today = chinaDate(now);
  const certificateTypes = [...new Set(input.certificateTypes)].sort();
  const knownTypes = deps.certificateTypes.list().map((type) => type.code);
  const problems = checkAuthorisationTerms({ ...input, certificateTypes, knownTypes, today });
  const agency = await deps.store.organisations.findById(input.agencyId);
  if (agency?.kind !== 'agency') {
    problems.unshift({ path: 'agencyId', code: 'not_an_agency', message: 'Choose a registered agency.' });
  }
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The authorisation cannot be given as it is.', problems);

  const authorisation = {
    id: newId(),
    enterpriseId: enterprise.id,
    agencyId: input.agencyId,
    certificateTypes,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    createdAt: now.toISOString(),
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.agentAuthorisations.insert({
      ...authorisation,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await tx.audit.append(actor, authorisation.createdAt, {
      type: 'agent.authorised',
      subjectType: 'agent_authorisation',
      subjectId: authorisation.id,
      data: {
        agencyId: input.agencyId,
        certificateTypes,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
      },
    });
  });
  const names = new Map([enterprise, agency!].map((organisation) => [organisation.id, organisation]));
  return toAgentAuthorisationView(authorisation, names, today);
}
