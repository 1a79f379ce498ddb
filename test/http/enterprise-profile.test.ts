import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/jobs/handlers.js';
import { JobRunner } from '../../src/app/jobs/job-runner.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { RegistryProcess } from '../support/registry.js';
import { describeEachDatabase } from '../support/runtime.js';

const MINGDA_USCC = '91310112MA1N5P3Q8Y';

describeEachDatabase('enterprise basic information', (dialect) => {
  let registry: RegistryProcess;
  let api: TestApi;
  let jobs: JobRunner;
  beforeAll(async () => {
    registry = await RegistryProcess.start();
  });
  afterAll(async () => {
    await registry.close();
  });
  beforeEach(async () => {
    api = await openTestApi(dialect, { registryUrl: registry.url });
    jobs = new JobRunner(api.runtime.deps, jobHandlers(api.runtime.deps), { workerId: 'test' });
  });
  afterEach(async () => {
    await api.close();
  });

  const call = (
    session: LoggedIn,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: Record<string, unknown>,
  ) =>
    api.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });

  /** First-time maintenance as the portal does it: look up the registry, complete the rest. */
  async function prefilledForm(session: LoggedIn) {
    const lookup = await call(session, 'GET', `/api/enterprise-registry/${MINGDA_USCC}`);
    expect(lookup.statusCode).toBe(200);
    const { registered, affiliatedOfficeId } = lookup.json();
    return {
      uscc: registered.uscc,
      customsCode: registered.customsCode,
      nameZh: registered.nameZh,
      nameEn: registered.nameEn,
      addressZh: registered.addressZh,
      addressEn: registered.addressEn,
      divisionCode: registered.divisionCode,
      affiliatedOfficeId,
      applicationMode: 'self',
      telephone: registered.telephone,
      fax: null,
      email: registered.email,
      legalRepresentative: registered.legalRepresentative,
      legalRepresentativeTelephone: '139-1600-1208',
      contactPerson: '陈明',
      contactTelephone: '021-64301208',
      signatories: [{ name: '陈明', idNumber: '310112199001153020', telephone: '021-64301208' }],
      applicantCommitment: true,
    };
  }

  it('pre-fills from the registry, saves, synchronises, and keeps every change in the history', async () => {
    const admin = await logIn(api.app, 'new.admin');
    const orgId = admin.body.user.organisation.id;
    const before = await call(admin, 'GET', `/api/enterprises/${orgId}/profile`);
    expect(before.json()).toMatchObject({ maintained: false, version: 0, mayApply: false });

    const form = await prefilledForm(admin);
    expect(form).toMatchObject({ nameEn: 'SHANGHAI MINGDA LIGHTING CO., LTD.', divisionCode: '310112' });
    expect(form.affiliatedOfficeId).toBe((await api.runtime.deps.store.organisations.findByCode('2200'))?.id);

    const saved = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
      expectedVersion: 0,
      data: form,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, sync: { status: 'not_synchronised' }, mayApply: false });

    expect(await jobs.runDue()).toBe(1);
    const synced = (await call(admin, 'GET', `/api/enterprises/${orgId}/profile`)).json();
    expect(synced.sync).toMatchObject({ status: 'synchronised', syncedVersion: 1, error: null });
    expect(synced.sync.receipt).toMatch(/^R/);
    expect(synced).toMatchObject({ mayApply: true, mayApplyReason: null });
    expect((await api.runtime.deps.store.organisations.findById(orgId))?.code).toBe(MINGDA_USCC);

    // A change makes version 2, needs a new synchronisation before applying again, and shows in history.
    const changed = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
      expectedVersion: 1,
      data: { ...form, telephone: '021-64309999' },
    });
    expect(changed.json()).toMatchObject({ version: 2, mayApply: false });
    const history = (await call(admin, 'GET', `/api/enterprises/${orgId}/profile/history`)).json();
    expect(history.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    expect(history.items[0].changes).toEqual([
      { field: 'telephone', old: '021-64301208', new: '021-64309999' },
    ]);
    expect(history.items[0].changedBy).toBe(`user:${admin.body.user.id}`);
    await jobs.runDue();
    expect((await call(admin, 'GET', `/api/enterprises/${orgId}/profile`)).json()).toMatchObject({
      mayApply: true,
      sync: { syncedVersion: 2 },
    });
  });

  it('keeps the record when the registry is down, shows the failure, and succeeds on retry after restart', async () => {
    const admin = await logIn(api.app, 'new.admin');
    const orgId = admin.body.user.organisation.id;
    const form = await prefilledForm(admin);
    await registry.stop();
    try {
      const saved = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
        expectedVersion: 0,
        data: form,
      });
      expect(saved.statusCode).toBe(200);
      await jobs.runDue();
      const failed = (await call(admin, 'GET', `/api/enterprises/${orgId}/profile`)).json();
      expect(failed.sync.status).toBe('failed');
      expect(failed.sync.error).toContain('registry is unavailable');
      expect(failed.data.telephone).toBe(form.telephone); // nothing lost
      expect(failed.mayApply).toBe(false);
    } finally {
      await registry.restart();
    }
    const retried = await call(admin, 'POST', `/api/enterprises/${orgId}/profile/sync`);
    expect(retried.json().sync.status).toBe('not_synchronised');
    await jobs.runDue();
    expect((await call(admin, 'GET', `/api/enterprises/${orgId}/profile`)).json()).toMatchObject({
      sync: { status: 'synchronised', syncedVersion: 1 },
      mayApply: true,
    });
  });

  it('refuses a wrong check character, Chinese in the English name and a name unlike the registry’s, storing nothing', async () => {
    const admin = await logIn(api.app, 'new.admin');
    const orgId = admin.body.user.organisation.id;
    const wrongCheck = await call(admin, 'GET', '/api/enterprise-registry/91310112MA1N5P3Q8X');
    expect(wrongCheck.statusCode).toBe(400);
    expect(wrongCheck.json().fields).toEqual([
      expect.objectContaining({ path: 'uscc', code: 'check_character' }),
    ]);

    const form = await prefilledForm(admin);
    const chinese = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
      expectedVersion: 0,
      data: { ...form, nameEn: 'SHANGHAI MINGDA 照明 CO., LTD.' },
    });
    expect(chinese.statusCode).toBe(400);
    expect(chinese.json().fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'nameEn', code: 'chinese_characters' })]),
    );
    const differs = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
      expectedVersion: 0,
      data: { ...form, nameEn: 'SHANGHAI MINGDA LIGHTING COMPANY LIMITED' },
    });
    expect(differs.json().fields).toEqual([
      expect.objectContaining({ path: 'nameEn', code: 'differs_from_registry' }),
    ]);
    const badSignatory = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
      expectedVersion: 0,
      data: {
        ...form,
        signatories: [{ ...form.signatories[0], idNumber: '310112199001153021' }],
        applicantCommitment: false,
      },
    });
    expect(badSignatory.json().fields.map((field: { path: string }) => field.path)).toEqual([
      'signatories.0.idNumber',
      'applicantCommitment',
    ]);

    expect((await call(admin, 'GET', `/api/enterprises/${orgId}/profile`)).json().maintained).toBe(false);
    expect(await api.runtime.deps.store.jobs.list({ limit: 10 })).toEqual([]);
  });

  it('refuses a stale form instead of overwriting a newer version', async () => {
    const admin = await logIn(api.app, 'ent.admin');
    const orgId = admin.body.user.organisation.id;
    const current = (await call(admin, 'GET', `/api/enterprises/${orgId}/profile`)).json();
    const first = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
      expectedVersion: current.version,
      data: { ...current.data, contactPerson: '王芳' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await call(admin, 'PUT', `/api/enterprises/${orgId}/profile`, {
      expectedVersion: current.version,
      data: { ...current.data, contactPerson: '李娜' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
  });

  it('shows an enterprise’s information to its own users and its office’s officers only; only its administrator changes it', async () => {
    const everbright = (await api.runtime.deps.store.organisations.findByCode('91310115MA1K4B2X7G'))!.id;
    const url = `/api/enterprises/${everbright}/profile`;
    const statusFor = async (username: string, method: 'GET' | 'PUT', path = url) => {
      const session = await logIn(api.app, username);
      const current = (await call(await logIn(api.app, 'ent.admin'), 'GET', url)).json();
      const response = await call(
        session,
        method,
        path,
        method === 'PUT' ? { expectedVersion: current.version, data: current.data } : undefined,
      );
      return response.statusCode;
    };
    expect(await statusFor('ent.clerk', 'GET')).toBe(200);
    expect(await statusFor('officer.wang', 'GET')).toBe(200);
    expect(await statusFor('officer.wang', 'GET', `${url}/history`)).toBe(200);
    expect(await statusFor('officer.zhao', 'GET')).toBe(403);
    expect(await statusFor('harbour.admin', 'GET')).toBe(403);
    expect(await statusFor('agent.li', 'GET')).toBe(403);
    expect(await statusFor('ent.clerk', 'PUT')).toBe(403);
    expect(await statusFor('harbour.admin', 'PUT')).toBe(403);
    expect(await statusFor('officer.wang', 'PUT')).toBe(403);
    expect(await statusFor('ent.admin', 'PUT')).toBe(200); // unchanged: no new version
    const history = (await call(await logIn(api.app, 'ent.admin'), 'GET', `${url}/history`)).json();
    expect(history.items).toHaveLength(1);
  });
});
