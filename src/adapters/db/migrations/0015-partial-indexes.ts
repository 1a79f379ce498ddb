import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Indexes on columns that most rows leave empty hold only the rows that have a value. Most applications
// and receipts have no agency (the enterprise applies itself) and an application has no certificate number
// until it is approved; a full index kept an entry for each of those rows and moved it on every change of
// its second column: an approval rewrote two pages of each of `applications_agency` and
// `applications_certificate_number` (the null entry out, the number in), about four of the 29 pages an
// approval writes to the log. Every query on these columns compares them with a value, which implies
// "is not null", so SQLite and PostgreSQL use the partial index where they used the full one; certificate
// numbers stay unique.

interface PartialIndex {
  name: string;
  table: string;
  columns: string[];
  unique?: boolean;
}

const INDEXES: PartialIndex[] = [
  { name: 'applications_agency', table: 'applications', columns: ['agency_id', 'updated_at'] },
  { name: 'applications_agency_created', table: 'applications', columns: ['agency_id', 'created_at'] },
  { name: 'receipts_agency', table: 'receipts', columns: ['agency_id', 'created_at'] },
  {
    name: 'applications_certificate_number',
    table: 'applications',
    columns: ['certificate_number'],
    unique: true,
  },
];

async function create(db: Kysely<unknown>, index: PartialIndex, partial: boolean): Promise<void> {
  let builder = db.schema.createIndex(index.name).on(index.table).columns(index.columns);
  if (index.unique) builder = builder.unique();
  if (partial) builder = builder.where(sql.ref(index.columns[0]!), 'is not', null);
  await builder.execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) {
    await db.schema.dropIndex(index.name).execute();
    await create(db, index, true);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) {
    await db.schema.dropIndex(index.name).execute();
    await create(db, index, false);
  }
}
