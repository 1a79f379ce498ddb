import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('agent authorisation', (dialect) => {
  let api: TestApi;
  let everbright: string;
  let harbour: string;
  let orient: string;
  beforeEach(async () => {
    api = await openTestApi(dialect); // the clock reads 2026-03-02, 09:00 in China
    const byCode = async (code: string) => (await api.runtime.deps.store.organisations.findByCode(code))!.id;
    [everbright, harbour, orient] = await Promise.all([
      byCode('91310115MA1K4B2X7G'),
      byCode('91330206MA2H3C8N52'),
      byCode('91310104MA1G8E6T0D'),
    ]);
  });
  afterEach(async () => {
    await api.close();
  });

  const call = (session: LoggedIn, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    api.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const terms = { certificateTypes: ['RC', 'C'], validFrom: '2026-03-02', validUntil: '2026-12-31' };

  it('gives an agent nothing until the enterprise authorises it, then only that enterprise, until revoked', async () => {
    const agent = await logIn(api.app, 'agent.li');
    const admin = await logIn(api.app, 'ent.admin');
    expect((await call(agent, 'GET', `/api/enterprises/${everbright}/profile`)).statusCode).toBe(403);
    expect((await call(agent, 'GET', '/api/agency/principals')).json().items).toEqual([]);

    const given = await call(admin, 'POST', `/api/enterprises/${everbright}/agents`, {
      agencyId: orient,
      ...terms,
    });
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({
      certificateTypes: ['C', 'RC'],
      state: 'active',
      agencyName: { en: 'SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD.' },
    });

    expect((await call(agent, 'GET', `/api/enterprises/${everbright}/profile`)).statusCode).toBe(200);
    expect((await call(agent, 'GET', `/api/enterprises/${harbour}/profile`)).statusCode).toBe(403);
    const principals = (await call(agent, 'GET', '/api/agency/principals')).json().items;
    expect(principals.map((item: { enterpriseName: { en: string } }) => item.enterpriseName.en)).toEqual([
      'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
    ]);

    const revoked = await call(admin, 'POST', `/api/agent-authorisations/${given.json().id}/revoke`);
    expect(revoked.json().state).toBe('revoked');
    expect((await call(agent, 'GET', `/api/enterprises/${everbright}/profile`)).statusCode).toBe(403);
  });

  it('ends an authorisation after its last day, in China Standard Time', async () => {
    const admin = await logIn(api.app, 'ent.admin');
    await call(admin, 'POST', `/api/enterprises/${everbright}/agents`, {
      agencyId: orient,
      ...terms,
      validUntil: '2026-03-03',
    });
    api.runtime.clock.set('2026-03-03T15:59:00.000Z'); // 23:59 on the last day in Beijing
    const lastDay = await logIn(api.app, 'agent.li');
    expect((await call(lastDay, 'GET', `/api/enterprises/${everbright}/profile`)).statusCode).toBe(200);
    api.runtime.clock.set('2026-03-03T16:00:00.000Z'); // midnight: the next day
    const again = await logIn(api.app, 'agent.li');
    expect((await call(again, 'GET', `/api/enterprises/${everbright}/profile`)).statusCode).toBe(403);
    const listed = (
      await call(await logIn(api.app, 'ent.admin'), 'GET', `/api/enterprises/${everbright}/agents`)
    ).json();
    expect(listed.items[0].state).toBe('expired');
  });

  it('refuses bad terms with coded field errors and stores nothing', async () => {
    const admin = await logIn(api.app, 'ent.admin');
    const response = await call(admin, 'POST', `/api/enterprises/${everbright}/agents`, {
      agencyId: harbour,
      certificateTypes: ['RC', 'ZZ'],
      validFrom: '2026-03-01',
      validUntil: '2026-02-01',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response.json().fields.map((field: { path: string; code: string }) => `${field.path}:${field.code}`),
    ).toEqual([
      'agencyId:not_an_agency',
      'certificateTypes.1:unknown_type',
      'validFrom:in_the_past',
      'validUntil:before_start',
    ]);
    expect(await api.runtime.deps.store.agentAuthorisations.listByEnterprise(everbright)).toEqual([]);
  });

  it('lets only the enterprise’s own administrator authorise or revoke', async () => {
    const admin = await logIn(api.app, 'ent.admin');
    const given = (
      await call(admin, 'POST', `/api/enterprises/${everbright}/agents`, { agencyId: orient, ...terms })
    ).json();
    for (const username of ['ent.clerk', 'harbour.admin', 'agent.li', 'officer.wang', 'admin']) {
      const session = await logIn(api.app, username);
      expect(
        (await call(session, 'POST', `/api/enterprises/${everbright}/agents`, { agencyId: orient, ...terms }))
          .statusCode,
        username,
      ).toBe(403);
      expect(
        (await call(session, 'POST', `/api/agent-authorisations/${given.id}/revoke`)).statusCode,
        username,
      ).toBe(403);
    }
    // The enterprise's officers see who acts for it.
    const officer = await logIn(api.app, 'officer.wang');
    expect((await call(officer, 'GET', `/api/enterprises/${everbright}/agents`)).json().items).toHaveLength(
      1,
    );
  });
});
