import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { goodApplication } from '../support/applications.js';
import { INVOICE_PDF } from '../support/messages.js';
import { multipart } from '../support/multipart.js';
import { describeEachDatabase } from '../support/runtime.js';

const example = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '..', '..', 'docs', 'origin', 'example-grinder.json'),
    'utf8',
  ),
) as { bill: Record<string, unknown> };

describeEachDatabase('product pre-review', (dialect) => {
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

  const submit = async (agreements = ['RCEP', 'ACFTA']) => {
    const response = await call(clerk, 'POST', '/api/pre-reviews', { bill: example.bill, agreements });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; version: number };
  };

  /** An RC application whose one item rests on the pre-review, submitted; its automated checks. */
  const applyWith = async (preReviewId: string, item: { hsCode: string; originCriterion: string }) => {
    const data = goodApplication('RC');
    data.items = [{ ...data.items[0]!, ...item, description: 'FOOD GRINDERS MODEL FG-200***', preReviewId }];
    const created = await call(clerk, 'POST', '/api/applications', {
      enterpriseId: clerk.body.user.organisation.id,
      typeCode: 'RC',
      data,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const body = multipart(
      { kind: 'invoice' },
      { name: 'invoice.pdf', type: 'application/pdf', content: INVOICE_PDF },
    );
    await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/documents`,
      headers: { ...clerk.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    const sent = await call(clerk, 'POST', `/api/applications/${id}/submit`, {});
    expect(sent.statusCode).toBe(200);
    const checks = (await call(officer, 'GET', `/api/applications/${id}`)).json().checks as Array<{
      check: string;
      outcome: string;
      evidence: string;
    }>;
    return checks.find((check) => check.check === 'pre_review')!;
  };

  it('keeps the engine’s answer with the submission, for the enterprise and its office only', async () => {
    const submitted = await call(clerk, 'POST', '/api/pre-reviews', {
      bill: example.bill,
      agreements: ['RCEP', 'ACFTA'],
    });
    expect(submitted.statusCode).toBe(201);
    const preReview = submitted.json();
    expect(preReview).toMatchObject({
      status: 'submitted',
      hsCode: '8509400000',
      nameEn: 'Food grinder',
      agreements: ['RCEP', 'ACFTA'],
      decision: null,
      inForce: false,
    });
    expect(preReview.replyDue > preReview.evaluatedOn).toBe(true);
    expect(preReview.evaluation.rows).toEqual([
      expect.objectContaining({ agreement: 'RCEP', status: 'MET', criterion: 'CTC' }),
      expect.objectContaining({ agreement: 'ACFTA', status: 'MET', criterion: 'CTH' }),
    ]);

    const queue = (await call(officer, 'GET', '/api/pre-reviews?status=submitted')).json().items;
    expect(queue.map((item: { id: string }) => item.id)).toEqual([preReview.id]);
    const elsewhere = await logIn(api.app, 'officer.zhao');
    expect((await call(elsewhere, 'GET', '/api/pre-reviews')).json().items).toEqual([]);
    expect((await call(elsewhere, 'GET', `/api/pre-reviews/${preReview.id}`)).statusCode).toBe(403);
    const stranger = await logIn(api.app, 'harbour.admin');
    expect((await call(stranger, 'GET', `/api/pre-reviews/${preReview.id}`)).statusCode).toBe(403);
    expect((await call(stranger, 'GET', '/api/pre-reviews')).json().items).toEqual([]);
    expect(
      (
        await call(elsewhere, 'POST', `/api/pre-reviews/${preReview.id}/decision`, {
          results: [{ agreement: 'RCEP', conforms: true }],
        })
      ).statusCode,
    ).toBe(403);
    // Agencies file certificates, not pre-reviews.
    const agent = await logIn(api.app, 'agent.li');
    expect(
      (
        await call(agent, 'POST', '/api/pre-reviews', {
          enterpriseId: clerk.body.user.organisation.id,
          bill: example.bill,
          agreements: ['RCEP'],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('names the field of a broken bill and stores nothing', async () => {
    const bill = { ...example.bill, product: { ...(example.bill.product as object), hsCode: '85094' } };
    const response = await call(clerk, 'POST', '/api/pre-reviews', { bill, agreements: ['RCEP', 'EFTA'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'bill.product.hsCode' }),
        expect.objectContaining({ path: 'agreements.1', code: 'unknown_agreement' }),
      ]),
    );
    expect((await call(clerk, 'GET', '/api/pre-reviews')).json().items).toEqual([]);
  });

  it('lets the officer ask for a cost sheet on the same request mechanism as review', async () => {
    const { id } = await submit();
    const asked = await call(officer, 'POST', '/api/evidence-requests', {
      subjectType: 'pre_review',
      subjectId: id,
      questions: 'SEND THE MOTOR SUPPLIER INVOICE.',
      evidenceWanted: ['cost_sheet'],
      deadline: '2026-12-31',
    });
    expect(asked.statusCode).toBe(201);
    const requestId = asked.json().id as string;
    const body = multipart(
      { kind: 'cost_sheet' },
      { name: 'cost-sheet.pdf', type: 'application/pdf', content: INVOICE_PDF },
    );
    const uploaded = await api.app.inject({
      method: 'POST',
      url: `/api/evidence-requests/${requestId}/documents`,
      headers: { ...clerk.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const answered = await call(clerk, 'POST', `/api/evidence-requests/${requestId}/answer`, {
      answer: 'THE MOTOR INVOICE IS ATTACHED.',
    });
    expect(answered.statusCode).toBe(200);
    const seen = (await call(officer, 'GET', `/api/evidence-requests?preReviewId=${id}`)).json().items;
    expect(seen).toEqual([expect.objectContaining({ status: 'answered', subjectType: 'pre_review' })]);
    const stranger = await logIn(api.app, 'harbour.admin');
    expect((await call(stranger, 'GET', `/api/evidence-requests?preReviewId=${id}`)).statusCode).toBe(403);
  });

  describe('decision', () => {
    it('needs a reason to differ from the engine, records the answer once, and is used by an RC application', async () => {
      const { id, version } = await submit();
      const override = await call(officer, 'POST', `/api/pre-reviews/${id}/decision`, {
        results: [
          { agreement: 'RCEP', conforms: true, criterion: 'RVC' },
          { agreement: 'ACFTA', conforms: false },
        ],
      });
      expect(override.statusCode).toBe(400);
      expect(override.json().fields).toEqual([
        expect.objectContaining({ path: 'reason', code: 'reason_required' }),
      ]);
      const missing = await call(officer, 'POST', `/api/pre-reviews/${id}/decision`, {
        results: [{ agreement: 'RCEP', conforms: true }],
      });
      expect(missing.json().fields).toEqual([expect.objectContaining({ code: 'agreement_missing' })]);

      const decided = await call(officer, 'POST', `/api/pre-reviews/${id}/decision`, {
        version,
        results: [
          { agreement: 'RCEP', conforms: true },
          { agreement: 'ACFTA', conforms: false },
        ],
        reason: 'THE BLADE SUPPLIER DECLARATION IS MISSING; ACFTA NOT CONFIRMED.',
        validUntil: '2027-06-30',
      });
      expect(decided.statusCode).toBe(200);
      expect(decided.json()).toMatchObject({ status: 'decided', inForce: true });
      expect(decided.json().decision).toMatchObject({
        validUntil: '2027-06-30',
        results: [
          { agreement: 'RCEP', conforms: true, criterion: 'CTC', overridden: false },
          { agreement: 'ACFTA', conforms: false, criterion: '', overridden: true },
        ],
      });
      expect(
        (
          await call(officer, 'POST', `/api/pre-reviews/${id}/decision`, {
            results: [
              { agreement: 'RCEP', conforms: false },
              { agreement: 'ACFTA', conforms: false },
            ],
            reason: 'AGAIN',
          })
        ).statusCode,
      ).toBe(409);
      expect((await call(clerk, 'POST', `/api/pre-reviews/${id}/withdraw`)).statusCode).toBe(409);

      const usable = (await call(clerk, 'GET', '/api/pre-reviews?usableFor=RC')).json().items;
      expect(usable.map((item: { id: string }) => item.id)).toEqual([id]);
      expect((await call(clerk, 'GET', '/api/pre-reviews?usableFor=E')).json().items).toEqual([]);

      expect(await applyWith(id, { hsCode: '850940', originCriterion: 'CTC' })).toMatchObject({
        outcome: 'pass',
        evidence: expect.stringContaining(`as pre-review ${id} (RCEP, to 2027-06-30)`),
      });
      expect(await applyWith(id, { hsCode: '850940', originCriterion: 'PE' })).toMatchObject({
        outcome: 'fail',
        evidence: expect.stringContaining("differs from the pre-review's CTC"),
      });
      expect(await applyWith(id, { hsCode: '850990', originCriterion: 'CTC' })).toMatchObject({
        outcome: 'fail',
        evidence: expect.stringContaining("differs from the pre-reviewed product's 8509400000"),
      });
    });

    it('fails the check for a pre-review not yet decided, or of another enterprise', async () => {
      const { id } = await submit(['RCEP']);
      expect(await applyWith(id, { hsCode: '850940', originCriterion: 'CTC' })).toMatchObject({
        outcome: 'fail',
        evidence: expect.stringContaining('is submitted, not decided'),
      });
      expect(await applyWith('not-a-pre-review', { hsCode: '850940', originCriterion: 'CTC' })).toMatchObject(
        { outcome: 'fail', evidence: expect.stringContaining("is not one of the enterprise's") },
      );
    });

    it('lets the enterprise withdraw an undecided pre-review, and the officer then cannot decide it', async () => {
      const { id } = await submit(['RCEP']);
      const withdrawn = await call(clerk, 'POST', `/api/pre-reviews/${id}/withdraw`);
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json().status).toBe('withdrawn');
      const decided = await call(officer, 'POST', `/api/pre-reviews/${id}/decision`, {
        results: [{ agreement: 'RCEP', conforms: true }],
      });
      expect(decided.statusCode).toBe(409);
    });
  });
});
