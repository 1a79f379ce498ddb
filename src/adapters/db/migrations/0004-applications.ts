import type { Kysely } from 'kysely';

// Certificate applications (the boxes as JSON, checked by the field rules) and their supporting documents.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('office_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    .addColumn('copied_from', 'text')
    .addColumn('profile_version', 'integer')
    .addColumn('findings', 'text')
    .addColumn('first_invoice', 'text')
    .addColumn('destination_country', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute();
  // NULL keys are distinct in a unique index on both databases: only keyed requests are deduplicated.
  await db.schema
    .createIndex('applications_idempotency')
    .on('applications')
    .columns(['enterprise_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('applications_enterprise')
    .on('applications')
    .columns(['enterprise_id', 'updated_at'])
    .execute();
  // Certificate Query: an enterprise's (or agency's) applications by the day they were made, newest first.
  await db.schema
    .createIndex('applications_enterprise_created')
    .on('applications')
    .columns(['enterprise_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('applications_agency_created')
    .on('applications')
    .columns(['agency_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('applications_agency')
    .on('applications')
    .columns(['agency_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('applications_office_status')
    .on('applications')
    .columns(['office_id', 'status', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('supporting_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supporting_documents_application')
    .on('supporting_documents')
    .column('application_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['supporting_documents', 'applications']) await db.schema.dropTable(table).execute();
}
