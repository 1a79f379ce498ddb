import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { createArgon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.js';
import type { DatabaseTarget } from '../../src/adapters/db/connection.js';
import { seedDemoData } from '../../src/app/demo/seed-demo-data.js';
import type { Runtime } from '../../src/compose.js';
import { openRuntime } from '../../src/compose.js';
import { ManualClock } from '../../src/domain/clock.js';
import { createPdfCertificateRenderer } from '../../src/pdf/certificate-renderer.js';
import { POSTGRES_TEST_URL, SCHEMA_GUARD_LOCK, testSchemaPrefix } from './global-setup.js';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** Real argon2id, at a cost that keeps the suite quick. */
export const testPasswordHasher = createArgon2PasswordHasher({
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
});

export interface TestRuntime extends Runtime {
  clock: ManualClock;
  dialect: Dialect;
  /** Where this runtime's uploaded files live. */
  filesDir: string;
  /**
   * A second runtime on the same database, as another server would have. On PostgreSQL it has its own
   * pool; on SQLite it shares the one connection, because a process holds exactly one (a second
   * connection in the same thread would wait on its own lock).
   */
  openPeer(): Promise<Runtime>;
}

/** A fresh, migrated database of the given dialect: a temporary SQLite file, or a new PostgreSQL schema. */
export async function openTestRuntime(
  dialect: Dialect,
  options: { demo?: boolean; registryUrl?: string | undefined } = {},
): Promise<TestRuntime> {
  const clock = new ManualClock('2026-03-02T01:00:00.000Z');
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-test-'));
    target = { dialect: 'sqlite', file: path.join(dir, 'origo.sqlite') };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `${testSchemaPrefix(inject('testRunId'))}${randomBytes(6).toString('hex')}`;
    // Kysely's migrator reads the catalogue of every schema, and PostgreSQL fails such a read when a
    // schema vanishes under it ("schema ... does not exist"). So a test runtime holds a shared advisory
    // lock for its whole life, and a schema is dropped only under the same lock taken exclusively. Closing
    // only tries for it (a test may hold a second runtime open); what it cannot drop, the global teardown
    // drops when every test file has finished.
    const guard = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await guard.connect();
    await guard.query('select pg_advisory_lock_shared($1)', [SCHEMA_GUARD_LOCK]);
    await guard.query(`create schema ${schema}`);
    target = { dialect: 'postgres', url: POSTGRES_TEST_URL, schema, poolSize: 5 };
    cleanup = async () => {
      await guard.query('select pg_advisory_unlock_shared($1)', [SCHEMA_GUARD_LOCK]);
      const { rows } = await guard.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
        SCHEMA_GUARD_LOCK,
      ]);
      if (rows[0]?.locked) await guard.query(`drop schema ${schema} cascade`);
      await guard.end(); // ends the session, and with it the lock
    };
  }
  // The session cache is on, as in production, so the HTTP tests cover its invalidation.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-files-'));
  const settings = {
    sessionIdleMinutes: 60,
    sessionMaxHours: 12,
    sessionCacheMs: 2000,
    // Tests that need the registry start one (test/support/registry.ts); elsewhere nothing listens here.
    registry: { url: options.registryUrl ?? 'http://127.0.0.1:9', port: 0, timeoutMs: 2000, retries: 1 },
    filesDir,
    // Webhook tests deliver to a server on this machine.
    webhooks: { timeoutMs: 2000, allowPrivate: true },
    // One key-encryption secret for the runtime and its peers, as servers sharing a database have.
    signingSecret: randomBytes(32).toString('base64url'),
    publicUrl: 'http://localhost:8080',
  };
  let runtime: Runtime;
  try {
    runtime = await openRuntime(target, settings, {
      clock,
      passwords: testPasswordHasher,
      renderer: createPdfCertificateRenderer(),
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  if (options.demo) await seedDemoData(runtime.deps, { kind: 'system', name: 'test' });
  const peers: Runtime[] = [];
  return {
    ...runtime,
    clock,
    dialect,
    filesDir,
    openPeer: async () => {
      if (dialect === 'sqlite') return { ...runtime, close: async () => undefined };
      const peer = await openRuntime(target, settings, {
        clock,
        passwords: testPasswordHasher,
        renderer: createPdfCertificateRenderer(),
        migrate: false,
      });
      peers.push(peer);
      return peer;
    },
    close: async () => {
      for (const peer of peers) await peer.close();
      await runtime.close();
      await cleanup();
    },
  };
}

/**
 * Runs a suite once per database. The PostgreSQL run is skipped (loudly, by the global setup) only when
 * PostgreSQL is unreachable and ORIGO_REQUIRE_PG is not set.
 */
export function describeEachDatabase(name: string, suite: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    const skip = dialect === 'postgres' && !inject('postgresAvailable');
    (skip ? describe.skip : describe)(`${name} [${dialect}]`, () => suite(dialect));
  }
}
