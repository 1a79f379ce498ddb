import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoData } from '../src/app/demo/seed-demo-data.js';
import type { ApplicationRecord } from '../src/app/ports.js';
import { approveApplication } from '../src/app/review/approve-application.js';
import { openRuntime } from '../src/compose.js';
import type { Actor } from '../src/domain/actor.js';
import { goodApplication } from '../test/support/applications.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';

export const name = 'review';

const APPROVALS = 5000;

/**
 * The review issue's approval figure: one approval (state transition, certificate number from the
 * office's counter, decision row, audit event, in one transaction) at least 1,000 per second on SQLite.
 * Applications are put in review directly (they are not what is measured), then approved one after
 * another by their officer, in process.
 */
export async function run(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-bench-review-'));
  const runtime = await openRuntime(
    { dialect: 'sqlite', file: path.join(dir, 'origo.sqlite') },
    { sessionIdleMinutes: 60, sessionMaxHours: 12, filesDir: path.join(dir, 'files') },
  );
  try {
    await seedDemoData(runtime.deps, { kind: 'system', name: 'bench' });
    const store = runtime.deps.store;
    const office = (await store.organisations.findByCode('2200'))!;
    const enterprise = (await store.organisations.findByCode('91310115MA1K4B2X7G'))!;
    const officer = (await store.users.findByUsername('officer.wang'))!;
    const now = new Date().toISOString();
    const base: ApplicationRecord = {
      id: '',
      enterpriseId: enterprise.id,
      officeId: office.id,
      typeCode: 'RC',
      status: 'under_review',
      data: goodApplication('RC', 10),
      version: 3,
      channel: 'api',
      agencyId: null,
      createdBy: 'bench',
      idempotencyKey: null,
      requestHash: null,
      copiedFrom: null,
      profileVersion: 1,
      findings: [],
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
      reviewerId: officer.id,
      certificateNumber: null,
      approvedAt: null,
      automatic: null,
      kind: 'original',
      replacesId: null,
      replacedById: null,
      voidReason: null,
      checks: [],
      firstSubmittedAt: now,
    };
    await store.transaction(async (tx) => {
      for (let index = 0; index < APPROVALS; index++)
        await tx.applications.insert({ ...base, id: `bench-${String(index).padStart(6, '0')}` });
    });
    const actor: Actor = {
      kind: 'user',
      userId: officer.id,
      orgId: office.id,
      orgKind: 'office',
      roles: ['customs_officer'],
      officeIds: [office.id],
    };
    const startedAt = performance.now();
    for (let index = 0; index < APPROVALS; index++)
      await approveApplication(runtime.deps, actor, {
        id: `bench-${String(index).padStart(6, '0')}`,
        expectedVersion: 3,
      });
    const rate = APPROVALS / ((performance.now() - startedAt) / 1000);
    console.error(`  ${APPROVALS} approvals on SQLite: ${Math.round(rate)}/s`);
    return [
      {
        name: 'approve an application (transition, number, decision, audit), SQLite',
        value: round(rate),
        unit: 'approvals/s',
        target: '>= 1000/s',
        check: { op: '>=', value: 1000 },
      },
    ];
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
