import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobRunner } from '../../src/app/jobs/job-runner.js';
import { jobHandlers } from '../../src/app/jobs/handlers.js';
import { webhookSignature } from '../../src/app/receipts/deliver-webhook.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi, submitThroughApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

/** An ERP's receiving end: records what arrives and answers with the status it is told to. */
async function receiver() {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let answer = 200;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/origo/receipts`,
    received,
    answerWith: (status: number) => (answer = status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeEachDatabase('receipts: inbox and webhooks', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let admin: LoggedIn;
  let officer: LoggedIn;
  let jobs: JobRunner;
  beforeEach(async () => {
    api = await openTestApi(dialect);
    clerk = await logIn(api.app, 'ent.clerk');
    admin = await logIn(api.app, 'ent.admin');
    officer = await logIn(api.app, 'officer.wang');
    jobs = new JobRunner(api.runtime.deps, jobHandlers(api.runtime.deps), { workerId: 'test' });
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

  const submit = () => submitThroughApi(api.app, clerk);

  it('gives the enterprise a receipt in its inbox for every status change, in both languages', async () => {
    const { id, version } = await submit();
    api.runtime.clock.advance(60_000);
    const claimed = (
      await call(officer, 'POST', `/api/applications/${id}/claim`, { expectedVersion: version })
    ).json();
    api.runtime.clock.advance(60_000);
    await call(officer, 'POST', `/api/applications/${id}/approve`, { expectedVersion: claimed.version });
    const inbox = (await call(clerk, 'GET', '/api/inbox')).json();
    expect(inbox.unread).toBe(3);
    expect(inbox.items.map((receipt: { status: string }) => receipt.status)).toEqual([
      'approved',
      'under_review',
      'submitted',
    ]);
    expect(inbox.items[0].message).toEqual({
      en: 'Certificate C262200000001 was approved.',
      zh: '证书C262200000001已审核通过。',
    });
    expect((await call(clerk, 'POST', `/api/inbox/${inbox.items[0].id}/read`)).statusCode).toBe(204);
    expect((await call(clerk, 'GET', '/api/inbox?unreadOnly=true')).json()).toMatchObject({ unread: 2 });
    const stranger = await logIn(api.app, 'harbour.admin');
    expect((await call(stranger, 'GET', '/api/inbox')).json().items).toEqual([]);
    expect((await call(stranger, 'POST', `/api/inbox/${inbox.items[1].id}/read`)).statusCode).toBe(403);
  });

  it('posts signed receipts to a registered webhook, retries a failed delivery and logs every attempt', async () => {
    const erp = await receiver();
    try {
      const orgId = admin.body.user.organisation.id;
      expect(
        (await call(clerk, 'POST', `/api/organisations/${orgId}/webhooks`, { url: erp.url })).statusCode,
      ).toBe(403);
      const created = await call(admin, 'POST', `/api/organisations/${orgId}/webhooks`, { url: erp.url });
      expect(created.statusCode).toBe(201);
      const { webhook, secret } = created.json();
      expect(
        JSON.stringify((await call(admin, 'GET', `/api/organisations/${orgId}/webhooks`)).json()),
      ).not.toContain(secret);

      erp.answerWith(503);
      await submit();
      expect(await jobs.runDue()).toBe(1);
      expect(erp.received).toHaveLength(1);
      const [attempt] = erp.received;
      const timestamp = String(attempt!.headers['x-origo-timestamp']);
      expect(attempt!.headers['x-origo-signature']).toBe(
        `sha256=${webhookSignature(secret, timestamp, attempt!.body)}`,
      );
      expect(JSON.parse(attempt!.body)).toMatchObject({
        type: 'application.status_changed',
        status: 'submitted',
      });

      // The failed attempt is retried after the backoff, and then delivered.
      erp.answerWith(200);
      expect(await jobs.runDue()).toBe(0);
      api.runtime.clock.advance(11_000);
      expect(await jobs.runDue()).toBe(1);
      expect(erp.received).toHaveLength(2);
      expect(erp.received[1]!.headers['x-origo-event-id']).toBe(attempt!.headers['x-origo-event-id']);
      admin = await logIn(api.app, 'ent.admin');
      const log = (await call(admin, 'GET', `/api/webhooks/${webhook.id}/deliveries`)).json().items;
      expect(
        log.map((entry: { attempt: number; statusCode: number }) => [entry.attempt, entry.statusCode]),
      ).toEqual([
        [2, 200],
        [1, 503],
      ]);

      await call(admin, 'POST', `/api/webhooks/${webhook.id}/revoke`);
      await submit();
      await jobs.runDue();
      expect(erp.received).toHaveLength(2);
    } finally {
      await erp.close();
    }
  });

  it('refuses a webhook URL that is not http(s) or carries credentials', async () => {
    const orgId = admin.body.user.organisation.id;
    for (const url of ['ftp://erp.example.com/x', 'https://user:pass@erp.example.com/x', 'not a url']) {
      const response = await call(admin, 'POST', `/api/organisations/${orgId}/webhooks`, { url });
      expect(response.json().fields).toEqual([expect.objectContaining({ path: 'url', code: 'invalid_url' })]);
    }
  });
});
