import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { multipart } from '../support/multipart.js';
import { describeEachDatabase } from '../support/runtime.js';

const example = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '..', '..', 'docs', 'origin', 'example-grinder.json'),
    'utf8',
  ),
) as { bill: Record<string, unknown>; agreements: string[]; date: string };
const grinderCsv = fs.readFileSync(
  path.join(import.meta.dirname, '..', '..', 'docs', 'origin', 'grinder.csv'),
);
const grinderXlsx = fs.readFileSync(
  path.join(import.meta.dirname, '..', '..', 'docs', 'origin', 'grinder.xlsx'),
);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDatabase('origin evaluation over HTTP', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(dialect);
  });
  afterEach(async () => {
    await api.close();
  });

  it('evaluates the documented bill of materials under three agreements side by side, for any user', async () => {
    const clerk = await logIn(api.app, 'ent.clerk');
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/origin/evaluations',
      headers: clerk.headers,
      payload: example,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual([
      expect.objectContaining({
        agreement: 'RCEP',
        status: 'MET',
        criterion: 'CTC',
        ruleSource: 'product_specific',
      }),
      expect.objectContaining({ agreement: 'ACFTA', status: 'MET', criterion: 'CTH', ruleSource: 'general' }),
      expect.objectContaining({ agreement: 'NONPREFERENTIAL', status: 'MET', originCountry: 'CN' }),
    ]);
    expect(response.json().determinations[0].summary).toContain('product-specific rule 8509.40');
    expect(
      (await api.app.inject({ method: 'POST', url: '/api/origin/evaluations', payload: example })).statusCode,
    ).toBe(401);
  });

  it('imports the documented bill from XLSX (multipart) and CSV (raw body), which evaluate exactly as the JSON one', async () => {
    const clerk = await logIn(api.app, 'ent.clerk');
    const upload = multipart({}, { name: 'grinder.xlsx', type: XLSX_TYPE, content: grinderXlsx });
    const fromXlsx = await api.app.inject({
      method: 'POST',
      url: '/api/origin/bills-of-materials/import',
      headers: { ...clerk.headers, 'content-type': upload.contentType },
      payload: upload.payload,
    });
    expect(fromXlsx.statusCode).toBe(200);
    expect(fromXlsx.json().format).toBe('xlsx');
    // The name says nothing: a CSV sent as octet-stream is recognised by its content.
    const fromCsv = await api.app.inject({
      method: 'POST',
      url: '/api/origin/bills-of-materials/import',
      headers: { ...clerk.headers, 'content-type': 'application/octet-stream' },
      payload: grinderCsv,
    });
    expect(fromCsv.json()).toStrictEqual({ format: 'csv', bill: fromXlsx.json().bill });
    const evaluate = async (bill: unknown) =>
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/origin/evaluations',
          headers: clerk.headers,
          payload: { ...example, bill },
        })
      ).json();
    expect(await evaluate(fromXlsx.json().bill)).toStrictEqual(await evaluate(example.bill));
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/origin/bills-of-materials/import',
          headers: { 'content-type': 'text/csv' },
          payload: grinderCsv,
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses a wrong CSV cell by cell, a damaged workbook with its reason, and a file over the limit', async () => {
    const officer = await logIn(api.app, 'officer.wang');
    const post = (payload: Buffer, contentType: string) =>
      api.app.inject({
        method: 'POST',
        url: '/api/origin/bills-of-materials/import',
        headers: { ...officer.headers, 'content-type': contentType },
        payload,
      });
    const wrong = Buffer.from(
      grinderCsv
        .toString('utf8')
        .replace('1,1,Universal motor,850140,JP,,,,30,', '1,1,Universal motor,85014X,JP,,,,30 USD,'),
    );
    const refused = await post(wrong, 'text/csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [
        { path: 'Materials!D15', code: 'invalid', message: expect.stringContaining('HS code "85014X"') },
        {
          path: 'Materials!I15',
          code: 'not_a_number',
          message: expect.stringContaining('write digits only'),
        },
      ],
    });
    const damaged = await post(grinderXlsx.subarray(0, 3000), XLSX_TYPE);
    expect(damaged.statusCode).toBe(400);
    expect(damaged.json().fields).toEqual([
      { path: '', code: 'unreadable_workbook', message: expect.stringMatching(/damaged/) },
    ]);
    const tooLarge = multipart(
      {},
      { name: 'huge.csv', type: 'text/csv', content: Buffer.alloc(6 * 1024 * 1024, 0x41) },
    );
    const refusedLarge = await api.app.inject({
      method: 'POST',
      url: '/api/origin/bills-of-materials/import',
      headers: { ...officer.headers, 'content-type': tooLarge.contentType },
      payload: tooLarge.payload,
    });
    expect(refusedLarge.statusCode).toBe(413);
    expect((await post(Buffer.alloc(6 * 1024 * 1024, 0x41), 'text/csv')).statusCode).toBe(413);
  });

  it('lists the agreements with their certificate types and minimal operations, for forms', async () => {
    const clerk = await logIn(api.app, 'ent.clerk');
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/origin/agreements',
      headers: clerk.headers,
    });
    expect(response.statusCode).toBe(200);
    const rcep = response.json().items.find((item: { id: string }) => item.id === 'RCEP');
    expect(rcep).toMatchObject({ kind: 'preferential', certificateTypes: ['RC', 'BR'] });
    expect(rcep.minimalOperations).toContainEqual(expect.objectContaining({ code: 'packing' }));
    expect((await api.app.inject({ method: 'GET', url: '/api/origin/agreements' })).statusCode).toBe(401);
  });

  it('names the field of a broken bill and an unknown agreement', async () => {
    const officer = await logIn(api.app, 'officer.wang');
    const bill = { ...example.bill, product: { ...(example.bill.product as object), hsCode: '85094' } };
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/origin/evaluations',
      headers: officer.headers,
      payload: { bill, agreements: ['RCEP', 'MERCOSUR'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'bill.product.hsCode' }),
        expect.objectContaining({ path: 'agreements.1', code: 'unknown_agreement' }),
      ]),
    );
  });

  it('imports a rule table as a pending version with its diff, refuses a wrong one row by row, and applies it once activated', async () => {
    const admin = await logIn(api.app, 'admin');
    const post = (payload: Record<string, unknown>) =>
      api.app.inject({ method: 'POST', url: '/api/origin/rule-tables', headers: admin.headers, payload });
    const header = 'hs,rule,document,page,version,valid_from,valid_to';
    const wrong = await post({
      agreement: 'RCEP',
      format: 'csv',
      sourceName: 'annex-3a.csv',
      content: [
        header,
        '8509.40,CTSH | RVC(,Annex 3A,12,2022,2022-01-01,',
        '9999.99,CTH,Annex 3A,12,2022,2022-01-01,',
      ].join('\n'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^row 2/), expect.stringMatching(/^row 3/)]),
    );
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: '/api/origin/rule-tables?agreement=RCEP',
          headers: admin.headers,
        })
      ).json().items,
    ).toEqual([]);

    // The new version makes the grinder's heading a stricter rule: change of heading only.
    const imported = await post({
      agreement: 'RCEP',
      format: 'csv',
      sourceName: 'annex-3a-v2.csv',
      content: [
        header,
        '8509.40,CTH,RCEP Annex 3A,112,HS2022-v2,2022-01-01,',
        '8509.80,CTSH | RVC(40),RCEP Annex 3A,112,HS2022-v2,2022-01-01,',
      ].join('\n'),
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({
      version: 1,
      status: 'pending',
      diff: { changed: 2, removed: 1 },
    });
    // Both rows come from a new source; 8509.40's rule itself changes, and 8509.90 is gone.
    expect(imported.json().diff.lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('CTSH | RVC(40) → CTH'),
        expect.stringMatching(/^removed 8509\.90/),
      ]),
    );
    const clerk = await logIn(api.app, 'ent.clerk');
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: `/api/origin/rule-tables/${imported.json().id}/activate`,
          headers: clerk.headers,
        })
      ).statusCode,
    ).toBe(403);
    const evaluate = async () =>
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/origin/evaluations',
          headers: clerk.headers,
          payload: { ...example, agreements: ['RCEP'] },
        })
      ).json();
    expect((await evaluate()).determinations[0].rule.rule).toBe('CTSH | RVC(40)');
    const activated = await api.app.inject({
      method: 'POST',
      url: `/api/origin/rule-tables/${imported.json().id}/activate`,
      headers: admin.headers,
    });
    expect(activated.json()).toMatchObject({ status: 'active' });
    expect((await evaluate()).determinations[0].rule.rule).toBe('CTH');
  });
});
