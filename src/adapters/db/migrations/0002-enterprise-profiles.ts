import type { Kysely } from 'kysely';

// Enterprise basic information: the current state with its synchronisation status, every version with
// what changed, and agent authorisations. Same conventions as 0001 (ADR 0001).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enterprise_profiles')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sync_status', 'text', (c) => c.notNull())
    .addColumn('synced_version', 'integer')
    .addColumn('sync_error', 'text')
    .addColumn('sync_receipt', 'text')
    .addColumn('sync_updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('enterprise_profile_versions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('changed_by_user_id', 'text')
    .addColumn('changed_by_label', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_profile_versions_pk', ['org_id', 'version'])
    .execute();

  await db.schema
    .createTable('agent_authorisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('certificate_types', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_user_id', 'text')
    .execute();
  await db.schema
    .createIndex('agent_authorisations_enterprise')
    .on('agent_authorisations')
    .column('enterprise_id')
    .execute();
  await db.schema
    .createIndex('agent_authorisations_agency')
    .on('agent_authorisations')
    .column('agency_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agent_authorisations', 'enterprise_profile_versions', 'enterprise_profiles']) {
    await db.schema.dropTable(table).execute();
  }
}
