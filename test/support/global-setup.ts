import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const POSTGRES_TEST_URL =
  process.env.ORIGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAvailable: boolean;
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
export default async function setup(project: TestProject): Promise<() => void> {
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
  project.provide('postgresAvailable', available);
  return () => {
    if (!available) console.warn(warning);
  };
}
