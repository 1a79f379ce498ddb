import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Permission } from '../../domain/policy.js';
import { authorize } from '../../domain/policy.js';
import { replyDueOn } from '../../domain/pre-review.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import type { Deps, PreReviewRecord, Repositories } from '../ports.js';

/**
 * A pre-review the actor holds `permission` on. Someone who may not see it gets FORBIDDEN whether it exists
 * or not; only those who could see it learn that it does not.
 */
export async function loadPreReviewFor(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  permission: Extract<Permission, `preReview.${string}`>,
  id: string,
  repositories: Pick<Repositories, 'preReviews'> = deps.store,
): Promise<PreReviewRecord> {
  const preReview = await repositories.preReviews.findById(id);
  if (!preReview) {
    authorize(actor, permission, {});
    throw new DomainError('NOT_FOUND', 'No such pre-review.');
  }
  authorize(actor, permission, {
    orgId: preReview.enterpriseId,
    orgKind: 'enterprise',
    officeId: preReview.officeId,
  });
  return preReview;
}

/** A pre-review as the API shows it: the record, when the reply is due, and whether it holds today. */
export interface PreReviewView extends PreReviewRecord {
  /** Customs replies within two days of submission. */
  replyDue: string;
  /** Decided, and today within its validity. */
  inForce: boolean;
}

export function viewOf(deps: Pick<Deps, 'clock'>, preReview: PreReviewRecord): PreReviewView {
  const today = chinaDate(deps.clock.now());
  const decision = preReview.decision;
  return {
    ...preReview,
    replyDue: replyDueOn(chinaDate(new Date(preReview.submittedAt))),
    inForce:
      preReview.status === 'decided' &&
      decision !== null &&
      decision.validFrom <= today &&
      today <= decision.validUntil,
  };
}
