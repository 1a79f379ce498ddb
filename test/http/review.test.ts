import { afterEach, beforeEach, expect, it } from 'vitest';
import { createUser } from '../../src/app/identity/create-user.js';
import type { ApplicationRecord } from '../../src/app/ports.js';
import { goodApplication } from '../support/applications.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { DEMO_PASSWORD, logIn, openTestApi, submitThroughApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('customs review', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let officer: LoggedIn;
  let everbright: string;
  beforeEach(async () => {
    api = await openTestApi(dialect); // 2026-03-02, 09:00 in China
    clerk = await logIn(api.app, 'ent.clerk');
    officer = await logIn(api.app, 'officer.wang'); // Shanghai (2200) and Ningbo (3100)
    everbright = clerk.body.user.organisation.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const call = (session: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    api.app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  /** What the clerk does: a complete application, its invoice, submission. */
  async function submitted(
    typeCode = 'C',
    expectStatus = 'submitted',
  ): Promise<{ id: string; version: number }> {
    const sent = await submitThroughApi(api.app, clerk, typeCode);
    expect(sent.status).toBe(expectStatus);
    return { id: sent.id, version: sent.version };
  }

  it('queues, claims, returns two boxes with reasons, takes the correction, approves and numbers', async () => {
    const { id, version } = await submitted();
    const queue = (await call(officer, 'GET', '/api/review/queue')).json();
    expect(queue.items).toEqual([
      expect.objectContaining({ id, status: 'submitted', typeCode: 'C', enterpriseName: expect.any(String) }),
    ]);

    const claimed = await call(officer, 'POST', `/api/applications/${id}/claim`, {
      expectedVersion: version,
    });
    expect(claimed.json()).toMatchObject({ status: 'under_review', reviewerId: officer.body.user.id });
    const returned = await call(officer, 'POST', `/api/applications/${id}/return`, {
      expectedVersion: claimed.json().version,
      boxes: ['7', '9'],
      reasons: ['description_insufficient', 'quantity_mismatch'],
      note: 'STATE THE STYLE NUMBERS AND THE NET WEIGHT.',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe('returned');

    // The applicant sees what to correct, edits and sends it again.
    const seen = (await call(clerk, 'GET', `/api/applications/${id}`)).json();
    expect(seen.decisions).toEqual([
      expect.objectContaining({
        action: 'return',
        boxes: ['7', '9'],
        reasons: ['description_insufficient', 'quantity_mismatch'],
        note: 'STATE THE STYLE NUMBERS AND THE NET WEIGHT.',
      }),
    ]);
    const data = goodApplication('C');
    data.items[0]!.description = "MEN'S COTTON KNITTED T-SHIRTS, STYLE NO. EB-2201***";
    data.items[0]!.quantityUnit = 'N.W. KGS';
    const corrected = await call(clerk, 'PUT', `/api/applications/${id}`, {
      expectedVersion: seen.version,
      data,
    });
    expect(corrected.statusCode).toBe(200);
    const again = await call(clerk, 'POST', `/api/applications/${id}/submit`, {});
    expect(again.json().status).toBe('resubmitted');

    const reclaimed = await call(officer, 'POST', `/api/applications/${id}/claim`, {
      expectedVersion: again.json().version,
    });
    const approved = await call(officer, 'POST', `/api/applications/${id}/approve`, {
      expectedVersion: reclaimed.json().version,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      certificateNumber: 'C262200000001',
      automatic: false,
      endorsements: [],
    });
    const events = await api.runtime.deps.store.audit.listNewestFirst({ limit: 10 });
    expect(events.map((event) => event.type).slice(0, 6)).toEqual([
      'application.approved',
      'application.claimed',
      'application.resubmitted',
      'application.returned',
      'application.claimed',
      'application.submitted',
    ]);
    expect((await call(officer, 'GET', '/api/review/queue')).json().items).toEqual([]);
  });

  it('keeps other offices out and lets only the claiming officer decide', async () => {
    const { id, version } = await submitted();
    const shenzhen = await logIn(api.app, 'officer.zhao');
    expect((await call(shenzhen, 'GET', '/api/review/queue')).json().items).toEqual([]);
    expect(
      (await call(shenzhen, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(clerk, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version })).statusCode,
    ).toBe(403);

    const shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!;
    await createUser(
      api.runtime.deps,
      { kind: 'system', name: 'test' },
      {
        orgId: shanghai.id,
        username: 'officer.qian',
        displayName: 'Qian Yu',
        password: DEMO_PASSWORD,
        roles: ['customs_officer'],
        officeIds: [shanghai.id],
        mustChangePassword: false,
      },
    );
    const colleague = await logIn(api.app, 'officer.qian');
    const claims = await Promise.all([
      call(officer, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version }),
      call(colleague, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version }),
    ]);
    expect(claims.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const winner = claims.find((response) => response.statusCode === 200)!.json();
    const loser = winner.reviewerId === officer.body.user.id ? colleague : officer;
    const refused = await call(loser, 'POST', `/api/applications/${id}/approve`, {
      expectedVersion: winner.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('Another officer has claimed');
    const stale = await call(
      loser === officer ? colleague : officer,
      'POST',
      `/api/applications/${id}/approve`,
      { expectedVersion: version },
    );
    expect(stale.json().fields).toEqual([expect.objectContaining({ code: 'stale_version' })]);
    expect((await call(clerk, 'GET', `/api/applications/${id}`)).json().status).toBe('under_review');
  });

  it('lets an officer hand an application to a colleague of the office, who alone decides it then', async () => {
    const { id, version } = await submitted();
    const shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!;
    const qian = await createUser(
      api.runtime.deps,
      { kind: 'system', name: 'test' },
      {
        orgId: shanghai.id,
        username: 'officer.qian',
        displayName: 'Qian Yu',
        password: DEMO_PASSWORD,
        roles: ['customs_officer'],
        officeIds: [shanghai.id],
        mustChangePassword: false,
      },
    );
    const zhao = await logIn(api.app, 'officer.zhao');
    const colleagues = (await call(officer, 'GET', `/api/offices/${shanghai.id}/officers`)).json().items;
    expect(colleagues.map((entry: { username: string }) => entry.username).sort()).toEqual([
      'officer.qian',
      'officer.wang',
    ]);
    expect((await call(zhao, 'GET', `/api/offices/${shanghai.id}/officers`)).statusCode).toBe(403);
    const refused = await call(officer, 'POST', `/api/applications/${id}/assign`, {
      expectedVersion: version,
      officerId: zhao.body.user.id,
    });
    expect(refused.json().fields).toEqual([
      expect.objectContaining({ code: 'not_an_officer_of_the_office' }),
    ]);
    const assigned = await call(officer, 'POST', `/api/applications/${id}/assign`, {
      expectedVersion: version,
      officerId: qian.id,
    });
    expect(assigned.json()).toMatchObject({ status: 'under_review', reviewerId: qian.id });
    const notMine = await call(officer, 'POST', `/api/applications/${id}/approve`, {
      expectedVersion: assigned.json().version,
    });
    expect(notMine.statusCode).toBe(409);
    // Handed back: a claimed application changes hands without changing status.
    const colleague = await logIn(api.app, 'officer.qian');
    const back = await call(colleague, 'POST', `/api/applications/${id}/assign`, {
      expectedVersion: assigned.json().version,
      officerId: officer.body.user.id,
    });
    expect(back.json()).toMatchObject({ status: 'under_review', reviewerId: officer.body.user.id });
    expect(
      (
        await call(officer, 'POST', `/api/applications/${id}/approve`, {
          expectedVersion: back.json().version,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a return naming boxes the form lacks, reasons outside the catalogue, or "other" without a note', async () => {
    const { id, version } = await submitted('RC');
    const claimed = (
      await call(officer, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version })
    ).json();
    const response = await call(officer, 'POST', `/api/applications/${id}/return`, {
      expectedVersion: claimed.version,
      boxes: ['9', '19'],
      reasons: ['too_ugly', 'other'],
      note: '',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response.json().fields.map((field: { path: string; code: string }) => `${field.path} ${field.code}`),
    ).toEqual(['boxes.1 unknown_box', 'reasons.0 unknown_reason', 'note required']);
    expect((await call(clerk, 'GET', `/api/applications/${id}`)).json().status).toBe('under_review');
    const reasons = (await call(officer, 'GET', '/api/review/return-reasons')).json().items;
    expect(reasons).toContainEqual(
      expect.objectContaining({ code: 'hs_code_mismatch', zh: expect.any(String) }),
    );
  });

  it('endorses a certificate approved after the shipment as the type says (retroactive issue)', async () => {
    const { id, version } = await submitted('C');
    api.runtime.clock.set('2026-03-09T02:00:00.000Z'); // the goods left on 2026-03-05
    officer = await logIn(api.app, 'officer.wang'); // a new day, a new session
    const claimed = (
      await call(officer, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version })
    ).json();
    const approved = await call(officer, 'POST', `/api/applications/${id}/approve`, {
      expectedVersion: claimed.version,
    });
    expect(approved.json().endorsements).toEqual([{ box: '5', text: 'ISSUED RETROSPECTIVELY' }]);
    const [event] = await api.runtime.deps.store.audit.listNewestFirst({ limit: 1 });
    expect(event).toMatchObject({ type: 'application.approved', data: { retroactive: true } });
  });

  /** An issued certificate: submitted, claimed and approved by officer.wang. */
  async function issued(typeCode = 'C'): Promise<{ id: string; version: number; certificateNumber: string }> {
    const { id, version } = await submitted(typeCode);
    const claimed = (
      await call(officer, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version })
    ).json();
    const approved = (
      await call(officer, 'POST', `/api/applications/${id}/approve`, { expectedVersion: claimed.version })
    ).json();
    return { id, version: approved.version, certificateNumber: approved.certificateNumber };
  }

  /** The officer claims and approves an application that has been submitted. */
  async function approve(id: string) {
    const { version } = (await call(officer, 'GET', `/api/applications/${id}`)).json();
    const claimed = (
      await call(officer, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version })
    ).json();
    return call(officer, 'POST', `/api/applications/${id}/approve`, { expectedVersion: claimed.version });
  }

  it('amends a certificate: a new number replaces the original, which becomes void, with the replacement wording', async () => {
    const original = await issued('RC');
    const data = goodApplication('RC');
    data.consignee.name = 'NORDIC HOME TRADING AB (KOREA BRANCH)';
    const asked = await call(clerk, 'POST', `/api/certificates/${original.id}/amendment`, {
      reason: 'THE CONSIGNEE NAME WAS INCOMPLETE.',
      data,
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ kind: 'amendment', replacesId: original.id, status: 'draft' });
    expect(asked.json().documents).toHaveLength(1); // the invoice comes along
    const timeline = (await call(clerk, 'GET', `/api/applications/${asked.json().id}/timeline`)).json().items;
    expect(timeline).toContainEqual(
      expect.objectContaining({
        type: 'application.replacement_requested',
        data: { kind: 'amendment', replacesId: original.id, reason: 'THE CONSIGNEE NAME WAS INCOMPLETE.' },
      }),
    );
    const again = await call(clerk, 'POST', `/api/certificates/${original.id}/amendment`, {
      reason: 'AGAIN.',
    });
    expect(again.statusCode).toBe(409);

    await call(clerk, 'POST', `/api/applications/${asked.json().id}/submit`, {});
    const approved = (await approve(asked.json().id)).json();
    expect(approved.certificateNumber).toBe('RC262200000002');
    expect(approved.endorsements).toEqual([
      {
        box: '17',
        text: `THIS CERTIFICATE IS IN REPLACEMENT OF CERTIFICATE OF ORIGIN NO. ${original.certificateNumber} DATED MARCH 2, 2026 WHICH IS CANCELLED`,
      },
    ]);
    const voided = (await call(clerk, 'GET', `/api/applications/${original.id}`)).json();
    expect(voided).toMatchObject({ status: 'amended', replacedById: asked.json().id });
  });

  it('reissues a lost certificate as a certified true copy with a new number', async () => {
    const original = await issued('C');
    expect(
      (await call(clerk, 'POST', `/api/certificates/${original.id}/reissue`, { reason: '' })).json().fields,
    ).toEqual([expect.objectContaining({ path: 'reason', code: 'required' })]);
    const asked = await call(clerk, 'POST', `/api/certificates/${original.id}/reissue`, {
      reason: 'THE ORIGINAL WAS LOST IN THE POST.',
    });
    expect(asked.json().data).toEqual(
      (await call(clerk, 'GET', `/api/applications/${original.id}`)).json().data,
    );
    await call(clerk, 'POST', `/api/applications/${asked.json().id}/submit`, {});
    const approved = (await approve(asked.json().id)).json();
    expect(approved.endorsements).toEqual([
      {
        box: '5',
        text: `CERTIFIED TRUE COPY OF THE ORIGINAL CERTIFICATE OF ORIGIN NO. ${original.certificateNumber} DATED MARCH 2, 2026`,
      },
    ]);
    expect((await call(clerk, 'GET', `/api/applications/${original.id}`)).json().status).toBe('reissued');
  });

  it('cancels an issued certificate with a reason, by an officer of its office only', async () => {
    const certificate = await issued('C');
    const body = {
      expectedVersion: certificate.version,
      category: 'issued_in_error',
      note: 'WRONG CONSIGNEE.',
    };
    expect((await call(clerk, 'POST', `/api/certificates/${certificate.id}/cancel`, body)).statusCode).toBe(
      403,
    );
    const shenzhen = await logIn(api.app, 'officer.zhao');
    expect(
      (await call(shenzhen, 'POST', `/api/certificates/${certificate.id}/cancel`, body)).statusCode,
    ).toBe(403);
    const cancelled = await call(officer, 'POST', `/api/certificates/${certificate.id}/cancel`, body);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      voidReason: 'issued_in_error: WRONG CONSIGNEE.',
    });
    expect(
      (await call(clerk, 'POST', `/api/certificates/${certificate.id}/amendment`, { reason: 'TOO LATE.' }))
        .statusCode,
    ).toBe(409);
  });

  it('lets the applicant withdraw before review, not after a claim', async () => {
    const first = await submitted();
    const withdrawn = await call(clerk, 'POST', `/api/applications/${first.id}/withdraw`, {
      expectedVersion: first.version,
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    const second = await submitted();
    const claimed = (
      await call(officer, 'POST', `/api/applications/${second.id}/claim`, { expectedVersion: second.version })
    ).json();
    const late = await call(clerk, 'POST', `/api/applications/${second.id}/withdraw`, {
      expectedVersion: claimed.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('under review');
  });

  it('finds own certificates in Certificate Query by number, invoice, status and dates, with the timeline and CSV', async () => {
    const certificate = await issued('C');
    await submitted('RC');
    const query = (parameters: string) => call(clerk, 'GET', `/api/certificates?${parameters}`);
    expect((await query('')).json().items).toHaveLength(2);
    expect(
      (await query(`certificateNumber=${certificate.certificateNumber.slice(0, 6)}`)).json().items,
    ).toEqual([expect.objectContaining({ id: certificate.id, status: 'approved' })]);
    expect(
      (await query('status=submitted')).json().items.map((row: { typeCode: string }) => row.typeCode),
    ).toEqual(['RC']);
    expect(
      (await query('invoiceNumber=EB-2026-0117&from=2026-03-02&until=2026-03-02')).json().items,
    ).toHaveLength(2);
    expect((await query('from=2026-03-03')).json().items).toEqual([]);
    const page = (await query('limit=1')).json();
    expect(page.items).toHaveLength(1);
    const rest = (
      await query(`limit=1&beforeCreatedAt=${page.next.createdAt}&beforeId=${page.next.id}`)
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.items[0].id).not.toBe(page.items[0].id);
    expect(
      (await logIn(api.app, 'harbour.admin').then((other) => call(other, 'GET', '/api/certificates'))).json()
        .items,
    ).toEqual([]);

    const timeline = (await call(clerk, 'GET', `/api/applications/${certificate.id}/timeline`)).json().items;
    expect(timeline.map((event: { type: string }) => event.type)).toEqual([
      'application.created',
      'application.document_uploaded',
      'application.submitted',
      'application.claimed',
      'application.approved',
    ]);
    const csv = await call(clerk, 'GET', '/api/certificates/export.csv?status=approved');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toContain(`${certificate.certificateNumber},approved,C,original,DE,`);
  });

  it('shows the officer the automated checks with their evidence, and flags a reused invoice', async () => {
    const first = await submitted('C');
    const checks = (await call(officer, 'GET', `/api/applications/${first.id}`)).json().checks;
    expect(checks).toEqual([
      { check: 'field_rules', outcome: 'pass', evidence: 'every rule of C passed' },
      expect.objectContaining({ check: 'enterprise_synchronised', outcome: 'pass' }),
      { check: 'agent_scope', outcome: 'not_applicable', evidence: 'filed by the enterprise itself' },
      expect.objectContaining({ check: 'invoice_unique', outcome: 'pass' }),
      expect.objectContaining({ check: 'destination_eligible', outcome: 'pass' }),
      expect.objectContaining({ check: 'retroactive_window', outcome: 'pass' }),
      expect.objectContaining({ check: 'pre_review', outcome: 'not_applicable' }),
      {
        check: 'stricter_review',
        outcome: 'pass',
        evidence: 'the enterprise is not under stricter review',
      },
    ]);
    const second = await submitted('C');
    const flagged = (await call(officer, 'GET', `/api/applications/${second.id}`)).json().checks;
    expect(flagged).toContainEqual({
      check: 'invoice_unique',
      outcome: 'fail',
      evidence: `invoice EB-2026-0117 is already on application ${first.id} (submitted)`,
    });
    const queue = (await call(officer, 'GET', '/api/review/queue?flaggedOnly=true')).json().items;
    expect(queue.map((item: { id: string }) => item.id)).toEqual([second.id]);
  });

  it('approves automatically where the office allows it for the type and every check passed, marked as such', async () => {
    const admin = await logIn(api.app, 'admin');
    const shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!;
    expect(
      (await call(officer, 'PUT', `/api/offices/${shanghai.id}/auto-approval/C`, { autoApprove: true }))
        .statusCode,
    ).toBe(403);
    const set = await call(admin, 'PUT', `/api/offices/${shanghai.id}/auto-approval/C`, {
      autoApprove: true,
    });
    expect(set.json()).toMatchObject({ typeCode: 'C', autoApprove: true });
    expect(
      (await call(officer, 'GET', `/api/offices/${shanghai.id}/auto-approval`)).json().items,
    ).toHaveLength(1);

    const automatic = await submitted('C', 'approved');
    const approved = (await call(clerk, 'GET', `/api/applications/${automatic.id}`)).json();
    expect(approved).toMatchObject({
      status: 'approved',
      automatic: true,
      certificateNumber: 'C262200000001',
    });
    expect(approved.decisions).toEqual([expect.objectContaining({ action: 'approve', automatic: true })]);
    // The same invoice again fails a check: an officer decides.
    const repeated = await submitted('C');
    expect((await call(clerk, 'GET', `/api/applications/${repeated.id}`)).json().status).toBe('submitted');
    // RCEP is not switched on.
    const rcep = await submitted('RC');
    expect((await call(clerk, 'GET', `/api/applications/${rcep.id}`)).json().status).toBe('submitted');
  });

  it('gives office heads the week’s issues per type, the median time to decision and the return reasons', async () => {
    const first = await submitted('C');
    api.runtime.clock.advance(20 * 60_000);
    const claimed = (
      await call(officer, 'POST', `/api/applications/${first.id}/claim`, { expectedVersion: first.version })
    ).json();
    await call(officer, 'POST', `/api/applications/${first.id}/return`, {
      expectedVersion: claimed.version,
      boxes: ['7'],
      reasons: ['description_insufficient'],
      note: '',
    });
    const second = await submitted('RC');
    api.runtime.clock.advance(40 * 60_000);
    const claimedSecond = (
      await call(officer, 'POST', `/api/applications/${second.id}/claim`, { expectedVersion: second.version })
    ).json();
    await call(officer, 'POST', `/api/applications/${second.id}/approve`, {
      expectedVersion: claimedSecond.version,
    });
    const statistics = await call(officer, 'GET', '/api/review/statistics?from=2026-03-01&until=2026-03-07');
    expect(statistics.json()).toMatchObject({
      issuedPerWeek: [{ week: '2026-W10', typeCode: 'RC', count: 1 }],
      medianHoursToDecision: 0.5, // first decisions after 20 and 40 minutes
      decisions: 2,
      returnReasons: [{ code: 'description_insufficient', count: 1 }],
    });
    expect(
      (await call(clerk, 'GET', '/api/review/statistics?from=2026-03-01&until=2026-03-07')).statusCode,
    ).toBe(403);
  });

  it('numbers 1,000 approvals made at once without a repeat or a gap', async () => {
    const store = api.runtime.deps.store;
    const shanghai = (await store.organisations.findByCode('2200'))!;
    const template = (
      await call(clerk, 'POST', '/api/applications', {
        enterpriseId: everbright,
        typeCode: 'RC',
        data: goodApplication('RC'),
      })
    ).json();
    const base = (await store.applications.findById(template.id))!;
    const ids: string[] = [];
    await store.transaction(async (tx) => {
      for (let index = 0; index < 1000; index++) {
        const record: ApplicationRecord = {
          ...base,
          id: `bulk-${String(index).padStart(4, '0')}`,
          status: 'under_review',
          reviewerId: officer.body.user.id,
          officeId: shanghai.id,
          version: 3,
          submittedAt: base.createdAt,
        };
        await tx.applications.insert(record);
        ids.push(record.id);
      }
    });
    const { approveApplication } = await import('../../src/app/review/approve-application.js');
    const actor = {
      kind: 'user' as const,
      userId: officer.body.user.id,
      orgId: shanghai.id,
      orgKind: 'office' as const,
      roles: ['customs_officer' as const],
      officeIds: [shanghai.id],
    };
    const results = await Promise.all(
      ids.map((id) => approveApplication(api.runtime.deps, actor, { id, expectedVersion: 3 })),
    );
    const serials = results
      .map((result) => Number(result.certificateNumber!.slice(-6)))
      .sort((a, b) => a - b);
    expect(new Set(results.map((result) => result.certificateNumber)).size).toBe(1000);
    expect(serials).toEqual(Array.from({ length: 1000 }, (_, index) => index + 1));
    expect(results[0]!.certificateNumber).toMatch(/^RC262200\d{6}$/);
  }, 120_000);
});
