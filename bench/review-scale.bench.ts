import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDemoData } from '../src/app/demo/seed-demo-data.js';
import { listReviewQueue } from '../src/app/review/list-review-queue.js';
import { queryCertificates } from '../src/app/review/query-certificates.js';
import { openRuntime } from '../src/compose.js';
import type { Actor } from '../src/domain/actor.js';
import { goodApplication } from '../test/support/applications.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';

export const name = 'review-scale';

const POSTGRES_URL = process.env.ORIGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.ORIGO_BENCH_SCALE_ROWS ?? 1_000_000);
const SAMPLES = 400;

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

/**
 * The review issue's scale figures: with 1,000,000 applications in PostgreSQL, the officer queue page and
 * a Certificate Query search answer in under 50 ms at the 99th percentile. Rows are generated in SQL
 * (about 3.8 years of one office's work), then the use cases are called in process as the HTTP routes
 * call them, and timed one by one: queue pages with and without filters, and Certificate Query searches
 * by nothing, invoice, number prefix, status and type, and a month.
 */
export async function run(): Promise<Figure[]> {
  const schema = `origo_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-bench-files-'));
  const runtime = await openRuntime(
    { dialect: 'postgres', url: POSTGRES_URL, schema, poolSize: 4 },
    { sessionIdleMinutes: 60, sessionMaxHours: 12, filesDir },
  );
  try {
    await seedDemoData(runtime.deps, { kind: 'system', name: 'bench' });
    const store = runtime.deps.store;
    const office = (await store.organisations.findByCode('2200'))!;
    const everbright = (await store.organisations.findByCode('91310115MA1K4B2X7G'))!;
    const officer = (await store.users.findByUsername('officer.wang'))!;
    const data = JSON.stringify(goodApplication('RC', 3));
    const started = performance.now();
    // 500 more enterprises under the Shanghai office; Everbright files 5 % of everything (a heavy filer,
    // about 50,000 applications), the rest is spread over the others. The most recent 2,000 applications
    // wait in the queue or are being reviewed; everything older is archived.
    await sql`
      insert into organisations (id, kind, parent_id, code, name_en, name_zh, created_at)
      select 'scale-enterprise-' || e, 'enterprise', ${office.id}, 'SCALE' || lpad(e::text, 13, '0'),
        'SCALE ENTERPRISE ' || e, '规模测试企业' || e, '2025-01-01T00:00:00.000Z'
      from generate_series(1, 500) as e`.execute(runtime.handle.db);
    await sql`
      insert into applications (id, enterprise_id, office_id, type_code, status, data, version, channel,
        created_by, profile_version, findings, first_invoice, destination_country, created_at, updated_at,
        submitted_at, first_submitted_at, certificate_number, approved_at, automatic, kind, checks)
      select 'scale-' || g,
        case when g % 20 = 0 then ${everbright.id} else 'scale-enterprise-' || (g % 500 + 1) end,
        ${office.id},
        case when g % 3 = 0 then 'RC' else 'C' end,
        case when g > ${ROWS - 2000} then (case when g % 2 = 0 then 'submitted' else 'under_review' end)
          else 'archived' end,
        ${data}, 4, 'api', 'bench', 1, '[]', 'INV-' || g, 'KR', t, t, t, t,
        case when g <= ${ROWS - 2000} then 'S26' || lpad(g::text, 9, '0') end,
        case when g <= ${ROWS - 2000} then t end,
        0, 'original', '[]'
      from (
        select g, to_char(timestamp '2025-01-01' + g * interval '2 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as t
        from generate_series(1, ${ROWS}) as g
      ) as rows`.execute(runtime.handle.db);
    await sql`analyze applications`.execute(runtime.handle.db);
    console.error(
      `  ${ROWS.toLocaleString('en')} applications generated in ${Math.round((performance.now() - started) / 1000)} s`,
    );

    const officerActor: Actor = {
      kind: 'user',
      userId: officer.id,
      orgId: office.id,
      orgKind: 'office',
      roles: ['customs_officer'],
      officeIds: [office.id],
    };
    const clerk: Actor = {
      kind: 'user',
      userId: 'bench-clerk',
      orgId: everbright.id,
      orgKind: 'enterprise',
      roles: ['enterprise_applicant'],
      officeIds: [],
    };
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const queue: number[] = [];
    const query: number[] = [];
    const searches = [
      () => queryCertificates(runtime.deps, clerk, { limit: 50 }),
      () =>
        queryCertificates(runtime.deps, clerk, {
          invoiceNumber: `INV-${20 * Math.floor(Math.random() * (ROWS / 20))}`,
          limit: 50,
        }),
      () =>
        queryCertificates(runtime.deps, clerk, {
          certificateNumber: `S26${String(Math.floor(Math.random() * ROWS))
            .padStart(9, '0')
            .slice(0, 6)}`,
          limit: 50,
        }),
      () => queryCertificates(runtime.deps, clerk, { statuses: ['archived'], typeCode: 'RC', limit: 50 }),
      () => queryCertificates(runtime.deps, clerk, { from: '2026-03-01', until: '2026-03-31', limit: 50 }),
    ];
    for (let index = 0; index < 20; index++) {
      await listReviewQueue(runtime.deps, officerActor, { limit: 50 });
      await searches[index % searches.length]!();
    }
    for (let index = 0; index < SAMPLES; index++) {
      queue.push(
        await timed(() =>
          listReviewQueue(runtime.deps, officerActor, {
            limit: 50,
            ...(index % 4 === 1 ? { typeCode: 'RC' } : {}),
            ...(index % 4 === 2 ? { minAgeHours: 24 } : {}),
            ...(index % 4 === 3 ? { enterpriseId: everbright.id } : {}),
          }),
        ),
      );
      query.push(await timed(searches[index % searches.length]!));
    }
    console.error(
      `  queue p99 ${p99(queue).toFixed(1)} ms, Certificate Query p99 ${p99(query).toFixed(1)} ms`,
    );
    return [
      {
        name: `review queue page (50 rows) on ${ROWS.toLocaleString('en')} applications, PostgreSQL, p99`,
        value: round(p99(queue), 1),
        unit: 'ms',
        target: '< 50 ms',
        check: { op: '<=', value: 50 },
      },
      {
        name: `Certificate Query search on ${ROWS.toLocaleString('en')} applications, PostgreSQL, p99`,
        value: round(p99(query), 1),
        unit: 'ms',
        target: '< 50 ms',
        check: { op: '<=', value: 50 },
      },
    ];
  } finally {
    await runtime.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}
