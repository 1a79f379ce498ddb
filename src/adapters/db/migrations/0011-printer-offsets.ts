import type { Kysely } from 'kysely';

// Printing (issue 6): each office's printer offset for template print, and the print log of certificates
// (the first print and every reprint). Offsets are stored in tenths of a millimetre as whole numbers, so
// SQLite and PostgreSQL read back exactly what was set.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('printer_offsets')
    .addColumn('office_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('dx_tenths_mm', 'integer', (c) => c.notNull())
    .addColumn('dy_tenths_mm', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('certificate_prints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('reprint', 'integer', (c) => c.notNull())
    .addColumn('printed_by', 'text', (c) => c.notNull())
    .addColumn('printed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certificate_prints_application')
    .on('certificate_prints')
    .columns(['application_id', 'printed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('certificate_prints').execute();
  await db.schema.dropTable('printer_offsets').execute();
}
