import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { Deps } from '../ports.js';

export interface AgreementSummary {
  id: string;
  names: { en: string; zh: string };
  kind: 'preferential' | 'non_preferential';
  certificateTypes: string[];
  /** Processing that never confers origin under the agreement, by code (a bill's steps name them). */
  minimalOperations: Array<{ code: string; label: { en: string; zh: string } }>;
}

/** The agreements the engine knows (data/origin/agreements), for choosing in a form; any user. */
export function listOriginAgreements(deps: Pick<Deps, 'origin'>, actor: Actor): AgreementSummary[] {
  authorize(actor, 'origin.evaluate');
  return [...deps.origin.agreements.values()].map(({ profile }) => ({
    id: profile.id,
    names: { en: profile.names.en, zh: profile.names.zh },
    kind: profile.kind,
    certificateTypes: [...profile.certificateTypes],
    minimalOperations: profile.minimalOperations.map(({ code, label }) => ({
      code,
      label: { en: label.en, zh: label.zh },
    })),
  }));
}
