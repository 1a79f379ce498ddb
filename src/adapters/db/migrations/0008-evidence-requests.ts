import type { Kysely } from 'kysely';

// Requests to the enterprise for more material (review now; pre-review and verification cases later use
// the same mechanism), their answers and the documents uploaded with them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('agency_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('office_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('evidence_wanted', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('evidence_requests_subject')
    .on('evidence_requests')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('evidence_requests_enterprise')
    .on('evidence_requests')
    .columns(['enterprise_id', 'status'])
    .execute();
  await db.schema
    .createIndex('evidence_requests_office')
    .on('evidence_requests')
    .columns(['office_id', 'status'])
    .execute();

  await db.schema
    .createTable('evidence_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('evidence_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_documents_request')
    .on('evidence_documents')
    .column('request_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['evidence_documents', 'evidence_requests']) await db.schema.dropTable(table).execute();
}
