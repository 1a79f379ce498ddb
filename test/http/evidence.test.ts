import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi, submitThroughApi } from '../support/http.js';
import { INVOICE_PDF } from '../support/messages.js';
import { multipart } from '../support/multipart.js';
import { describeEachDatabase } from '../support/runtime.js';

describeEachDatabase('requests for more material', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let officer: LoggedIn;
  beforeEach(async () => {
    api = await openTestApi(dialect);
    clerk = await logIn(api.app, 'ent.clerk');
    officer = await logIn(api.app, 'officer.wang');
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
  const upload = (session: LoggedIn, url: string, kind: string) => {
    const body = multipart(
      { kind },
      { name: 'cost-sheet.pdf', type: 'application/pdf', content: INVOICE_PDF },
    );
    return api.app.inject({
      method: 'POST',
      url,
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('lets the officer ask for a cost sheet, the enterprise answer with it, and the officer read the answer', async () => {
    const { id } = await submitThroughApi(api.app, clerk);

    const asked = await call(officer, 'POST', `/api/evidence-requests`, {
      subjectType: 'application',
      subjectId: id,
      questions: 'SEND THE COST SHEET OF STYLE EB-2201.',
      evidenceWanted: ['cost_sheet'],
      deadline: '2026-03-09',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'open', overdue: false, evidenceWanted: ['cost_sheet'] });
    const requestId = asked.json().id as string;
    const inbox = (await call(clerk, 'GET', '/api/inbox')).json().items;
    expect(inbox.map((receipt: { message: { en: string } }) => receipt.message.en)).toContain(
      'Customs asks for more material about your C application: answer by 2026-03-09.',
    );
    const stranger = await logIn(api.app, 'harbour.admin');
    expect((await call(stranger, 'GET', `/api/evidence-requests?applicationId=${id}`)).statusCode).toBe(403);
    expect((await call(clerk, 'GET', '/api/evidence-requests?status=open')).json().items).toHaveLength(1);

    const early = await call(clerk, 'POST', `/api/evidence-requests/${requestId}/answer`, {
      answer: 'ATTACHED.',
    });
    expect(early.json().fields).toEqual([expect.objectContaining({ code: 'evidence_missing' })]);
    expect(
      (await upload(clerk, `/api/evidence-requests/${requestId}/documents`, 'cost_sheet')).statusCode,
    ).toBe(201);
    const answered = await call(clerk, 'POST', `/api/evidence-requests/${requestId}/answer`, {
      answer: 'THE COST SHEET FOR STYLE EB-2201 IS ATTACHED.',
    });
    expect(answered.json()).toMatchObject({
      status: 'answered',
      documents: [expect.objectContaining({ kind: 'cost_sheet' })],
    });

    const seen = (await call(officer, 'GET', `/api/evidence-requests?applicationId=${id}`)).json().items[0];
    expect(seen.answer).toBe('THE COST SHEET FOR STYLE EB-2201 IS ATTACHED.');
    const download = await call(
      officer,
      'GET',
      `/api/evidence-requests/${requestId}/documents/${seen.documents[0].id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await call(clerk, 'POST', `/api/evidence-requests/${requestId}/answer`, { answer: 'AGAIN.' }))
        .statusCode,
    ).toBe(409);
  });

  it('shows a request past its deadline as overdue, and refuses a deadline in the past', async () => {
    const { id } = await submitThroughApi(api.app, clerk);
    const past = await call(officer, 'POST', `/api/evidence-requests`, {
      subjectType: 'application',
      subjectId: id,
      questions: 'WHO MADE THE FABRIC?',
      evidenceWanted: [],
      deadline: '2026-03-01',
    });
    expect(past.json().fields).toEqual([
      expect.objectContaining({ path: 'deadline', code: 'invalid_deadline' }),
    ]);
    await call(officer, 'POST', `/api/evidence-requests`, {
      subjectType: 'application',
      subjectId: id,
      questions: 'WHO MADE THE FABRIC?',
      evidenceWanted: [],
      deadline: '2026-03-03',
    });
    api.runtime.clock.set('2026-03-04T02:00:00.000Z');
    clerk = await logIn(api.app, 'ent.clerk');
    expect((await call(clerk, 'GET', '/api/evidence-requests')).json().items[0]).toMatchObject({
      overdue: true,
    });
  });
});
