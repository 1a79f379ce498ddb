import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const POSTGRES_TEST_URL =
  process.env.ORIGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAvailable: boolean;
    testRunId: string;
  }
}

/** Advisory lock key that keeps schema drops away from migrations (test/support/runtime.ts). */
export const SCHEMA_GUARD_LOCK = 7_240_411;

/** Each run's PostgreSQL schemas share a prefix, so the teardown drops its own and no other run's. */
export const testSchemaPrefix = (runId: string) => `origo_test_${runId}_`;

/** Drops what this run's test files could not drop themselves, once none of them is running. */
async function dropRunSchemas(runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_GUARD_LOCK]);
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where starts_with(nspname, $1)',
      [testSchemaPrefix(runId)],
    );
    for (const { name } of rows) await client.query(`drop schema ${name} cascade`);
  } finally {
    await client.end();
  }
}

const banner = (lines: string[]) => {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '!'.repeat(width);
  return ['', bar, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), bar, ''].join('\n');
};

/**
 * Probes PostgreSQL once for the whole run. Without it the PostgreSQL half of every persistence test is
 * skipped with a loud warning, or, with ORIGO_REQUIRE_PG=1 (CI), the run fails.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 3000 });
  let available = false;
  let reason = '';
  try {
    await client.connect();
    await client.query('select 1');
    available = true;
  } catch (error) {
    reason = (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!available && process.env.ORIGO_REQUIRE_PG === '1') {
    throw new Error(`ORIGO_REQUIRE_PG=1 but PostgreSQL at ${POSTGRES_TEST_URL} is not reachable: ${reason}`);
  }
  const warning = banner([
    `PostgreSQL at ${POSTGRES_TEST_URL} is not reachable (${reason}).`,
    'The PostgreSQL half of the persistence and HTTP tests is SKIPPED.',
    'Start PostgreSQL, or set ORIGO_REQUIRE_PG=1 to make this an error.',
  ]);
  if (!available) console.warn(warning);
  const runId = Date.now().toString(36);
  project.provide('postgresAvailable', available);
  project.provide('testRunId', runId);
  return async () => {
    if (available) await dropRunSchemas(runId);
    else console.warn(warning);
  };
}
