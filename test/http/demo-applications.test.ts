import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoApplications } from '../../src/app/demo/seed-demo-applications.js';
import type { TestApi } from '../support/http.js';
import { openTestApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('demo applications for npm start', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(dialect);
  });
  afterEach(async () => {
    await api.close();
  });

  it('gives Everbright a draft, an application in the Shanghai queue and an issued RCEP certificate', async () => {
    await seedDemoApplications(api.runtime.deps);
    const stored = await api.runtime.deps.store.applications.list({ limit: 10 });
    expect(stored.map((application) => [application.typeCode, application.status]).sort()).toEqual([
      ['C', 'submitted'],
      ['RC', 'approved'],
      ['RC', 'draft'],
    ]);
    expect(stored.find((application) => application.status === 'approved')?.certificateNumber).toMatch(
      /^RC262200\d{6}$/,
    );
    // The draft shows the applicant what the rules say while it is incomplete.
    const draft = stored.find((application) => application.status === 'draft')!;
    expect(draft.data.items[0]!.hsCode).toBe('6109');
  });
});
