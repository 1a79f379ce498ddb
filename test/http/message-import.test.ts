import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { goodApplication } from '../support/applications.js';
import type { TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { messageOf, messagesToXml } from '../support/messages.js';
import { describeEachDatabase } from '../support/runtime.js';

const HARBOUR_USCC = '91330206MA2H3C8N52';

describeEachDatabase('application message import', (dialect) => {
  let api: TestApi;
  let bearer: { authorization: string };
  beforeEach(async () => {
    api = await openTestApi(dialect);
    // The ERP talks to Origo with the enterprise's API key, as a system client would.
    const admin = await logIn(api.app, 'ent.admin');
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/organisations/${admin.body.user.organisation.id}/api-keys`,
      headers: admin.headers,
      payload: { name: 'ERP' },
    });
    bearer = { authorization: `Bearer ${created.json().secret}` };
  });
  afterEach(async () => {
    await api.close();
  });

  const importBody = (payload: string | Record<string, unknown>, contentType = 'application/json') =>
    api.app.inject({
      method: 'POST',
      url: '/api/applications/imports',
      headers: { ...bearer, 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const storedFileCount = () =>
    fs.existsSync(api.runtime.filesDir)
      ? fs
          .readdirSync(api.runtime.filesDir, { recursive: true })
          .filter((name) => /^[0-9a-f]{64}$/.test(path.basename(String(name)))).length
      : 0;

  /** Files the demo seed stored (the office seal and an officer's signature). */
  let seededFileCount = 0;
  beforeEach(() => {
    seededFileCount = storedFileCount();
  });

  /** Two good messages, and bad ones each broken in one way; one bad one carries a document too. */
  function mixedFile() {
    const unknownHs = goodApplication('RC');
    unknownHs.items[0]!.hsCode = '610980';
    const chinese = goodApplication('C');
    chinese.consignee.name = '北欧家居贸易公司';
    const badDate = goodApplication('E');
    badDate.invoices[0]!.date = '2026-03-06';
    return [
      messageOf('RC', goodApplication('RC'), { messageId: 'ERP-0001' }),
      messageOf('C', goodApplication('C'), { messageId: 'ERP-0002', submit: false }, []),
      messageOf('RC', unknownHs, { messageId: 'ERP-0003' }),
      messageOf('C', chinese, { messageId: 'ERP-0004' }),
      messageOf('E', badDate, { messageId: 'ERP-0005' }),
      messageOf('C', goodApplication('C'), { messageId: 'ERP-0006', uscc: HARBOUR_USCC }),
      messageOf('Q', goodApplication('C'), { messageId: 'ERP-0007' }),
      { header: { messageId: 'ERP-0008' } },
      messageOf('C', goodApplication('C'), { messageId: 'ERP-0009' }, [
        {
          kind: 'invoice',
          fileName: 'invoice.pdf',
          content: Buffer.from('MZ\x90\x00program').toString('base64'),
        },
      ]),
    ];
  }

  it('accepts the good messages and rejects the bad ones with coded reasons, leaving nothing of them', async () => {
    const response = await importBody({ messages: mixedFile() });
    expect(response.statusCode).toBe(200);
    const { receipts, accepted, rejected } = response.json();
    expect([accepted, rejected]).toEqual([2, 7]);
    const byId = Object.fromEntries(
      receipts.map((receipt: { messageId: string }) => [receipt.messageId, receipt]),
    );
    expect(byId['ERP-0001']).toMatchObject({
      status: 'accepted',
      applicationStatus: 'submitted',
      duplicate: false,
    });
    expect(byId['ERP-0002']).toMatchObject({ status: 'accepted', applicationStatus: 'draft' });
    expect(byId['ERP-0003'].findings).toContainEqual(expect.objectContaining({ code: 'hs_unknown' }));
    expect(byId['ERP-0004'].findings).toContainEqual(expect.objectContaining({ code: 'chinese_characters' }));
    expect(byId['ERP-0005'].findings).toContainEqual(
      expect.objectContaining({ code: 'invoice_after_shipment' }),
    );
    expect(byId['ERP-0006'].errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(byId['ERP-0007'].errors).toEqual([
      expect.objectContaining({ path: 'typeCode', code: 'unknown_type' }),
    ]);
    expect(byId['ERP-0008'].errors.map((error: { path: string }) => error.path)).toContain(
      'header.enterpriseUscc',
    );
    expect(byId['ERP-0009'].errors).toEqual([
      expect.objectContaining({ path: 'documents.0', code: 'executable_refused' }),
    ]);
    for (const receipt of receipts.filter((entry: { status: string }) => entry.status === 'rejected'))
      expect(receipt.applicationId).toBeNull();

    const stored = await api.runtime.deps.store.applications.list({ limit: 100 });
    expect(stored.map((application) => application.id).sort()).toEqual(
      [byId['ERP-0001'].applicationId, byId['ERP-0002'].applicationId].sort(),
    );
    expect(stored.every((application) => application.channel === 'message')).toBe(true);
    expect(storedFileCount() - seededFileCount).toBe(1); // ERP-0001's invoice; nothing of ERP-0009
    const submitted = stored.find((application) => application.status === 'submitted')!;
    expect(await api.runtime.deps.store.applications.listDocuments(submitted.id)).toHaveLength(1);
  });

  it('answers a file imported twice from what the first import created', async () => {
    const file = { messages: mixedFile().slice(0, 2) };
    const first = (await importBody(file)).json();
    const second = (await importBody(file)).json();
    expect(second.receipts.map((receipt: { duplicate: boolean }) => receipt.duplicate)).toEqual([true, true]);
    expect(second.receipts.map((receipt: { applicationId: string }) => receipt.applicationId)).toEqual(
      first.receipts.map((receipt: { applicationId: string }) => receipt.applicationId),
    );
    expect(await api.runtime.deps.store.applications.list({ limit: 100 })).toHaveLength(2);
  });

  it('reads the same messages from XML', async () => {
    const response = await importBody(messagesToXml(mixedFile()), 'application/xml');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 2, rejected: 7 });
  });

  it('refuses an XML file with a DOCTYPE (entity expansion) and a file without messages', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ApplicationMessages/>';
    expect((await importBody(bomb, 'application/xml')).json().code).toBe('MALFORMED_REQUEST');
    expect((await importBody({ nothing: [] })).json().code).toBe('VALIDATION_FAILED');
    expect(await api.runtime.deps.store.applications.list({ limit: 100 })).toEqual([]);
  });
});

describeEachDatabase('the documented message examples (docs/messages)', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(dialect);
  });
  afterEach(async () => {
    await api.close();
  });

  it.each([
    ['example.json', 'application/json'],
    ['example.xml', 'application/xml'],
  ])('%s imports as docs/messages.md says: one submitted, one draft', async (file, contentType) => {
    const clerk = await logIn(api.app, 'ent.clerk');
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/applications/imports',
      headers: { ...clerk.headers, 'content-type': contentType },
      payload: fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'messages', file), 'utf8'),
    });
    expect(
      response.json().receipts.map((receipt: { applicationStatus: string }) => receipt.applicationStatus),
    ).toEqual(['submitted', 'draft']);
  });

  it('publishes the JSON Schema the server checks messages with', async () => {
    const { MESSAGE_SCHEMA_FILE, messageJsonSchema } = await import('../../scripts/write-message-schema.js');
    expect(
      fs.readFileSync(MESSAGE_SCHEMA_FILE, 'utf8'),
      'docs/messages/application-message.schema.json is stale: run npx tsx scripts/write-message-schema.ts',
    ).toBe(messageJsonSchema());
  });
});
