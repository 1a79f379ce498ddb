import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApplication } from '../src/app/applications/create-application.js';
import { seedDemoData } from '../src/app/demo/seed-demo-data.js';
import type { DatabaseTarget } from '../src/adapters/db/connection.js';
import { openRuntime } from '../src/compose.js';
import type { Actor } from '../src/domain/actor.js';
import type { ApplicationData } from '../src/domain/application.js';
import { goodApplication } from '../test/support/applications.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';
import type { LoadTarget } from './support/load.js';
import { CONNECTIONS, applyLoad } from './support/load.js';
import { startServer } from './support/server.js';

export const name = 'applications';

const POSTGRES_URL = process.env.ORIGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const IN_PROCESS_SECONDS = Number(process.env.ORIGO_BENCH_IN_PROCESS_SECONDS ?? 5);
const HTTP_SECONDS = 10;

/** A complete 10-item RCEP application dated around today, as the field rules see it now. */
function tenItemApplication(): ApplicationData {
  const day = (offset: number) =>
    new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const data = goodApplication('RC', 10);
  data.transport.departureDate = day(3);
  data.invoices[0]!.date = day(-2);
  data.declaration.date = day(0);
  return data;
}

/**
 * Validates and stores applications in process for `seconds` (createApplication: shape check, field
 * rules, insert and audit event in one transaction, the view with findings), with `workers` running at
 * once. Returns applications per second.
 */
async function createInProcess(target: DatabaseTarget, workers: number, seconds: number): Promise<number> {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-bench-files-'));
  const runtime = await openRuntime(target, { sessionIdleMinutes: 60, sessionMaxHours: 12, filesDir });
  try {
    await seedDemoData(runtime.deps, { kind: 'system', name: 'bench' });
    const enterprise = (await runtime.deps.store.organisations.findByCode('91310115MA1K4B2X7G'))!;
    const clerk: Actor = {
      kind: 'apiKey',
      apiKeyId: 'bench',
      orgId: enterprise.id,
      orgKind: 'enterprise',
      roles: ['enterprise_applicant'],
      officeIds: [],
    };
    const data = tenItemApplication();
    const once = () =>
      createApplication(runtime.deps, clerk, {
        enterpriseId: enterprise.id,
        typeCode: 'RC',
        data,
        channel: 'api',
      });
    for (let warm = 0; warm < 200; warm++) await once();
    let done = 0;
    const until = performance.now() + seconds * 1000;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (performance.now() < until) {
          const { application } = await once();
          if (application.findings.length)
            throw new Error(`unexpected findings: ${JSON.stringify(application.findings)}`);
          done += 1;
        }
      }),
    );
    return done / ((performance.now() - startedAt) / 1000);
  } finally {
    await runtime.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

async function onSqlite(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-bench-db-'));
  try {
    return await createInProcess(
      { dialect: 'sqlite', file: path.join(dir, 'origo.sqlite') },
      1,
      IN_PROCESS_SECONDS,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<number> {
  const schema = `origo_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
    return await createInProcess(
      { dialect: 'postgres', url: POSTGRES_URL, schema, poolSize: 10 },
      8,
      IN_PROCESS_SECONDS,
    );
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

/** POST /api/applications with an API key, 50 connections, against the real server on SQLite. */
async function overHttp(): Promise<{ rate: number; p99: number }> {
  const server = await startServer();
  try {
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ent.admin', password: 'origo-demo-2026' }),
    });
    const session = login.headers.getSetCookie().find((cookie) => cookie.startsWith('origo_session='))!;
    const { user, csrfToken } = (await login.json()) as {
      user: { organisation: { id: string } };
      csrfToken: string;
    };
    const key = await fetch(`${server.url}/api/organisations/${user.organisation.id}/api-keys`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.split(';')[0]!,
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify({ name: 'benchmark ERP' }),
    });
    const { secret } = (await key.json()) as { secret: string };
    const target: LoadTarget = {
      label: 'POST /api/applications',
      url: `${server.url}/api/applications`,
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        enterpriseId: user.organisation.id,
        typeCode: 'RC',
        data: tenItemApplication(),
      }),
    };
    const probe = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body! });
    if (probe.status !== 201)
      throw new Error(`${target.label} answered ${probe.status}: ${await probe.text()}`);
    console.error(`  ${CONNECTIONS} connections, 2 s warm-up, ${HTTP_SECONDS} s measured`);
    await applyLoad(target, 2, server);
    const run = await applyLoad(target, HTTP_SECONDS, server);
    return { rate: run.requestsPerSecond, p99: run.p99Ms };
  } finally {
    await server.stop();
  }
}

/**
 * The application issue's figures: validating and storing a 10-item application in process, at least
 * 2,000 per second on SQLite and 1,000 on PostgreSQL; over HTTP at least 1,000 per second on SQLite.
 */
export async function run(): Promise<Figure[]> {
  const sqlite = await onSqlite();
  console.error(`  in process, SQLite: ${Math.round(sqlite)} applications/s`);
  const postgres = await onPostgres();
  console.error(`  in process, PostgreSQL (8 at once): ${Math.round(postgres)} applications/s`);
  const http = await overHttp();
  return [
    {
      name: 'create a 10-item application in process, SQLite',
      value: round(sqlite),
      unit: 'applications/s',
      target: '>= 2000/s',
      check: { op: '>=', value: 2000 },
    },
    {
      name: 'create a 10-item application in process, PostgreSQL',
      value: round(postgres),
      unit: 'applications/s',
      target: '>= 1000/s',
      check: { op: '>=', value: 1000 },
    },
    {
      name: 'POST /api/applications (10 items), SQLite',
      value: round(http.rate),
      unit: 'req/s',
      target: '>= 1000/s',
      check: { op: '>=', value: 1000 },
    },
    { name: 'POST /api/applications p99 latency', value: http.p99, unit: 'ms', target: null },
  ];
}
