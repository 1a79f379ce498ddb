import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../ports.js';
import type { PreReviewView } from './access.js';
import { loadPreReviewFor, viewOf } from './access.js';

/** The enterprise withdraws a pre-review customs has not decided yet. */
export async function withdrawPreReview(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<PreReviewView> {
  const preReview = await loadPreReviewFor(deps, actor, 'preReview.submit', id);
  if (preReview.status !== 'submitted')
    throw new DomainError(
      'CONFLICT',
      `The pre-review is ${preReview.status}; only an undecided one is withdrawn.`,
    );
  const withdrawn = { ...preReview, status: 'withdrawn' as const, version: preReview.version + 1 };
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.preReviews.update(withdrawn, preReview.version)))
      throw new DomainError('CONFLICT', 'The pre-review changed meanwhile; reload it.');
    await tx.audit.append(actor, at, {
      type: 'pre_review.withdrawn',
      subjectType: 'pre_review',
      subjectId: id,
      data: {},
    });
  });
  return viewOf(deps, withdrawn);
}
