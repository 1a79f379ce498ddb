import type { Kysely } from 'kysely';

// The issuing office's electronic seal and each officer's signature, drawn on self-printed certificates.
// Both are versions, never updated: an office seal is in force from its valid_from until a newer version's,
// an officer's signature from its upload until the next, so a reprint shows what was in force at approval.
// The images are files of the content-addressed store (stored_files, migration 0003).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('office_seals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('width_px', 'integer', (c) => c.notNull())
    .addColumn('height_px', 'integer', (c) => c.notNull())
    .addColumn('dpi', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('office_seals_office')
    .on('office_seals')
    .columns(['office_id', 'valid_from'])
    .execute();

  await db.schema
    .createTable('officer_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('width_px', 'integer', (c) => c.notNull())
    .addColumn('height_px', 'integer', (c) => c.notNull())
    .addColumn('dpi', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('officer_signatures_user')
    .on('officer_signatures')
    .columns(['user_id', 'uploaded_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('officer_signatures').execute();
  await db.schema.dropTable('office_seals').execute();
}
