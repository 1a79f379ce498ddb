import type { Kysely } from 'kysely';

// Verification cases on issued certificates, random sampling rates per type, stricter review of
// enterprises after a "not confirmed" conclusion, and the deadline tracking of requests for evidence
// (reminded, escalated, more time asked).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('verification_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('requesting_country', 'text', (c) => c.notNull())
    .addColumn('requesting_authority', 'text', (c) => c.notNull())
    .addColumn('foreign_reference', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('reply_due', 'text')
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('risk_rule', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('concluded_by', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verification_cases_office')
    .on('verification_cases')
    .columns(['office_id', 'status', 'opened_at'])
    .execute();
  await db.schema
    .createIndex('verification_cases_enterprise')
    .on('verification_cases')
    .columns(['enterprise_id', 'opened_at'])
    .execute();

  await db.schema
    .createTable('verification_case_certificates')
    .addColumn('case_id', 'text', (c) => c.notNull().references('verification_cases.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('certificate_number', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('verification_case_certificates_pk', ['case_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('verification_case_certificates_application')
    .on('verification_case_certificates')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('sampling_rates')
    .addColumn('type_code', 'text', (c) => c.primaryKey())
    .addColumn('rate', 'real', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stricter_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('verification_cases.id'))
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stricter_reviews_enterprise')
    .on('stricter_reviews')
    .columns(['enterprise_id', 'until'])
    .execute();

  await db.schema.alterTable('evidence_requests').addColumn('reminded_at', 'text').execute();
  await db.schema.alterTable('evidence_requests').addColumn('escalated_at', 'text').execute();
  await db.schema.alterTable('evidence_requests').addColumn('extension_request', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['extension_request', 'escalated_at', 'reminded_at'])
    await db.schema.alterTable('evidence_requests').dropColumn(column).execute();
  for (const table of [
    'stricter_reviews',
    'sampling_rates',
    'verification_case_certificates',
    'verification_cases',
  ])
    await db.schema.dropTable(table).execute();
}
