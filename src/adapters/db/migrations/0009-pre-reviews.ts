import type { Kysely } from 'kysely';

// Product pre-reviews (advance origin verification): the product, its bill of materials, the engine's
// answer and customs' decision with its validity. Requests for more material use evidence_requests with
// subject_type 'pre_review'.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pre_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('office_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hs_code', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('agreements', 'text', (c) => c.notNull())
    .addColumn('bill', 'text', (c) => c.notNull())
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pre_reviews_office_queue')
    .on('pre_reviews')
    .columns(['office_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('pre_reviews_enterprise')
    .on('pre_reviews')
    .columns(['enterprise_id', 'submitted_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pre_reviews').execute();
}
