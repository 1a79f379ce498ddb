import type { Kysely, Transaction } from 'kysely';
import type { PreReviewDecision, PreReviewStatus } from '../../domain/pre-review.js';
import type { BillOfMaterials } from '../../origin/bill-of-materials.js';
import type { OriginComparison } from '../../origin/determine-origin.js';
import type { PreReviewRecord, PreReviewRepository } from '../../app/ports.js';
import type { Database, PreReviewsTable } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

function toPreReview(row: PreReviewsTable): PreReviewRecord {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    officeId: row.office_id,
    status: row.status as PreReviewStatus,
    hsCode: row.hs_code,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    model: row.model,
    agreements: JSON.parse(row.agreements) as string[],
    bill: JSON.parse(row.bill) as BillOfMaterials,
    evaluation: JSON.parse(row.evaluation) as OriginComparison,
    evaluatedOn: row.evaluated_on,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decision: row.decision === null ? null : (JSON.parse(row.decision) as PreReviewDecision),
    version: Number(row.version),
  };
}

function toRow(preReview: PreReviewRecord): PreReviewsTable {
  return {
    id: preReview.id,
    enterprise_id: preReview.enterpriseId,
    office_id: preReview.officeId,
    status: preReview.status,
    hs_code: preReview.hsCode,
    name_en: preReview.nameEn,
    name_zh: preReview.nameZh,
    model: preReview.model,
    agreements: JSON.stringify(preReview.agreements),
    bill: JSON.stringify(preReview.bill),
    evaluation: JSON.stringify(preReview.evaluation),
    evaluated_on: preReview.evaluatedOn,
    submitted_by: preReview.submittedBy,
    submitted_at: preReview.submittedAt,
    decision: preReview.decision === null ? null : JSON.stringify(preReview.decision),
    valid_until: preReview.decision?.validUntil ?? null,
    version: preReview.version,
  };
}

/** Pre-reviews in the pre_reviews table; the bill, the engine's answer and the decision as JSON text. */
export function preReviews(db: Executor): PreReviewRepository {
  return {
    async insert(preReview) {
      await db.insertInto('pre_reviews').values(toRow(preReview)).execute();
    },
    async findById(id) {
      const row = await db.selectFrom('pre_reviews').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPreReview(row);
    },
    async findByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('pre_reviews')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute();
      return rows.map(toPreReview);
    },
    async list(filter) {
      let query = db.selectFrom('pre_reviews').selectAll();
      if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
      if (filter.officeIds) {
        if (filter.officeIds.length === 0) return [];
        query = query.where('office_id', 'in', filter.officeIds);
      }
      if (filter.status) query = query.where('status', '=', filter.status);
      const usable = filter.usableFor;
      if (usable) query = query.where('status', '=', 'decided').where('valid_until', '>=', usable.day);
      const direction = filter.oldestFirst ? 'asc' : 'desc';
      const rows = await query
        .orderBy('submitted_at', direction)
        .orderBy('id', direction)
        .limit(filter.limit)
        .execute();
      const records = rows.map(toPreReview);
      return usable
        ? records.filter(
            (record) =>
              record.decision !== null &&
              record.decision.validFrom <= usable.day &&
              record.decision.results.some(
                (result) => result.agreement === usable.agreement && result.conforms,
              ),
          )
        : records;
    },
    async update(preReview, expectedVersion) {
      const { id, ...changes } = toRow(preReview);
      const result = await db
        .updateTable('pre_reviews')
        .set(changes)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
