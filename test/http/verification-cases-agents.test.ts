import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar-days.js';
import { goodApplication } from '../support/applications.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { DEMO_PASSWORD, logIn, openTestApi } from '../support/http.js';
import { INVOICE_PDF } from '../support/messages.js';
import { multipart } from '../support/multipart.js';
import { describeEachDatabase } from '../support/runtime.js';

// The agent's side of verification cases (issue 8): "The enterprise (and its authorised agent) sees them in
// its inbox, answers and uploads ... and can ask for more time". An agency reaches a case only through a
// certificate it applied for, and only while the enterprise's authorisation for that type is in force.
describeEachDatabase('verification cases for agents', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let officer: LoggedIn;
  let agent: LoggedIn;
  let everbright: string;
  beforeEach(async () => {
    api = await openTestApi(dialect); // 2026-03-02, 09:00 in China
    clerk = await logIn(api.app, 'ent.clerk');
    officer = await logIn(api.app, 'officer.wang');
    agent = await logIn(api.app, 'agent.li');
    everbright = clerk.body.user.organisation.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const call = (session: LoggedIn, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    api.app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const today = () => new Date(api.runtime.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const ids = (response: { json(): { items: Array<{ id: string }> } }) =>
    response.json().items.map((item) => item.id);

  /** The enterprise administrator authorises an agency for type C until the day given. */
  async function authorise(agencyId: string, validUntil = '2026-12-31') {
    const admin = await logIn(api.app, 'ent.admin');
    const given = await call(admin, 'POST', `/api/enterprises/${everbright}/agents`, {
      agencyId,
      certificateTypes: ['C'],
      validFrom: today(),
      validUntil,
    });
    expect(given.statusCode).toBe(201);
  }

  /** A C certificate of Everbright applied for by `applicant` (the clerk or an agent), approved by Wang. */
  async function issuedBy(applicant: LoggedIn): Promise<{ id: string; number: string }> {
    const created = await call(applicant, 'POST', '/api/applications', {
      enterpriseId: everbright,
      typeCode: 'C',
      data: goodApplication('C'),
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const invoice = multipart(
      { kind: 'invoice' },
      { name: 'invoice.pdf', type: 'application/pdf', content: INVOICE_PDF },
    );
    await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/documents`,
      headers: { ...applicant.headers, 'content-type': invoice.contentType },
      payload: invoice.payload,
    });
    const sent = await call(applicant, 'POST', `/api/applications/${id}/submit`, {});
    expect(sent.statusCode).toBe(200);
    const claimed = await call(officer, 'POST', `/api/applications/${id}/claim`, {
      expectedVersion: sent.json().version,
    });
    const approved = await call(officer, 'POST', `/api/applications/${id}/approve`, {
      expectedVersion: claimed.json().version,
    });
    expect(approved.statusCode).toBe(200);
    return { id, number: approved.json().certificateNumber };
  }

  async function openCase(numbers: string[]): Promise<string> {
    const opened = await call(officer, 'POST', '/api/verification-cases', {
      source: 'risk',
      certificateNumbers: numbers,
      riskRule: 'R-TEXTILE-07',
      questions: 'VERIFY THE YARN.',
    });
    expect(opened.statusCode).toBe(201);
    return opened.json().id;
  }

  async function ask(caseId: string): Promise<string> {
    const asked = await call(officer, 'POST', '/api/evidence-requests', {
      subjectType: 'verification_case',
      subjectId: caseId,
      questions: 'SEND THE COST SHEET.',
      evidenceWanted: ['cost_sheet'],
      deadline: addDays(today(), 20),
    });
    expect(asked.statusCode).toBe(201);
    return asked.json().id;
  }

  async function upload(session: LoggedIn, requestId: string) {
    const body = multipart(
      { kind: 'cost_sheet' },
      { name: 'cost-sheet.pdf', type: 'application/pdf', content: INVOICE_PDF },
    );
    return api.app.inject({
      method: 'POST',
      url: `/api/evidence-requests/${requestId}/documents`,
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  /** A second agency under Shanghai Customs, with one member of staff, logged in. */
  async function otherAgent(): Promise<{ agencyId: string; session: LoggedIn }> {
    const admin = await logIn(api.app, 'admin');
    const shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!;
    const agency = await call(admin, 'POST', '/api/organisations', {
      kind: 'agency',
      parentId: shanghai.id,
      code: '91310101MA1F9X4B2C',
      nameEn: 'SHANGHAI BUND CUSTOMS BROKERS CO., LTD.',
      nameZh: '上海外滩报关有限公司',
    });
    expect(agency.statusCode).toBe(201);
    const user = await call(admin, 'POST', `/api/organisations/${agency.json().id}/users`, {
      username: 'bund.agent',
      displayName: 'Ma Lin (马林)',
      password: DEMO_PASSWORD,
      roles: ['agent_staff'],
      mustChangePassword: false,
    });
    expect(user.statusCode).toBe(201);
    return { agencyId: agency.json().id, session: await logIn(api.app, 'bund.agent') };
  }

  it('shows an agent the cases of certificates its agency applied for, and only those', async () => {
    const orient = agent.body.user.organisation.id;
    await authorise(orient);
    const own = await issuedBy(clerk); // the enterprise's own, issued first: the smaller number
    const filed = await issuedBy(agent);
    const ofAgency = await openCase([filed.number]);
    const ofEnterprise = await openCase([own.number]);
    const both = await openCase([own.number, filed.number]);

    const listed = await call(agent, 'GET', '/api/verification-cases');
    expect(listed.statusCode).toBe(200);
    expect(ids(listed).sort()).toEqual([ofAgency, both].sort());
    expect((await call(agent, 'GET', `/api/verification-cases/${ofAgency}`)).statusCode).toBe(200);
    expect((await call(agent, 'GET', `/api/verification-cases/${both}`)).statusCode).toBe(200);
    expect((await call(agent, 'GET', `/api/verification-cases/${ofEnterprise}`)).statusCode).toBe(403);
    // The enterprise sees all three.
    expect(ids(await call(clerk, 'GET', '/api/verification-cases'))).toHaveLength(3);

    // A request in the case whose first certificate is the enterprise's own still reaches the agent's list.
    const request = await ask(both);
    const hidden = await ask(ofEnterprise);
    const open = ids(await call(agent, 'GET', '/api/evidence-requests?status=open'));
    expect(open).toContain(request);
    expect(open).not.toContain(hidden);
    expect(
      (await call(agent, 'GET', `/api/evidence-requests?verificationCaseId=${ofEnterprise}`)).statusCode,
    ).toBe(403);
  });

  it('lets the agent upload, answer and ask for more time; another agency of the same enterprise gets 403', async () => {
    const orient = agent.body.user.organisation.id;
    await authorise(orient);
    const filed = await issuedBy(agent);
    const caseId = await openCase([filed.number]);
    const request = await ask(caseId);

    // Another agency, authorised by the same enterprise for the same type, did not apply: nothing for it.
    const other = await otherAgent();
    await authorise(other.agencyId);
    expect((await call(other.session, 'GET', '/api/verification-cases')).json().items).toEqual([]);
    expect((await call(other.session, 'GET', `/api/verification-cases/${caseId}`)).statusCode).toBe(403);
    expect(ids(await call(other.session, 'GET', '/api/evidence-requests'))).toEqual([]);
    expect((await upload(other.session, request)).statusCode).toBe(403);
    expect(
      (await call(other.session, 'POST', `/api/evidence-requests/${request}/answer`, { answer: 'X' }))
        .statusCode,
    ).toBe(403);

    const more = await call(agent, 'POST', `/api/evidence-requests/${request}/more-time`, {
      days: 7,
      reason: 'THE MILL SENDS THE YARN INVOICES NEXT WEEK.',
    });
    expect(more.statusCode).toBe(200);
    expect(more.json().extensionRequest).toMatchObject({ days: 7 });
    expect((await upload(agent, request)).statusCode).toBe(201);
    const answered = await call(agent, 'POST', `/api/evidence-requests/${request}/answer`, {
      answer: 'THE COST SHEET IS ATTACHED.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', documents: [{ kind: 'cost_sheet' }] });
    // The officer reads what the agent sent.
    const seen = (await call(officer, 'GET', `/api/evidence-requests?verificationCaseId=${caseId}`)).json();
    expect(seen.items[0]).toMatchObject({ status: 'answered', answer: 'THE COST SHEET IS ATTACHED.' });
  });

  it('refuses an agent whose authorisation has ended, and no longer lists the case to it', async () => {
    const orient = agent.body.user.organisation.id;
    await authorise(orient, addDays(today(), 5));
    const filed = await issuedBy(agent);
    const caseId = await openCase([filed.number]);
    const request = await ask(caseId);
    expect(ids(await call(agent, 'GET', '/api/verification-cases'))).toEqual([caseId]);

    api.runtime.clock.advance(6 * 86_400_000); // the day after the last day of the authorisation
    const lapsed = await logIn(api.app, 'agent.li');
    expect((await call(lapsed, 'GET', '/api/verification-cases')).json().items).toEqual([]);
    expect((await call(lapsed, 'GET', `/api/verification-cases/${caseId}`)).statusCode).toBe(403);
    expect((await upload(lapsed, request)).statusCode).toBe(403);
    const refused = await call(lapsed, 'POST', `/api/evidence-requests/${request}/answer`, {
      answer: 'LATE.',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', fields: [] });
    expect(
      (
        await call(lapsed, 'POST', `/api/evidence-requests/${request}/more-time`, {
          days: 5,
          reason: 'X',
        })
      ).statusCode,
    ).toBe(403);
    // The enterprise still answers itself.
    const clerkAgain = await logIn(api.app, 'ent.clerk');
    expect((await upload(clerkAgain, request)).statusCode).toBe(201);
  });

  it('pages the agent’s cases like the other lists', async () => {
    await authorise(agent.body.user.organisation.id);
    const opened: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      opened.push(await openCase([(await issuedBy(agent)).number]));
      api.runtime.clock.advance(60_000);
    }
    const session = await logIn(api.app, 'agent.li');
    const first = await call(session, 'GET', '/api/verification-cases?limit=2');
    expect(ids(first)).toEqual([opened[2], opened[1]]);
    const next = first.json().next as { openedAt: string; id: string };
    expect(next).toMatchObject({ id: opened[1] });
    const second = await call(
      session,
      'GET',
      `/api/verification-cases?limit=2&beforeOpenedAt=${encodeURIComponent(next.openedAt)}&beforeId=${next.id}`,
    );
    expect(ids(second)).toEqual([opened[0]]);
    expect(second.json().next).toBeNull();
  });
});
