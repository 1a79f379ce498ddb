import fs from 'node:fs';
import path from 'node:path';
import { loadHsNomenclature } from '../src/adapters/reference/hs-nomenclature-file.js';
import type { HsNomenclature } from '../src/domain/hs-nomenclature.js';
import type { BillOfMaterials } from '../src/origin/bill-of-materials.js';
import { parseBillOfMaterials } from '../src/origin/bill-of-materials.js';
import { csvField } from '../src/origin/csv.js';
import type { OriginQuery } from '../src/origin/determine-origin.js';
import { determineOrigin } from '../src/origin/determine-origin.js';
import { loadOriginCatalogue, queryFor } from '../src/origin/origin-catalogue.js';
import { RULE_TABLE_COLUMNS, parseRuleTableCsv } from '../src/origin/rule-table.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';

export const name = 'origin';

const ORIGIN_DIR = path.resolve(import.meta.dirname, '..', 'data', 'origin');
const SECONDS = Number(process.env.ORIGO_BENCH_SECONDS ?? 5);

/** The shipped agreement profiles and product-specific rules, as the server will load them. */
function rcepQuery(): OriginQuery {
  const dir = (folder: string) => fs.readdirSync(path.join(ORIGIN_DIR, folder));
  const read = (...parts: string[]) => fs.readFileSync(path.join(ORIGIN_DIR, ...parts), 'utf8');
  const loaded = loadOriginCatalogue({
    agreements: dir('agreements').map((file) => ({
      name: file,
      content: JSON.parse(read('agreements', file)) as unknown,
    })),
    productSpecificRules: dir('psr').map((file) => ({ name: file, content: read('psr', file) })),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return queryFor(loaded.catalogue, 'RCEP', '2026-03-01')!;
}

/**
 * A stand mixer (HS 8509.40) with 50 bill lines as a producer declares them: parts from China, Japan (with
 * RCEP proof), Vietnam (without), Germany and of undetermined origin; retail and transport packing, an
 * accessory, an indirect material, a deduction with evidence and an in-house motor sub-assembly.
 */
function fiftyLineBill(): BillOfMaterials {
  const parts: Array<[string, string, string]> = [
    ['Gear housing', '8509.90', 'JP'],
    ['Planetary gear set', '8483.40', 'DE'],
    ['Bowl, stainless', '7323.93', 'CN'],
    ['Dough hook', '8509.90', 'CN'],
    ['Whisk', '8509.90', 'VN'],
    ['Flat beater', '8509.90', 'CN'],
    ['Speed switch', '8536.50', 'JP'],
    ['Power cord', '8544.42', 'CN'],
    ['Printed circuit board', '8534.00', 'undetermined'],
    ['Capacitor', '8532.24', 'KR'],
    ['Resistor', '8533.21', 'CN'],
    ['Thermal fuse', '8536.10', 'DE'],
    ['Bearing', '8482.10', 'JP'],
    ['Shaft', '8483.10', 'CN'],
    ['Seal ring', '4016.93', 'CN'],
    ['Rubber foot', '4016.99', 'CN'],
    ['Screw M4', '7318.15', 'CN'],
    ['Screw M5', '7318.15', 'CN'],
    ['Washer', '7318.22', 'CN'],
    ['Spring', '7320.20', 'CN'],
    ['Top cover', '3926.90', 'CN'],
    ['Base plate', '7616.99', 'CN'],
    ['Splash guard', '3926.90', 'VN'],
    ['Knob', '3926.90', 'CN'],
    ['Label plate', '3919.90', 'CN'],
    ['Cable clamp', '3926.90', 'CN'],
    ['Fan', '8414.59', 'JP'],
    ['Fan shroud', '3926.90', 'CN'],
    ['Grease', '3403.99', 'DE'],
    ['Insulating sleeve', '3917.32', 'CN'],
    ['Terminal', '8536.90', 'CN'],
    ['Connector', '8536.69', 'JP'],
    ['LED indicator', '8541.41', 'CN'],
    ['Speed sensor', '9031.80', 'DE'],
    ['Microcontroller', '8542.31', 'undetermined'],
    ['Heat sink', '7616.99', 'CN'],
    ['Gasket', '4016.93', 'CN'],
    ['Locking lever', '8509.90', 'CN'],
    ['Hinge pin', '7318.24', 'CN'],
    ['Pouring shield', '3924.10', 'CN'],
    ['Bowl clamp', '8509.90', 'CN'],
    ['Paint', '3208.90', 'DE'],
  ];
  const materials: unknown[] = parts.map(([partName, hsCode, originCountry], index) => ({
    name: partName,
    hsCode,
    originCountry,
    value: (35 + (index % 7) * 45) / 100,
    weightKg: (50 + (index % 5) * 20) / 1000,
    ...(originCountry === 'JP'
      ? { proofOfOrigin: { party: 'JP', agreements: ['RCEP'], document: `JP-${index}` } }
      : {}),
    ...(index === 1
      ? { deductions: [{ kind: 'inbound_transport', amount: 0.2, evidence: 'freight invoice 77' }] }
      : {}),
  }));
  materials.push(
    {
      name: 'Motor (wound in-house)',
      hsCode: '8501.40',
      originCountry: 'CN',
      value: 18.5,
      weightKg: 1.6,
      subAssembly: {
        materials: [
          { name: 'Copper wire', hsCode: '7408.11', originCountry: 'undetermined', value: 4.2 },
          { name: 'Stator laminations', hsCode: '8503.00', originCountry: 'JP', value: 3.1 },
          { name: 'Rotor shaft', hsCode: '8483.10', originCountry: 'CN', value: 1.4 },
          { name: 'Brushes', hsCode: '8545.20', originCountry: 'DE', value: 0.9 },
        ],
        processes: [{ description: 'winding, assembly and balancing' }],
      },
    },
    { name: 'Recipe booklet', hsCode: '4901.99', originCountry: 'CN', value: 0.4, role: 'accessory' },
    { name: 'Pouring spout (spare)', hsCode: '3924.10', originCountry: 'VN', value: 0.6, role: 'accessory' },
    { name: 'Gift box', hsCode: '4819.10', originCountry: 'CN', value: 1.2, role: 'retail_packing' },
    { name: 'Foam inserts', hsCode: '3923.90', originCountry: 'CN', value: 0.5, role: 'retail_packing' },
    { name: 'Export carton', hsCode: '4819.10', originCountry: 'CN', value: 0.8, role: 'transport_packing' },
    {
      name: 'Pallet share',
      hsCode: '4415.20',
      originCountry: 'undetermined',
      value: 0.3,
      role: 'transport_packing',
    },
    { name: 'Machine oil', hsCode: '2710.19', originCountry: 'DE', value: 0.1, role: 'indirect' },
  );
  const parsed = parseBillOfMaterials({
    product: {
      hsCode: '8509400000',
      names: { zh: '厨师机', en: 'Stand mixer' },
      model: 'SM-700',
      unit: 'PCS',
      exWorksPrice: 92,
      fobPrice: 100,
      netWeightKg: 6.4,
    },
    materials,
    processes: [
      { description: 'injection moulding of covers' },
      { description: 'PCB assembly and programming' },
      { description: 'final assembly and run test' },
      { description: 'packing in gift boxes', minimalOperation: 'packing' },
    ],
    valueAdded: { directLabour: 9.5, directOverhead: 6, profit: 8, otherCosts: 2.5 },
  });
  if (!parsed.ok) throw new Error(`bench bill: ${JSON.stringify(parsed.problems)}`);
  if (parsed.bill.materials.length !== 50)
    throw new Error(`bench bill has ${parsed.bill.materials.length} lines`);
  return parsed.bill;
}

/** Determinations per second of the 50-line bill against RCEP, one after another on this thread. */
function evaluationsPerSecond(): { rate: number; summary: string } {
  const bill = fiftyLineBill();
  const query = rcepQuery();
  const first = determineOrigin(bill, query);
  if (first.status !== 'MET') throw new Error(`bench bill should originate under RCEP: ${first.summary}`);
  for (let warm = 0; warm < 20_000; warm++) determineOrigin(bill, query);
  let done = 0;
  const startedAt = performance.now();
  const until = startedAt + SECONDS * 1000;
  while (performance.now() < until) {
    for (let batch = 0; batch < 200; batch++) determineOrigin(bill, query);
    done += 200;
  }
  return { rate: done / ((performance.now() - startedAt) / 1000), summary: first.summary };
}

const RULES = [
  'CTSH | RVC(40)',
  'CTH | RVC(40)',
  'CC',
  'CTH',
  'CTSH',
  'RVC(40)',
  'CC | RVC(40)',
  'CTH except 8501-8504 | RVC(40)',
  'CTSH from 2901, 2902 | RVC(45)',
  'CC & MAXNOM(50, EXW)',
  'CTH | PROCESS("chemical reaction") | RVC(40)',
  'CC except 5201-5207 | WEIGHT(10) & RVC(40, build-up)',
];

/** A 6,000-row table: every HS 2022 subheading (5,612) and the first headings, rules as Annex 3A writes them. */
function sixThousandRows(hs: HsNomenclature): string {
  const csv = fs.readFileSync(
    path.resolve(import.meta.dirname, '..', 'data', 'hs2022', 'hs2022.csv'),
    'utf8',
  );
  const codes = csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[1] ?? '')
    .filter((code) => hs.get(code) !== undefined);
  const subheadings = codes.filter((code) => code.length === 6);
  const headings = codes.filter((code) => code.length === 4).slice(0, 6000 - subheadings.length);
  const lines = [RULE_TABLE_COLUMNS.join(',')];
  [...subheadings, ...headings].forEach((code, index) => {
    const scope = code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : code;
    lines.push(
      [
        scope,
        csvField(RULES[index % RULES.length]!),
        csvField('RCEP Annex 3A Product-Specific Rules, HS 2022 transposition'),
        String(1 + Math.floor(index / 12)),
        'HS 2022',
        '2023-01-01',
        index % 50 === 0 ? '2027-12-31' : '',
        index % 9 === 0 ? csvField('transposed from HS 2017, unchanged') : '',
      ].join(','),
    );
  });
  if (lines.length !== 6001) throw new Error(`generated ${lines.length - 1} rows`);
  return lines.join('\n');
}

/** Milliseconds to parse and validate the table (every rule parsed, every code checked in HS 2022). */
function tableLoad(hs: HsNomenclature): { cold: number; warmMedian: number } {
  const text = sixThousandRows(hs);
  const load = () => {
    const startedAt = performance.now();
    const result = parseRuleTableCsv(text, { agreement: 'RCEP', nomenclature: hs });
    const elapsed = performance.now() - startedAt;
    if (!result.ok)
      throw new Error(`generated table refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
    if (result.table.rows.length !== 6000) throw new Error('rows lost');
    return elapsed;
  };
  const cold = load();
  const warm = Array.from({ length: 15 }, load).sort((a, b) => a - b);
  return { cold, warmMedian: warm[Math.floor(warm.length / 2)]! };
}

/** What people type in the HS search box: code prefixes with and without dots, and words. */
const QUERIES = [
  '8509',
  '8509.40',
  '850940',
  '85',
  '6109',
  '0101',
  '84',
  '8471.30',
  'motor',
  'electric motors',
  'vacuum cleaners',
  'food grinders',
  'cotton t-shirts',
  'parts',
  'of iron or steel',
  'lithium batteries',
  'plastics',
  'frozen fish fillets',
  'wine',
  'footwear leather',
  'furniture wooden',
  'toys',
  'machines',
  'solar',
  'telephones smartphones',
];

/** 99th percentile of single HS searches, in milliseconds. */
function hsSearchP99(hs: HsNomenclature): { p99: number; median: number; count: number } {
  for (let warm = 0; warm < 20; warm++) for (const query of QUERIES) hs.search(query);
  const times: number[] = [];
  for (let round = 0; round < 200; round++) {
    for (const query of QUERIES) {
      const startedAt = performance.now();
      hs.search(query);
      times.push(performance.now() - startedAt);
    }
  }
  times.sort((a, b) => a - b);
  return {
    p99: times[Math.floor(times.length * 0.99)]!,
    median: times[Math.floor(times.length / 2)]!,
    count: times.length,
  };
}

/**
 * The origin engine's figures (issue 7): a 50-line bill against RCEP at least 50,000 determinations per
 * second on one core; a 6,000-row product-specific rule table parsed and validated in under 200 ms; HS
 * search under 5 ms at the 99th percentile.
 */
export async function run(): Promise<Figure[]> {
  const evaluations = evaluationsPerSecond();
  console.error(
    `  50-line bill against RCEP: ${Math.round(evaluations.rate)} determinations/s (${evaluations.summary})`,
  );
  const hs = loadHsNomenclature();
  const table = tableLoad(hs);
  console.error(
    `  6,000-row table: first load ${table.cold.toFixed(1)} ms, warm median ${table.warmMedian.toFixed(1)} ms`,
  );
  const search = hsSearchP99(hs);
  console.error(
    `  HS search: ${search.count} searches, median ${search.median.toFixed(3)} ms, p99 ${search.p99.toFixed(3)} ms`,
  );
  return [
    {
      name: 'determine origin of a 50-line bill against RCEP, one core',
      value: round(evaluations.rate),
      unit: 'determinations/s',
      target: '>= 50000/s',
      check: { op: '>=', value: 50_000 },
    },
    {
      name: 'parse and validate a 6,000-row rule table, first load',
      value: round(table.cold, 1),
      unit: 'ms',
      target: '<= 200 ms',
      check: { op: '<=', value: 200 },
    },
    {
      name: 'parse and validate a 6,000-row rule table, warm median',
      value: round(table.warmMedian, 1),
      unit: 'ms',
      target: null,
    },
    {
      name: 'HS search p99',
      value: round(search.p99, 3),
      unit: 'ms',
      target: '<= 5 ms',
      check: { op: '<=', value: 5 },
    },
  ];
}
