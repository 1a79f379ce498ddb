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

  it('gives Everbright a draft, an application in the Shanghai queue, an issued, an archived and a cancelled certificate', async () => {
    await seedDemoApplications(api.runtime.deps);
    const stored = await api.runtime.deps.store.applications.list({ limit: 10 });
    expect(stored.map((application) => [application.typeCode, application.status]).sort()).toEqual([
      ['C', 'cancelled'],
      ['C', 'submitted'],
      ['RC', 'approved'],
      ['RC', 'archived'],
      ['RC', 'draft'],
    ]);
    expect(stored.find((application) => application.status === 'approved')?.certificateNumber).toMatch(
      /^RC262200\d{6}$/,
    );
    // The public verification page has a valid and a cancelled certificate to show.
    const archived = stored.find((application) => application.status === 'archived')!;
    const valid = await api.app.inject({
      url: `/api/public/certificates/${archived.certificateNumber}/status`,
    });
    expect(valid.json()).toMatchObject({ verdict: 'VALID' });
    const cancelled = stored.find((application) => application.status === 'cancelled')!;
    const status = await api.app.inject({
      url: `/api/public/certificates/${cancelled.certificateNumber}/status`,
    });
    expect(status.json()).toMatchObject({ verdict: 'CANCELLED', cancellationCategory: 'goods_not_exported' });
    // The draft shows the applicant what the rules say while it is incomplete.
    const draft = stored.find((application) => application.status === 'draft')!;
    expect(draft.data.items[0]!.hsCode).toBe('6109');
  });
});
