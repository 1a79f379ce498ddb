import type { Actor } from '../../domain/actor.js';
import { QUEUED_STATUSES } from '../../domain/application-lifecycle.js';
import { authorize } from '../../domain/policy.js';
import type { ApplicationRecord, Deps } from '../ports.js';

/** A line of an office's queue. */
export interface QueueItem {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  officeId: string;
  typeCode: string;
  status: ApplicationRecord['status'];
  version: number;
  destinationCountry: string;
  invoiceNumbers: string[];
  itemCount: number;
  submittedAt: string;
  /** Whole hours since submission. */
  ageHours: number;
  reviewerId: string | null;
  /** Automated checks that failed (a reused invoice, an agency beyond its authorisation, ...). */
  checksFailed: number;
  /** Field-rule warnings left at submission (errors never reach the queue). */
  warnings: number;
}

/**
 * The review queue of the offices the officer belongs to (or one of them): waiting and claimed
 * applications, oldest submission first, filtered by type, enterprise, minimum age, or only those the
 * automated checks failed.
 */
export async function listReviewQueue(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  query: {
    officeId?: string | undefined;
    typeCode?: string | undefined;
    enterpriseId?: string | undefined;
    minAgeHours?: number | undefined;
    flaggedOnly?: boolean | undefined;
    mine?: boolean | undefined;
    after?: { submittedAt: string; id: string } | undefined;
    limit: number;
  },
): Promise<{ items: QueueItem[]; next: { submittedAt: string; id: string } | null }> {
  authorize(actor, 'review.queue');
  const offices = actor.kind === 'system' ? [] : actor.officeIds;
  const officeIds = query.officeId ? offices.filter((office) => office === query.officeId) : offices;
  if (query.officeId) authorize(actor, 'review.decide', { officeId: query.officeId });
  const now = deps.clock.now();
  const rows = await deps.store.applications.queue({
    officeIds,
    statuses: [...QUEUED_STATUSES, 'under_review'],
    typeCode: query.typeCode,
    enterpriseId: query.enterpriseId,
    submittedBefore:
      query.minAgeHours === undefined
        ? undefined
        : new Date(now.getTime() - query.minAgeHours * 3_600_000).toISOString(),
    reviewerId: query.mine ? (actor.kind === 'user' ? actor.userId : '') : undefined,
    flaggedOnly: query.flaggedOnly,
    after: query.after,
    limit: query.limit + 1,
  });
  const chosen = rows.slice(0, query.limit);
  const names = new Map<string, string>();
  for (const id of new Set(chosen.map((row) => row.enterpriseId))) {
    names.set(id, (await deps.store.organisations.findById(id))?.nameEn ?? id);
  }
  const last = rows.slice(0, query.limit).at(-1);
  return {
    items: chosen.map((row) => ({
      id: row.id,
      enterpriseId: row.enterpriseId,
      enterpriseName: names.get(row.enterpriseId) ?? row.enterpriseId,
      officeId: row.officeId,
      typeCode: row.typeCode,
      status: row.status,
      version: row.version,
      destinationCountry: row.data.destinationCountry,
      invoiceNumbers: row.data.invoices.map((invoice) => invoice.number),
      itemCount: row.data.items.length,
      submittedAt: row.submittedAt ?? row.createdAt,
      ageHours: Math.floor((now.getTime() - Date.parse(row.submittedAt ?? row.createdAt)) / 3_600_000),
      reviewerId: row.reviewerId,
      checksFailed: failedChecks(row),
      warnings: row.findings?.length ?? 0,
    })),
    next:
      rows.length > query.limit && last
        ? { submittedAt: last.submittedAt ?? last.createdAt, id: last.id }
        : null,
  };
}

const failedChecks = (row: ApplicationRecord) =>
  row.checks?.filter((check) => check.outcome === 'fail').length ?? 0;
