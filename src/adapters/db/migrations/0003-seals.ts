import type { Kysely } from 'kysely';

// Seals and signatures for self-print, their authorisations, and the content-addressed files behind them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('seals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('shape', 'text')
    .addColumn('signatory_name', 'text')
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('width_px', 'integer', (c) => c.notNull())
    .addColumn('height_px', 'integer', (c) => c.notNull())
    .addColumn('dpi', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seals_org').on('seals').column('org_id').execute();

  await db.schema
    .createTable('seal_authorisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('seal_id', 'text', (c) => c.notNull().references('seals.id'))
    .addColumn('signature_id', 'text', (c) => c.notNull().references('seals.id'))
    .addColumn('authorised_by_user_id', 'text')
    .addColumn('authorised_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('seal_authorisations_org')
    .on('seal_authorisations')
    .columns(['org_id', 'authorised_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['seal_authorisations', 'seals', 'stored_files'])
    await db.schema.dropTable(table).execute();
}
