import type { Actor } from '../../domain/actor.js';
import { chinaDayEnd, chinaDayStart } from '../../domain/calendar-days.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { ReviewStatistics } from '../../domain/review-statistics.js';
import { reviewStatistics } from '../../domain/review-statistics.js';
import type { Deps } from '../ports.js';

/**
 * The statistics page for office heads: issued per type and week, median time to decision, most common
 * return reasons, over the officer's offices (or one of them) and a period of days (China time).
 */
export async function getReviewStatistics(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  query: { officeId?: string | undefined; from: string; until: string },
): Promise<ReviewStatistics & { from: string; until: string; officeIds: string[] }> {
  authorize(actor, 'review.queue');
  if (query.until < query.from)
    throw new DomainError('VALIDATION_FAILED', 'The period ends before it starts.', [
      { path: 'until', code: 'before_from', message: 'Choose an end on or after the start.' },
    ]);
  const offices = actor.kind === 'system' ? [] : [...actor.officeIds];
  if (query.officeId) authorize(actor, 'review.decide', { officeId: query.officeId });
  const officeIds = query.officeId ? [query.officeId] : offices;
  const rows = await deps.store.applications.statisticsRows(
    officeIds,
    chinaDayStart(query.from),
    chinaDayEnd(query.until),
  );
  return {
    ...reviewStatistics(rows.issued, rows.decisions),
    from: query.from,
    until: query.until,
    officeIds,
  };
}
