import type { Kysely } from 'kysely';

// Product-specific rule tables imported by the customs administration: each import is a numbered version,
// pending until someone activates it after reading its diff.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rule_tables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('activated_by', 'text')
    .addColumn('activated_at', 'text')
    .execute();
  await db.schema
    .createIndex('rule_tables_agreement_version')
    .on('rule_tables')
    .columns(['agreement', 'version'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rule_tables').execute();
}
