import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Customs review: who holds an application, the certificate number and its serial counters, decisions.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('reviewer_id', 'text').execute();
  await db.schema.alterTable('applications').addColumn('certificate_number', 'text').execute();
  await db.schema.alterTable('applications').addColumn('approved_at', 'text').execute();
  await db.schema.alterTable('applications').addColumn('automatic', 'integer').execute();
  // An amendment or reissue names the certificate it replaces; the replaced one names its successor.
  await db.schema
    .alterTable('applications')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('original'))
    .execute();
  await db.schema.alterTable('applications').addColumn('replaces_id', 'text').execute();
  await db.schema.alterTable('applications').addColumn('replaced_by_id', 'text').execute();
  await db.schema.alterTable('applications').addColumn('void_reason', 'text').execute();
  // The automated checks run at submission, with their evidence, for the officer (JSON).
  await db.schema.alterTable('applications').addColumn('checks', 'text').execute();
  // The first submission, for the time to customs' first decision (statistics); submitted_at moves on resubmission.
  await db.schema.alterTable('applications').addColumn('first_submitted_at', 'text').execute();

  // Per office and certificate type: whether applications that pass every check are approved automatically.
  await db.schema
    .createTable('office_review_settings')
    .addColumn('office_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('auto_approve', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('office_review_settings_pk', ['office_id', 'type_code'])
    .execute();
  await db.schema
    .createIndex('applications_enterprise_invoice')
    .on('applications')
    .columns(['enterprise_id', 'first_invoice'])
    .execute();
  // The review queue: only waiting and claimed applications, in submission order, per office.
  await db.schema
    .createIndex('applications_queue')
    .on('applications')
    .columns(['office_id', 'submitted_at', 'id'])
    .where(sql.ref('status'), 'in', ['submitted', 'resubmitted', 'under_review'])
    .execute();
  await db.schema
    .createIndex('applications_certificate_number')
    .on('applications')
    .column('certificate_number')
    .unique()
    .execute();

  // One counter per office, type and year, incremented in the approval's transaction: no gaps, no repeats.
  await db.schema
    .createTable('certificate_serials')
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('certificate_serials_pk', ['office_id', 'type_code', 'year'])
    .execute();

  await db.schema
    .createTable('review_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('boxes', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('automatic', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_decisions_application')
    .on('review_decisions')
    .columns(['application_id', 'decided_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('office_review_settings').execute();
  await db.schema.dropTable('review_decisions').execute();
  await db.schema.dropTable('certificate_serials').execute();
  await db.schema.dropIndex('applications_certificate_number').execute();
  await db.schema.dropIndex('applications_queue').execute();
  await db.schema.dropIndex('applications_enterprise_invoice').execute();
  for (const column of [
    'first_submitted_at',
    'checks',
    'void_reason',
    'replaced_by_id',
    'replaces_id',
    'kind',
    'automatic',
    'approved_at',
    'certificate_number',
    'reviewer_id',
  ])
    await db.schema.alterTable('applications').dropColumn(column).execute();
}
