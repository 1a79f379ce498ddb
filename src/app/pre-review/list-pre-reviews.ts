import type { Actor } from '../../domain/actor.js';
import { hasRole } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { authorize } from '../../domain/policy.js';
import type { PreReviewStatus } from '../../domain/pre-review.js';
import { agreementForCertificateType } from '../../origin/origin-catalogue.js';
import type { Deps, PreReviewRecord } from '../ports.js';
import type { PreReviewView } from './access.js';
import { loadPreReviewFor, viewOf } from './access.js';

/**
 * Pre-reviews the caller may see. Officers: their offices' (the queue, oldest first, when asked for
 * submitted ones); an enterprise: its own, newest first; `usableFor` (a certificate type) narrows to
 * those decided as conforming under that type's agreement and in force today (an application's picker).
 */
export async function listPreReviews(
  deps: Pick<Deps, 'store' | 'clock' | 'origin'>,
  actor: Actor,
  query: { status?: PreReviewStatus | undefined; usableFor?: string | undefined },
): Promise<PreReviewView[]> {
  const agreement =
    query.usableFor === undefined ? undefined : agreementForCertificateType(deps.origin, query.usableFor);
  if (agreement === null) return [];
  const usableFor = agreement ? { agreement, day: chinaDate(deps.clock.now()) } : undefined;
  const common = { status: query.status, usableFor, limit: 500 };
  let rows: PreReviewRecord[];
  if (actor.kind === 'system' || hasRole(actor, 'customs_admin'))
    rows = await deps.store.preReviews.list(common);
  else if (hasRole(actor, 'customs_officer'))
    rows = await deps.store.preReviews.list({
      ...common,
      officeIds: actor.officeIds,
      oldestFirst: query.status === 'submitted',
    });
  else {
    authorize(actor, 'preReview.read', { orgId: actor.orgId, orgKind: actor.orgKind });
    rows = await deps.store.preReviews.list({ ...common, enterpriseId: actor.orgId });
  }
  return rows.map((row) => viewOf(deps, row));
}

/** One pre-review, for its enterprise and officers of its office. */
export async function getPreReview(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<PreReviewView> {
  return viewOf(deps, await loadPreReviewFor(deps, actor, 'preReview.read', id));
}
