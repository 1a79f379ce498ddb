import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { approveApplication } from '../src/app/review/approve-application.js';
import { openRuntime } from '../src/compose.js';
import { benchApplicationId, seedApplicationsInReview } from './support/applications-in-review.js';
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
    const { actor } = await seedApplicationsInReview(runtime.deps, APPROVALS);
    const startedAt = performance.now();
    for (let index = 0; index < APPROVALS; index++)
      await approveApplication(runtime.deps, actor, { id: benchApplicationId(index), expectedVersion: 3 });
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
