import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TestApi } from '../support/http.js';
import { logIn, openTestApi } from '../support/http.js';
import { describeEachDatabase } from '../support/runtime.js';

const example = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '..', '..', 'docs', 'origin', 'example-grinder.json'),
    'utf8',
  ),
) as { bill: Record<string, unknown>; agreements: string[]; date: string };

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
});
