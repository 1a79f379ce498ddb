import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/app/jobs/job-runner.js';
import { jobHandlers } from '../../src/app/jobs/handlers.js';
import { EVIDENCE_ESCALATE_JOB, escalateOverdue } from '../../src/app/evidence/deadlines.js';
import { addDays } from '../../src/domain/calendar-days.js';
import { isSampled } from '../../src/domain/verification-case.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi, submitThroughApi } from '../support/http.js';
import { INVOICE_PDF } from '../support/messages.js';
import { multipart } from '../support/multipart.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('verification cases', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let officer: LoggedIn;
  let jobs: JobRunner;
  beforeEach(async () => {
    api = await openTestApi(dialect);
    clerk = await logIn(api.app, 'ent.clerk');
    officer = await logIn(api.app, 'officer.wang');
    jobs = new JobRunner(api.runtime.deps, jobHandlers(api.runtime.deps), { workerId: 'test' });
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
  const today = () => new Date(api.runtime.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  /** A certificate of the type, submitted by the clerk, claimed and approved by the officer. */
  async function issued(typeCode = 'C'): Promise<{ id: string; number: string }> {
    const sent = await submitThroughApi(api.app, clerk, typeCode);
    const claimed = await call(officer, 'POST', `/api/applications/${sent.id}/claim`, {
      expectedVersion: sent.version,
    });
    const decided = await call(officer, 'POST', `/api/applications/${sent.id}/approve`, {
      expectedVersion: claimed.json().version,
    });
    expect(decided.statusCode).toBe(200);
    return { id: sent.id, number: decided.json().certificateNumber };
  }

  const foreignRequest = (numbers: string[]) => ({
    source: 'foreign_request',
    certificateNumbers: numbers,
    requestingCountry: 'KR',
    requestingAuthority: 'Korea Customs Service',
    foreignReference: 'KCS-ORIGIN-2026-0815',
    receivedOn: today(),
    questions: 'PLEASE CONFIRM THE ORIGIN OF THE T-SHIRTS AND SEND THE COST BREAKDOWN.',
  });

  async function openCase(numbers: string[]) {
    const opened = await call(officer, 'POST', '/api/verification-cases', foreignRequest(numbers));
    expect(opened.statusCode).toBe(201);
    return opened.json() as { id: string; version: number; replyDue: string };
  }

  async function ask(caseId: string, deadline: string) {
    const asked = await call(officer, 'POST', '/api/evidence-requests', {
      subjectType: 'verification_case',
      subjectId: caseId,
      questions: 'SEND THE COST SHEET OF THE T-SHIRTS.',
      evidenceWanted: ['cost_sheet'],
      deadline,
    });
    expect(asked.statusCode).toBe(201);
    return asked.json() as { id: string };
  }

  it('opens a case from a foreign request on a certificate of the office, with the reply due 90 days on', async () => {
    const certificate = await issued();
    const opened = await openCase([` ${certificate.number.toLowerCase()} `]);
    expect(opened).toMatchObject({
      source: 'foreign_request',
      status: 'open',
      requestingCountry: 'KR',
      replyDue: addDays(today(), 90),
      certificates: [{ applicationId: certificate.id, certificateNumber: certificate.number, typeCode: 'C' }],
    });

    const wrong = await call(officer, 'POST', '/api/verification-cases', {
      ...foreignRequest([certificate.number, 'C269999999999']),
      requestingAuthority: '',
      replyDue: addDays(today(), 10),
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong.json().fields.map((field: { path: string; code: string }) => [field.path, field.code]),
    ).toEqual([
      ['requestingAuthority', 'required'],
      ['replyDue', 'invalid_reply_due'],
      ['certificateNumbers.1', 'not_found'],
    ]);
  });

  it('shows a case to its enterprise and its office only', async () => {
    const certificate = await issued();
    const { id } = await openCase([certificate.number]);
    expect((await call(clerk, 'GET', `/api/verification-cases/${id}`)).statusCode).toBe(200);
    expect((await call(clerk, 'GET', '/api/verification-cases')).json().items).toHaveLength(1);
    const elsewhere = await logIn(api.app, 'officer.zhao');
    expect((await call(elsewhere, 'GET', `/api/verification-cases/${id}`)).statusCode).toBe(403);
    expect((await call(elsewhere, 'GET', '/api/verification-cases')).json().items).toEqual([]);
    const stranger = await logIn(api.app, 'harbour.admin');
    expect((await call(stranger, 'GET', `/api/verification-cases/${id}`)).statusCode).toBe(403);
    expect((await call(stranger, 'GET', '/api/verification-cases')).json().items).toEqual([]);
    // An officer of another office cannot open a case on this office's certificate, nor learn it exists.
    const foreign = await call(
      elsewhere,
      'POST',
      '/api/verification-cases',
      foreignRequest([certificate.number]),
    );
    expect(foreign.statusCode).toBe(403);
    expect(
      (
        await call(elsewhere, 'POST', `/api/verification-cases/${id}/conclusion`, {
          expectedVersion: 1,
          outcome: 'confirmed',
          findings: 'X',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(clerk, 'GET', '/api/supervision/dashboard')).statusCode).toBe(403);
  });

  it('"not confirmed" cancels the certificates, puts the enterprise under stricter review, and its next application is not approved automatically', async () => {
    const admin = await logIn(api.app, 'admin');
    const shanghai = (await api.runtime.deps.store.organisations.findByCode('2200'))!;
    await call(admin, 'PUT', `/api/offices/${shanghai.id}/auto-approval/C`, { autoApprove: true });
    const first = await submitThroughApi(api.app, clerk, 'C');
    const certificate = (await call(clerk, 'GET', `/api/applications/${first.id}`)).json();
    expect(certificate).toMatchObject({ status: 'approved', automatic: true });

    const opened = await openCase([certificate.certificateNumber]);
    const request = await ask(opened.id, addDays(today(), 14));
    const body = multipart(
      { kind: 'cost_sheet' },
      { name: 'cost-sheet.pdf', type: 'application/pdf', content: INVOICE_PDF },
    );
    const uploaded = await api.app.inject({
      method: 'POST',
      url: `/api/evidence-requests/${request.id}/documents`,
      headers: { ...clerk.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    expect(
      (
        await call(clerk, 'POST', `/api/evidence-requests/${request.id}/answer`, {
          answer: 'THE COST SHEET IS ATTACHED.',
        })
      ).statusCode,
    ).toBe(200);

    const concluded = await call(officer, 'POST', `/api/verification-cases/${opened.id}/conclusion`, {
      expectedVersion: opened.version,
      outcome: 'not_confirmed',
      findings: 'THE YARN WAS IMPORTED; THE COST SHEET SHOWS NO CHANGE OF CHAPTER.',
      stricterReviewDays: 90,
    });
    expect(concluded.statusCode).toBe(200);
    expect(concluded.json()).toMatchObject({ status: 'concluded', outcome: 'not_confirmed' });
    const cancelled = (await call(clerk, 'GET', `/api/applications/${first.id}`)).json();
    expect(cancelled.status).toBe('cancelled');
    expect(
      (
        await call(officer, 'POST', `/api/verification-cases/${opened.id}/conclusion`, {
          expectedVersion: concluded.json().version,
          outcome: 'confirmed',
          findings: 'AGAIN',
        })
      ).statusCode,
    ).toBe(409);

    const next = await submitThroughApi(api.app, clerk, 'C');
    expect(next.status).toBe('submitted');
    const checks = (await call(officer, 'GET', `/api/applications/${next.id}`)).json().checks;
    expect(checks).toContainEqual({
      check: 'stricter_review',
      outcome: 'fail',
      evidence: `the enterprise is under stricter review until ${addDays(today(), 90)} (verification case ${opened.id} not confirmed): an officer decides`,
    });
    const queue = (await call(officer, 'GET', '/api/review/queue?flaggedOnly=true')).json().items;
    expect(queue.map((item: { id: string }) => item.id)).toContain(next.id);

    const letter = await call(officer, 'GET', `/api/verification-cases/${opened.id}/reply-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: letter.rawPayload }).toString();
    expect(text).toContain('Korea Customs Service');
    expect(text).toContain('KCS-ORIGIN-2026-0815');
    expect(text).toContain(certificate.certificateNumber);
    expect(text).toContain('ORIGIN NOT CONFIRMED');
  });

  describe('deadlines of requests for evidence', () => {
    it('reminds three days before the deadline and escalates the day after it, by background jobs', async () => {
      const certificate = await issued();
      const opened = await openCase([certificate.number]);
      const deadline = addDays(today(), 10);
      const request = await ask(opened.id, deadline);
      const seen = async () =>
        (
          await call(
            await logIn(api.app, 'ent.clerk'),
            'GET',
            `/api/evidence-requests?verificationCaseId=${opened.id}`,
          )
        ).json().items[0];

      expect(await jobs.runDue()).toBe(0);
      api.runtime.clock.advance(6 * 86_400_000); // 4 days before the deadline: not yet
      expect(await jobs.runDue()).toBe(0);
      api.runtime.clock.advance(86_400_000); // 3 days before
      expect(await jobs.runDue()).toBe(1);
      expect(await seen()).toMatchObject({ remindedAt: expect.any(String), escalatedAt: null });
      // Sessions lapse while the clock runs on: each look logs in afresh.
      const inbox = (await call(await logIn(api.app, 'ent.clerk'), 'GET', '/api/inbox')).json().items;
      expect(inbox[0].message.en).toBe(`Reminder: customs expects your answer by ${deadline}.`);

      api.runtime.clock.advance(3 * 86_400_000); // the deadline day itself: still in time
      expect(await jobs.runDue()).toBe(0);
      api.runtime.clock.advance(86_400_000); // the day after
      expect(await jobs.runDue()).toBe(1);
      expect(await seen()).toMatchObject({ escalatedAt: expect.any(String), overdue: true });
      const dashboard = (
        await call(await logIn(api.app, 'officer.wang'), 'GET', '/api/supervision/dashboard')
      ).json();
      expect(dashboard.overdueRequests.map((entry: { id: string }) => entry.id)).toEqual([request.id]);
      expect(dashboard.openByDeadline).toContainEqual({ bucket: 'later', count: 1 });
    });

    it('moves the reminder and the escalation with an extension the enterprise asked for', async () => {
      const certificate = await issued();
      const opened = await openCase([certificate.number]);
      const request = await ask(opened.id, addDays(today(), 10));
      const more = await call(clerk, 'POST', `/api/evidence-requests/${request.id}/more-time`, {
        days: 14,
        reason: 'THE SUPPLIER IS CLOSED FOR THE HOLIDAY.',
      });
      expect(more.statusCode).toBe(200);
      expect(more.json().extensionRequest).toMatchObject({ days: 14 });
      expect(
        (
          await call(clerk, 'POST', `/api/evidence-requests/${request.id}/deadline`, {
            deadline: addDays(today(), 24),
          })
        ).statusCode,
      ).toBe(403);
      const moved = await call(officer, 'POST', `/api/evidence-requests/${request.id}/deadline`, {
        deadline: addDays(today(), 24),
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ deadline: addDays(today(), 24), extensionRequest: null });

      // The old reminder (day 7) and escalation (day 11) now do nothing; the new ones fire on days 21 and 25.
      api.runtime.clock.advance(11 * 86_400_000);
      await jobs.runDue();
      const seen = async () =>
        (
          await call(
            await logIn(api.app, 'officer.wang'),
            'GET',
            `/api/evidence-requests?verificationCaseId=${opened.id}`,
          )
        ).json().items[0];
      expect(await seen()).toMatchObject({ remindedAt: null, escalatedAt: null, overdue: false });
      api.runtime.clock.advance(10 * 86_400_000);
      expect(await jobs.runDue()).toBe(1);
      expect(await seen()).toMatchObject({ remindedAt: expect.any(String), escalatedAt: null });
      api.runtime.clock.advance(4 * 86_400_000);
      expect(await jobs.runDue()).toBe(1);
      expect((await seen()).escalatedAt).toEqual(expect.any(String));
    });
  });

  describe('owners', () => {
    /** A C certificate drawn by sampling at 100 %: a case of Shanghai Customs that nobody owns. */
    async function sampledCase(): Promise<{ id: string; version: number }> {
      const admin = await logIn(api.app, 'admin');
      await call(admin, 'PUT', '/api/verification/sampling-rates/C', { rate: 100 });
      const certificate = await issued();
      const items = (await call(officer, 'GET', '/api/verification-cases?owner=unowned')).json().items;
      const found = items.find((entry: { certificates: { applicationId: string }[] }) =>
        entry.certificates.some((linked) => linked.applicationId === certificate.id),
      );
      expect(found).toMatchObject({ source: 'sampling', ownerId: null, ownerName: null });
      return found;
    }

    it('lets an officer of the office take a sampled case over, audited; another office is refused', async () => {
      const sampled = await sampledCase();
      const elsewhere = await logIn(api.app, 'officer.zhao');
      const refused = await call(elsewhere, 'POST', `/api/verification-cases/${sampled.id}/take`, {
        expectedVersion: sampled.version,
      });
      expect(refused.statusCode).toBe(403);
      expect(
        (
          await call(clerk, 'POST', `/api/verification-cases/${sampled.id}/take`, {
            expectedVersion: sampled.version,
          })
        ).statusCode,
      ).toBe(403);

      const taken = await call(officer, 'POST', `/api/verification-cases/${sampled.id}/take`, {
        expectedVersion: sampled.version,
      });
      expect(taken.statusCode).toBe(200);
      expect(taken.json()).toMatchObject({
        ownerId: officer.body.user.id,
        ownerName: 'Wang Lei (王磊)',
        version: sampled.version + 1,
      });
      const stale = await call(officer, 'POST', `/api/verification-cases/${sampled.id}/take`, {
        expectedVersion: sampled.version,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().fields).toEqual([
        { path: 'expectedVersion', code: 'stale_version', message: 'Reload the case.' },
      ]);

      const events = await api.runtime.deps.store.audit.listForSubject('verification_case', sampled.id);
      expect(events.map((event) => event.type)).toEqual([
        'verification_case.opened',
        'verification_case.taken',
      ]);
      expect(events[1]!.data).toEqual({ ownerId: officer.body.user.id, previousOwnerId: null });
    });

    it('filters the list by "unowned" and "mine", and names the owner', async () => {
      const sampled = await sampledCase();
      const opened = await openCase([(await issued()).number]); // opened by Wang: his
      const listed = async (owner: string) =>
        (await call(officer, 'GET', `/api/verification-cases?owner=${owner}`))
          .json()
          .items.map((entry: { id: string }) => entry.id);
      expect(await listed('unowned')).toContain(sampled.id);
      expect(await listed('unowned')).not.toContain(opened.id);
      expect(await listed('mine')).toEqual([opened.id]);
      const all = (await call(officer, 'GET', '/api/verification-cases')).json().items;
      expect(all.find((entry: { id: string }) => entry.id === opened.id)).toMatchObject({
        ownerName: 'Wang Lei (王磊)',
      });
      expect((await call(officer, 'GET', `/api/verification-cases/${opened.id}`)).json().ownerName).toBe(
        'Wang Lei (王磊)',
      );
      expect((await call(officer, 'GET', '/api/verification-cases?owner=anyone')).statusCode).toBe(400);
    });

    it('escalates an overdue request to the case owner, once even when the job runs again', async () => {
      const opened = await openCase([(await issued()).number]);
      const request = await ask(opened.id, addDays(today(), 1));
      api.runtime.clock.advance(2 * 86_400_000);
      expect(await jobs.runDue()).toBe(1);
      const wang = await logIn(api.app, 'officer.wang');
      const notified = (await call(wang, 'GET', '/api/notifications')).json();
      expect(notified.unread).toBe(1);
      expect(notified.items[0]).toMatchObject({
        subjectType: 'verification_case',
        subjectId: opened.id,
        message: {
          en: expect.stringContaining(`due ${addDays(today(), -1)}`),
          zh: expect.stringContaining('已逾期'),
        },
        readAt: null,
      });
      const zhao = await logIn(api.app, 'officer.zhao');
      expect((await call(zhao, 'GET', '/api/notifications')).json()).toMatchObject({ items: [], unread: 0 });
      expect((await call(zhao, 'POST', `/api/notifications/${notified.items[0].id}/read`)).statusCode).toBe(
        403,
      );

      // The job again (a retry after its transaction committed): no second notice to anyone.
      const job = (await api.runtime.deps.store.jobs.list({ limit: 100 })).find(
        (entry) =>
          entry.kind === EVIDENCE_ESCALATE_JOB &&
          (entry.payload as { requestId: string }).requestId === request.id,
      )!;
      const inboxBefore = (await call(await logIn(api.app, 'ent.clerk'), 'GET', '/api/inbox')).json().items
        .length;
      await escalateOverdue(api.runtime.deps, job);
      expect((await call(wang, 'GET', '/api/notifications')).json().items).toHaveLength(1);
      expect((await call(await logIn(api.app, 'ent.clerk'), 'GET', '/api/inbox')).json().items).toHaveLength(
        inboxBefore,
      );
      const escalations = (
        await api.runtime.deps.store.audit.listForSubject('verification_case', opened.id)
      ).filter((event) => event.type === 'evidence.escalated');
      expect(escalations).toHaveLength(1);

      expect((await call(wang, 'POST', `/api/notifications/${notified.items[0].id}/read`)).statusCode).toBe(
        204,
      );
      expect((await call(wang, 'GET', '/api/notifications?unreadOnly=true')).json()).toMatchObject({
        items: [],
        unread: 0,
      });
    });

    it('escalates a request in a case nobody owns to the officers of the office', async () => {
      const sampled = await sampledCase();
      await ask(sampled.id, addDays(today(), 1));
      api.runtime.clock.advance(2 * 86_400_000);
      expect(await jobs.runDue()).toBe(1);
      const wang = await logIn(api.app, 'officer.wang'); // Shanghai's only officer in the demo
      expect((await call(wang, 'GET', '/api/notifications')).json().items).toMatchObject([
        { subjectType: 'verification_case', subjectId: sampled.id },
      ]);
      const zhao = await logIn(api.app, 'officer.zhao');
      expect((await call(zhao, 'GET', '/api/notifications')).json().items).toEqual([]);
    });
  });

  it('samples issued certificates at the rate an administrator sets, as a function of the number', async () => {
    const admin = await logIn(api.app, 'admin');
    expect((await call(officer, 'PUT', '/api/verification/sampling-rates/C', { rate: 50 })).statusCode).toBe(
      403,
    );
    expect((await call(admin, 'PUT', '/api/verification/sampling-rates/C', { rate: 50 })).statusCode).toBe(
      200,
    );
    const numbers: string[] = [];
    for (let index = 0; index < 4; index += 1) numbers.push((await issued()).number);
    const sampled = (await call(officer, 'GET', '/api/verification-cases')).json().items as Array<{
      source: string;
      ownerId: string | null;
      certificates: { certificateNumber: string }[];
    }>;
    expect(sampled.every((entry) => entry.source === 'sampling' && entry.ownerId === null)).toBe(true);
    expect(sampled.map((entry) => entry.certificates[0]!.certificateNumber).sort()).toEqual(
      numbers.filter((number) => isSampled(number, 50)).sort(),
    );
  });
});
