import type { AgentAuthorisation } from '../../domain/agent-authorisation.js';
import { isActive } from '../../domain/agent-authorisation.js';
import type { OrganisationRecord } from '../ports.js';

export type AuthorisationState = 'active' | 'pending' | 'expired' | 'revoked';

/** An authorisation with both parties' names and where it stands today. */
export interface AgentAuthorisationView extends AgentAuthorisation {
  enterpriseName: { en: string; zh: string };
  agencyName: { en: string; zh: string };
  state: AuthorisationState;
}

export function toAgentAuthorisationView(
  authorisation: AgentAuthorisation,
  organisations: ReadonlyMap<string, OrganisationRecord>,
  today: string,
): AgentAuthorisationView {
  const name = (id: string) => {
    const organisation = organisations.get(id);
    return { en: organisation?.nameEn ?? id, zh: organisation?.nameZh ?? id };
  };
  const state: AuthorisationState = authorisation.revokedAt
    ? 'revoked'
    : isActive(authorisation, today)
      ? 'active'
      : authorisation.validFrom > today
        ? 'pending'
        : 'expired';
  return {
    ...authorisation,
    enterpriseName: name(authorisation.enterpriseId),
    agencyName: name(authorisation.agencyId),
    state,
  };
}
