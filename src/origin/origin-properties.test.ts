import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BillOfMaterials } from './bill-of-materials.js';
import { MATERIAL_ROLES, parseBillOfMaterials } from './bill-of-materials.js';
import type { OriginQuery } from './determine-origin.js';
import { csvField } from './csv.js';
import { determineOrigin } from './determine-origin.js';
import type { ValueContentEvaluation } from './evaluate.js';
import { evaluateRule } from './evaluate.js';
import { loadOriginCatalogue, queryFor } from './origin-catalogue.js';
import { buildOriginFacts } from './origin-facts.js';
import { parseRule } from './rule-language.js';
import { parseRuleTableCsv } from './rule-table.js';

const ORIGIN_DIR = path.resolve(import.meta.dirname, '..', '..', 'data', 'origin');
const catalogue = (() => {
  const dir = (name: string) => fs.readdirSync(path.join(ORIGIN_DIR, name));
  const read = (...parts: string[]) => fs.readFileSync(path.join(ORIGIN_DIR, ...parts), 'utf8');
  const loaded = loadOriginCatalogue({
    agreements: dir('agreements').map((name) => ({
      name,
      content: JSON.parse(read('agreements', name)) as unknown,
    })),
    productSpecificRules: dir('psr').map((name) => ({ name, content: read('psr', name) })),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.catalogue;
})();
const DAY = '2026-03-01';
/** ORIGO_PROPERTY_RUNS=20000 searches harder than the default run. */
const RUNS = Number(process.env.ORIGO_PROPERTY_RUNS ?? 300);
const shippedQueries = ['RCEP', 'ACFTA', 'CKFTA', 'NONPREFERENTIAL'].map((id) =>
  queryFor(catalogue, id, DAY)!,
);
const rcep = shippedQueries[0]!;

/** Money with two decimals at most, from whole cents, so that every generated amount passes the schema. */
const money = (max = 100_000_00) => fc.integer({ min: 0, max }).map((cents) => cents / 100);
const positiveMoney = (max = 100_000_00) => fc.integer({ min: 1, max }).map((cents) => cents / 100);
const kilograms = fc.option(
  fc.integer({ min: 0, max: 10_000_000 }).map((grams) => grams / 1000),
  { nil: null },
);
const hsCode = fc.oneof(
  fc.constantFrom('8509.40', '8509.90', '8501.10', '8503.00', '3926.90', '7408.11', '6117.80', '85', '8509'),
  fc.stringMatching(/^\d{4}(\d{2}(\d{2}(\d{2})?)?)?$/),
);
const country = fc.constantFrom('CN', 'JP', 'KR', 'VN', 'DE', 'US', 'undetermined');
const processes = fc.array(
  fc.record({
    description: fc.constantFrom('assembly', 'winding', 'packing', 'labelling', 'cutting'),
    minimalOperation: fc.constantFrom(null, 'packing', 'marking', 'simple_cutting', 'simple_assembly'),
  }),
  { maxLength: 3 },
);

interface MaterialInput {
  name: string;
  hsCode: string;
  originCountry: string;
  value: number;
  [key: string]: unknown;
}

const material = (subAssembly: fc.Arbitrary<unknown>): fc.Arbitrary<MaterialInput> =>
  fc.record(
    {
      name: fc.constantFrom('Motor', 'Jar', 'Blade', 'Housing', 'Screw', '电机'),
      hsCode,
      originCountry: country,
      proofOfOrigin: fc.option(
        fc.record({
          party: fc.constantFrom('JP', 'KR', 'VN', 'DE'),
          agreements: fc.subarray(['RCEP', 'ACFTA', 'CKFTA']),
        }),
        { nil: null },
      ),
      value: money(),
      weightKg: kilograms,
      role: fc.constantFrom(...MATERIAL_ROLES),
      deductions: fc.array(
        fc.record({
          kind: fc.constantFrom(
            'inbound_transport' as const,
            'duties_not_refunded' as const,
            'waste_net_of_scrap' as const,
          ),
          amount: money(10_000_00),
          evidence: fc.constantFrom('', 'invoice 1'),
        }),
        { maxLength: 2 },
      ),
      subAssembly,
    },
    { requiredKeys: ['name', 'hsCode', 'originCountry', 'value'] },
  );

const assembly = (depth: number): fc.Arbitrary<unknown> =>
  fc.record({
    materials: fc.array(
      material(depth > 0 ? fc.option(assembly(depth - 1), { nil: null }) : fc.constant(null)),
      {
        maxLength: depth > 0 ? 3 : 2,
      },
    ),
    processes,
    valueAdded: fc.option(
      fc.record({ directLabour: money(), directOverhead: money(), profit: money(), otherCosts: money() }),
      { nil: null },
    ),
    whollyObtained: fc.option(fc.record({ category: fc.constant('plants harvested') }), { nil: null }),
  });

/** Raw bills as a client might send them; the schema decides which are bills. */
const rawBill = fc
  .tuple(
    fc.record({
      hsCode: fc.oneof(
        fc.constantFrom('8509400000', '8509900000', '6109100000', '8516790000'),
        fc.stringMatching(/^\d{10}$/),
      ),
      names: fc.constant({ zh: '产品', en: 'Product' }),
      unit: fc.constant('PCS'),
      exWorksPrice: positiveMoney(),
      fobPrice: positiveMoney(),
      netWeightKg: fc.integer({ min: 1, max: 10_000_000 }).map((grams) => grams / 1000),
    }),
    assembly(2),
  )
  .map(([product, rest]) => ({ product, ...(rest as object) }));

const billFrom = (raw: unknown): BillOfMaterials | null => {
  const parsed = parseBillOfMaterials(raw);
  return parsed.ok ? parsed.bill : null;
};

/** Tables under which random bills are also evaluated: every kind of leaf, and undecidable ones. */
const extraQueries: OriginQuery[] = [
  ['8509', 'CTH except 8501-8504 & MAXNOM(50, EXW) | RVC(35, build-up)'],
  ['85', 'CC | WEIGHT(20) & PROCESS("winding")'],
  ['61', 'CC | RVC(40)'],
  ['8516-8530', 'CTSH from 8516, 85 | WO'],
].map(([hs, rule]) => {
  const parsed = parseRuleTableCsv(
    `hs,rule,document,page,version,valid_from\n${hs},${csvField(rule!)},test,1,v,2020-01-01`,
    {
      agreement: 'RCEP',
    },
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { ...rcep, table: parsed.table };
});

const rvcContent = (bill: BillOfMaterials, method: 'build-down' | 'build-up'): number | null => {
  const facts = buildOriginFacts(
    bill,
    {
      hsCode: bill.product.hsCode,
      name: 'p',
      fob: Math.round(bill.product.fobPrice * 100),
      exWorks: 1,
      weight: null,
    },
    rcep.profile,
    { subAssemblies: [] },
  );
  const rule = parseRule(method === 'build-down' ? 'RVC(40)' : 'RVC(40, build-up)');
  if (!rule.ok) throw new Error('rule');
  const content = (evaluateRule(rule.rule, facts) as ValueContentEvaluation).content;
  return content === null ? null : Math.round(Number(content) * 100);
};

describe('origin engine: properties', () => {
  it('adding non-originating value never raises the regional value content (build-down or build-up)', () => {
    fc.assert(
      fc.property(
        rawBill,
        positiveMoney(),
        fc.constantFrom('DE', 'undetermined', 'VN'),
        (raw, added, origin) => {
          const bill = billFrom(raw);
          fc.pre(bill !== null);
          const more = billFrom({
            ...(raw as object),
            materials: [
              ...bill!.materials,
              { name: 'Added part', hsCode: '7318.15', originCountry: origin, value: added },
            ],
          })!;
          for (const method of ['build-down', 'build-up'] as const) {
            const before = rvcContent(bill!, method);
            const after = rvcContent(more, method);
            if (before !== null && after !== null) expect(after).toBeLessThanOrEqual(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('raising the value of a non-originating material never raises the build-down content', () => {
    fc.assert(
      fc.property(rawBill, money(), money(), (raw, value, extra) => {
        const withPart = (amount: number) =>
          billFrom({
            ...(raw as object),
            materials: [
              ...(raw as unknown as { materials: unknown[] }).materials,
              { name: 'Imported part', hsCode: '8503.00', originCountry: 'DE', value: amount },
            ],
          });
        const bill = withPart(value);
        fc.pre(bill !== null);
        const raised = withPart((Math.round(value * 100) + Math.round(extra * 100)) / 100)!;
        expect(rvcContent(raised, 'build-down')!).toBeLessThanOrEqual(rvcContent(bill!, 'build-down')!);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on a bill that passes the schema, and always explains an answer that is not MET', () => {
    const statuses = new Set(['MET', 'NOT_MET', 'UNKNOWN']);
    let evaluated = 0;
    fc.assert(
      fc.property(rawBill, (raw) => {
        const bill = billFrom(raw);
        fc.pre(bill !== null);
        evaluated += 1;
        for (const query of [...shippedQueries, ...extraQueries]) {
          const result = determineOrigin(bill!, query);
          expect(statuses.has(result.status)).toBe(true);
          expect(
            result.problems.filter((problem) => !/names no origin criterion code/.test(problem)),
          ).toEqual([]);
          expect(() => JSON.stringify(result)).not.toThrow();
          if (result.status === 'MET' && query.profile.criteria && shippedQueries.includes(query))
            expect(result.criterion).not.toBeNull();
          if (result.status !== 'MET' && shippedQueries.includes(query))
            expect(result.advice.length).toBeGreaterThan(0);
          if (result.status === 'MET') expect(result.advice).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
    expect(evaluated).toBeGreaterThan(100);
  });

  it('never throws even when handed something the schema would refuse', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const result = determineOrigin(junk as BillOfMaterials, rcep);
        expect(result.status).toBe('UNKNOWN');
        expect(determineOrigin(junk as BillOfMaterials, junk as OriginQuery).status).toBe('UNKNOWN');
      }),
      { numRuns: 200 },
    );
  });
});
