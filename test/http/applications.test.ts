import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goodApplication } from '../support/applications.js';
import type { LoggedIn, TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { multipart } from '../support/multipart.js';
import { describeEachDatabase } from '../support/runtime.js';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.alloc(4000, 32),
]);

describeEachDatabase('certificate applications', (dialect) => {
  let api: TestApi;
  let clerk: LoggedIn;
  let everbright: string;
  beforeEach(async () => {
    api = await openTestApi(dialect); // the clock reads 2026-03-02, 09:00 in China
    clerk = await logIn(api.app, 'ent.clerk');
    everbright = clerk.body.user.organisation.id;
  });
  afterEach(async () => {
    await api.close();
  });

  type Method = 'GET' | 'POST' | 'PUT';
  const call = (session: LoggedIn, method: Method, url: string, payload?: unknown, headers = {}) =>
    api.app.inject({
      method,
      url,
      headers: { ...session.headers, ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const create = (session: LoggedIn, body: Record<string, unknown>, headers = {}) =>
    call(session, 'POST', '/api/applications', { enterpriseId: everbright, ...body }, headers);
  const upload = (session: LoggedIn, id: string, kind: string, file: { name: string; content: Buffer }) => {
    const body = multipart({ kind }, { ...file, type: 'application/pdf' });
    return api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/documents`,
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  let seededFiles: ReturnType<typeof storedFiles> = [];
  beforeEach(() => {
    seededFiles = storedFiles();
  });
  const storedApplications = () => api.runtime.deps.store.applications.list({ limit: 100 });
  const storedFiles = () =>
    fs.existsSync(api.runtime.filesDir)
      ? fs
          .readdirSync(api.runtime.filesDir, { recursive: true })
          .filter((name) => String(name).length === 64 + 6)
      : [];

  it('lists the twelve certificate types and searches HS 2022', async () => {
    const types = await call(clerk, 'GET', '/api/certificate-types');
    expect(types.statusCode).toBe(200);
    const codes = types.json().items.map((type: { code: string }) => type.code);
    expect(codes).toEqual(
      expect.arrayContaining(['C', 'RC', 'BR', 'E', 'K', 'P', 'A', 'S', 'B', 'F', 'N', 'X']),
    );
    const hs = await call(clerk, 'GET', '/api/hs-codes?q=cotton%20t-shirts');
    expect(hs.json().items[0]).toMatchObject({ code: '610910', level: 6 });
  });

  it('takes a non-preferential application from draft to submitted: findings, fixes, invoice, submission', async () => {
    const draft = await create(clerk, { typeCode: 'C', data: { destinationCountry: 'DE' } });
    expect(draft.statusCode).toBe(201);
    const started = draft.json();
    expect(started).toMatchObject({ status: 'draft', version: 1, channel: 'portal', submittable: false });
    // Box 1 comes from the enterprise's basic information.
    expect(started.data.exporter).toMatchObject({ country: 'CN' });
    expect(started.data.exporter.name).not.toBe('');
    expect(started.findings.map((finding: { code: string }) => finding.code)).toEqual(
      expect.arrayContaining(['no_items', 'no_invoice', 'commitment_required']),
    );

    const data = goodApplication('C');
    data.items[0]!.hsCode = '610980'; // not an HS 2022 subheading
    data.invoices[0]!.date = '2026-03-06'; // after the shipment date
    const saved = await call(clerk, 'PUT', `/api/applications/${started.id}`, { expectedVersion: 1, data });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'hs_unknown', path: 'items.0.hsCode', box: '8' }),
        expect.objectContaining({ code: 'invoice_after_shipment', path: 'invoices.0.date', box: '10' }),
      ]),
    );
    expect(saved.json().certificateText.packages).toEqual(['TWO HUNDRED (200) CARTONS']);

    const refused = await call(clerk, 'POST', `/api/applications/${started.id}/submit`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.json().fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'data.items.0.hsCode', code: 'hs_unknown' })]),
    );
    expect(refused.json().blockers.map((blocker: { code: string }) => blocker.code)).toEqual([
      'field_errors',
      'documents_missing',
    ]);
    expect((await call(clerk, 'GET', `/api/applications/${started.id}`)).json().status).toBe('draft');

    const fixed = await call(clerk, 'PUT', `/api/applications/${started.id}`, {
      expectedVersion: 2,
      data: goodApplication('C'),
    });
    expect(fixed.json()).toMatchObject({ findings: [], version: 3 });
    expect(
      (await upload(clerk, started.id, 'invoice', { name: 'invoice.pdf', content: PDF })).statusCode,
    ).toBe(201);
    const validation = await call(clerk, 'GET', `/api/applications/${started.id}/validation`);
    expect(validation.json()).toEqual({ findings: [], blockers: [], submittable: true });

    const submitted = await call(clerk, 'POST', `/api/applications/${started.id}/submit`, {
      expectedVersion: 3,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', profileVersion: 1, channel: 'portal' });
    expect(submitted.json().submittedAt).toBe('2026-03-02T01:00:00.000Z');
    const events = await api.runtime.deps.store.audit.listNewestFirst({ limit: 5 });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'application.created',
        'application.document_uploaded',
        'application.submitted',
      ]),
    );
    // A submitted application is not edited any more.
    const late = await call(clerk, 'PUT', `/api/applications/${started.id}`, { expectedVersion: 4, data });
    expect(late.statusCode).toBe(409);
  });

  it('refuses an unknown type with a coded error and stores nothing', async () => {
    const response = await create(clerk, { typeCode: 'Q' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([
      expect.objectContaining({ path: 'typeCode', code: 'unknown_type' }),
    ]);
    expect(await storedApplications()).toEqual([]);
  });

  it('refuses data of the wrong shape, naming the field, and stores nothing', async () => {
    const response = await create(clerk, { typeCode: 'C', data: { items: [{ packageCount: 'many' }] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ path: 'data.items.0.packageCount' })]);
    expect(await storedApplications()).toEqual([]);
  });

  it('shows Chinese characters in a box as a finding next to the box', async () => {
    const data = goodApplication('RC');
    data.consignee.name = '韩国北方贸易公司';
    const response = await create(clerk, { typeCode: 'RC', data: { ...data, destinationCountry: 'KR' } });
    expect(response.json().findings).toContainEqual(
      expect.objectContaining({ code: 'chinese_characters', path: 'consignee.name', box: '2' }),
    );
  });

  it('refuses a 25 MB upload and a PDF that is really a program, storing nothing', async () => {
    const { id } = (await create(clerk, { typeCode: 'C', data: goodApplication('C') })).json();
    const big = await upload(clerk, id, 'invoice', {
      name: 'scan.pdf',
      content: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(25 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const program = await upload(clerk, id, 'invoice', {
      name: 'invoice.pdf',
      content: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00'), Buffer.alloc(2000)]),
    });
    expect(program.statusCode).toBe(400);
    expect(program.json().fields).toEqual([
      expect.objectContaining({ path: 'file', code: 'executable_refused' }),
    ]);
    expect(await api.runtime.deps.store.applications.listDocuments(id)).toEqual([]);
    // Only the demo seed's office seal and officer signature are stored; nothing of the refused uploads.
    expect(storedFiles()).toEqual(seededFiles);
    const incoming = path.join(api.runtime.filesDir, 'incoming');
    expect(fs.existsSync(incoming) ? fs.readdirSync(incoming) : []).toEqual([]);
  });

  it('removes a document attached by mistake while the application is a draft, and not after submission', async () => {
    const { id } = (await create(clerk, { typeCode: 'C', data: goodApplication('C') })).json();
    const wrong = (await upload(clerk, id, 'contract', { name: 'contract.pdf', content: PDF })).json();
    const stranger = await logIn(api.app, 'harbour.admin');
    const url = `/api/applications/${id}/documents/${wrong.id}`;
    expect((await api.app.inject({ method: 'DELETE', url, headers: stranger.headers })).statusCode).toBe(403);
    expect((await api.app.inject({ method: 'DELETE', url, headers: clerk.headers })).statusCode).toBe(204);
    expect((await api.app.inject({ method: 'DELETE', url, headers: clerk.headers })).statusCode).toBe(404);
    const invoice = (await upload(clerk, id, 'invoice', { name: 'invoice.pdf', content: PDF })).json();
    await call(clerk, 'POST', `/api/applications/${id}/submit`, {});
    const late = await api.app.inject({
      method: 'DELETE',
      url: `/api/applications/${id}/documents/${invoice.id}`,
      headers: clerk.headers,
    });
    expect(late.statusCode).toBe(409);
    expect(
      (await api.runtime.deps.store.applications.listDocuments(id)).map((document) => document.kind),
    ).toEqual(['invoice']);
  });

  it('creates one application for the same idempotency key twice, and refuses the key for another request', async () => {
    const key = { 'idempotency-key': 'erp-order-2026-0042' };
    const first = await create(clerk, { typeCode: 'C', data: goodApplication('C') }, key);
    const again = await create(clerk, { typeCode: 'C', data: goodApplication('C') }, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().id).toBe(first.json().id);
    const different = await create(clerk, { typeCode: 'E', data: goodApplication('E') }, key);
    expect(different.statusCode).toBe(409);
    expect(await storedApplications()).toHaveLength(1);
  });

  it('keeps the newer save when two people edit the same draft', async () => {
    const { id } = (await create(clerk, { typeCode: 'C' })).json();
    const admin = await logIn(api.app, 'ent.admin');
    const first = await call(admin, 'PUT', `/api/applications/${id}`, {
      expectedVersion: 1,
      data: goodApplication('C'),
    });
    expect(first.statusCode).toBe(200);
    const second = await call(clerk, 'PUT', `/api/applications/${id}`, { expectedVersion: 1, data: {} });
    expect(second.statusCode).toBe(409);
    expect(second.json().fields).toEqual([expect.objectContaining({ code: 'stale_version' })]);
    expect((await call(clerk, 'GET', `/api/applications/${id}`)).json().data.items).toHaveLength(1);
  });

  it('refuses to submit for an enterprise whose information is not synchronised', async () => {
    const newcomer = await logIn(api.app, 'new.admin');
    const mingda = newcomer.body.user.organisation.id;
    const created = await call(newcomer, 'POST', '/api/applications', {
      enterpriseId: mingda,
      typeCode: 'C',
      data: goodApplication('C'),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().blockers.map((blocker: { code: string }) => blocker.code)).toContain(
      'enterprise_not_synchronised',
    );
    await upload(newcomer, created.json().id, 'invoice', { name: 'invoice.pdf', content: PDF });
    const submitted = await call(newcomer, 'POST', `/api/applications/${created.json().id}/submit`, {});
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().code).toBe('ENTERPRISE_NOT_SYNCHRONISED');
    expect((await call(newcomer, 'GET', `/api/applications/${created.json().id}`)).json().status).toBe(
      'draft',
    );
  });

  it('copies an earlier application for a new shipment, leaving invoices, dates and commitment to fill', async () => {
    const { id } = (await create(clerk, { typeCode: 'RC', data: goodApplication('RC') })).json();
    const copy = await create(clerk, { typeCode: 'RC', copyFrom: id });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ copiedFrom: id, data: { invoices: [], commitment: false } });
    expect(copy.json().data.items).toEqual(goodApplication('RC').items);
  });

  describe('who sees and acts on applications', () => {
    it('keeps an enterprise’s applications from other enterprises and from offices that do not serve it', async () => {
      const { id } = (await create(clerk, { typeCode: 'C', data: goodApplication('C') })).json();
      const stranger = await logIn(api.app, 'harbour.admin');
      expect((await call(stranger, 'GET', `/api/applications/${id}`)).statusCode).toBe(403);
      expect((await call(stranger, 'GET', '/api/applications/no-such-id')).statusCode).toBe(403);
      expect((await call(stranger, 'GET', '/api/applications')).json().items).toEqual([]);
      const ownOffice = await logIn(api.app, 'officer.wang');
      expect((await call(ownOffice, 'GET', `/api/applications/${id}`)).statusCode).toBe(200);
      const otherOffice = await logIn(api.app, 'officer.zhao');
      expect((await call(otherOffice, 'GET', `/api/applications/${id}`)).statusCode).toBe(403);
      expect(
        (await call(ownOffice, 'PUT', `/api/applications/${id}`, { expectedVersion: 1, data: {} }))
          .statusCode,
      ).toBe(403);
      expect((await create(stranger, { typeCode: 'C' })).statusCode).toBe(403);
    });

    it('lets an agent apply only for the types the enterprise authorised, and only while authorised', async () => {
      const agent = await logIn(api.app, 'agent.li');
      const orient = agent.body.user.organisation.id;
      expect((await create(agent, { typeCode: 'C' })).statusCode).toBe(403);
      const admin = await logIn(api.app, 'ent.admin');
      const authorised = await call(admin, 'POST', `/api/enterprises/${everbright}/agents`, {
        agencyId: orient,
        certificateTypes: ['C'],
        validFrom: '2026-03-02',
        validUntil: '2026-12-31',
      });
      expect(authorised.statusCode).toBe(201);

      const made = await create(agent, { typeCode: 'C', data: goodApplication('C') });
      expect(made.statusCode).toBe(201);
      expect(made.json()).toMatchObject({ agencyId: orient, enterpriseId: everbright });
      expect((await create(agent, { typeCode: 'E' })).statusCode).toBe(403);
      // The enterprise sees what its agency filed; the agency sees its own, not the enterprise's.
      const own = (await create(clerk, { typeCode: 'C' })).json();
      expect((await call(clerk, 'GET', '/api/applications')).json().items).toHaveLength(2);
      expect(
        (await call(agent, 'GET', '/api/applications')).json().items.map((item: { id: string }) => item.id),
      ).toEqual([made.json().id]);
      expect((await call(agent, 'GET', `/api/applications/${own.id}`)).statusCode).toBe(403);

      await call(admin, 'POST', `/api/agent-authorisations/${authorised.json().id}/revoke`);
      expect((await call(agent, 'GET', `/api/applications/${made.json().id}`)).statusCode).toBe(403);
      expect(
        (await call(agent, 'PUT', `/api/applications/${made.json().id}`, { expectedVersion: 1, data: {} }))
          .statusCode,
      ).toBe(403);
    });
  });
});
