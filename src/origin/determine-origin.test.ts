import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementProfile } from './agreement-profile.js';
import type { BillOfMaterials, BillOfMaterialsInput } from './bill-of-materials.js';
import { parseBillOfMaterials } from './bill-of-materials.js';
import type { OriginQuery } from './determine-origin.js';
import { compareAgreements, determineOrigin } from './determine-origin.js';
import type { RuleEvaluation, TariffChangeEvaluation, ValueContentEvaluation } from './evaluate.js';
import { evaluateRule } from './evaluate.js';
import type { OriginCatalogue } from './origin-catalogue.js';
import { loadOriginCatalogue, queryFor } from './origin-catalogue.js';
import { buildOriginFacts } from './origin-facts.js';
import { parseRule } from './rule-language.js';
import type { RuleTable } from './rule-table.js';
import { parseRuleTableCsv } from './rule-table.js';

const ORIGIN_DIR = path.resolve(import.meta.dirname, '..', '..', 'data', 'origin');
const catalogue: OriginCatalogue = (() => {
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
const query = (agreement: string): OriginQuery => queryFor(catalogue, agreement, DAY)!;
const profile = (agreement: string): AgreementProfile => query(agreement).profile;

/** A table of one agreement from CSV rows `hs,rule`, for articles the shipped rows do not exercise. */
function table(agreement: string, ...rows: Array<[string, string]>): RuleTable {
  const csv = [
    'hs,rule,document,page,version,valid_from',
    ...rows.map(([hs, rule]) => `${hs},"${rule}",test,1,test,2022-01-01`),
  ];
  const parsed = parseRuleTableCsv(csv.join('\n'), { agreement });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.table;
}

/** A food grinder of HS 8509.40 at FOB 100.00 (EXW 90.00), assembled and tested in China. */
function grinder(overrides: Partial<BillOfMaterialsInput> = {}): BillOfMaterials {
  const parsed = parseBillOfMaterials({
    product: {
      hsCode: '8509400000',
      names: { zh: '食品研磨机', en: 'Food grinder' },
      model: 'FG-200',
      unit: 'PCS',
      exWorksPrice: 90,
      fobPrice: 100,
      netWeightKg: 3.2,
    },
    materials: [],
    processes: [
      { description: 'winding and assembly of the drive' },
      { description: 'packing in retail boxes', minimalOperation: 'packing' },
    ],
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.bill;
}

/** The operands of an OR or AND result: the branches tried. */
function operandsOf(evaluation: RuleEvaluation | null): RuleEvaluation[] {
  if (!evaluation || (evaluation.kind !== 'AND' && evaluation.kind !== 'OR'))
    throw new Error('not an AND or OR');
  return evaluation.operands;
}

const facts = (bill: BillOfMaterials, agreement: string) =>
  buildOriginFacts(
    bill,
    { hsCode: bill.product.hsCode, name: bill.product.names.en, fob: 10_000, exWorks: 9_000, weight: 3_200 },
    profile(agreement),
    { subAssemblies: [] },
  );
const evaluate = (text: string, bill: BillOfMaterials, agreement = 'RCEP') => {
  const rule = parseRule(text);
  if (!rule.ok) throw new Error(rule.error.message);
  return evaluateRule(rule.rule, facts(bill, agreement));
};

describe('RCEP Art. 3.5: regional value content, build-down and build-up', () => {
  // FOB 100.00. Non-originating motor 62.50 (DE); originating housing 20.00 (CN).
  // Build-down: (FOB 100.00 - VNM 62.50) / 100.00 = 37.50 %.
  // Build-up: (VOM 20.00 + labour 10.00 + overhead 5.00 + profit 2.50 + other 0.00) / 100.00 = 37.50 %.
  const bill = grinder({
    materials: [
      { name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 62.5 },
      { name: 'Housing', hsCode: '3926.90', originCountry: 'CN', value: 20 },
    ],
    valueAdded: { directLabour: 10, directOverhead: 5, profit: 2.5, otherCosts: 0 },
  });

  it('build-down and build-up agree on the worked example, with the arithmetic written out', () => {
    const down = evaluate('RVC(40)', bill) as ValueContentEvaluation;
    const up = evaluate('RVC(40, build-up)', bill) as ValueContentEvaluation;
    expect(down.sentence).toBe('RVC build-down = (FOB 100.00 - VNM 62.50) / 100.00 = 37.50% < 40%');
    expect(up.sentence).toBe(
      'RVC build-up = (VOM 20.00 + labour 10.00 + overhead 5.00 + profit 2.50 + other 0.00) / FOB 100.00 = 37.50% < 40%',
    );
    expect(down.content).toBe('37.50');
    expect(up.content).toBe(down.content);
    expect((evaluate('RVC(37.5)', bill) as ValueContentEvaluation).status).toBe('MET');
    expect((evaluate('RVC(37.5, build-up)', bill) as ValueContentEvaluation).status).toBe('MET');
  });

  it('gives the whole build-down result as data (golden)', () => {
    expect(evaluate('RVC(40)', bill)).toStrictEqual({
      kind: 'RVC',
      rule: 'RVC(40)',
      method: 'build-down',
      basis: 'FOB',
      threshold: '40',
      price: '100.00',
      status: 'NOT_MET',
      nonOriginatingValue: '62.50',
      originatingValue: null,
      costs: null,
      content: '37.50',
      contentIfUndecidedOriginate: '37.50',
      // VNM may be at most 100.00 x (100 % - 40 %) = 60.00: it must fall by 62.50 - 60.00 = 2.50.
      shortfall: '2.50',
      sentence: 'RVC build-down = (FOB 100.00 - VNM 62.50) / 100.00 = 37.50% < 40%',
      advice: [
        {
          code: 'reduce_non_originating_value',
          message: 'Non-originating value must fall by 2.50 (to 60.00) to reach RVC 40%.',
          materials: [],
          amount: '2.50',
        },
      ],
    });
  });

  it('says how far the value is: VNM 67.50 must fall by 7.50 to reach RVC 40 %; build-up must rise to 40.00', () => {
    const heavier = grinder({
      materials: [
        { name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 67.5 },
        { name: 'Housing', hsCode: '3926.90', originCountry: 'CN', value: 15 },
      ],
      valueAdded: { directLabour: 10, directOverhead: 5, profit: 2.5, otherCosts: 0 },
    });
    expect(evaluate('RVC(40)', heavier).advice[0]!.message).toBe(
      'Non-originating value must fall by 7.50 (to 60.00) to reach RVC 40%.',
    );
    // Build-up: 15.00 + 10.00 + 5.00 + 2.50 = 32.50; 40 % of 100.00 is 40.00, so it must rise by 7.50.
    expect(evaluate('RVC(40, build-up)', heavier).advice[0]!.message).toBe(
      'Originating value and costs must rise by 7.50 (to 40.00) to reach RVC 40% build-up.',
    );
  });

  it('takes deductions from VNM only with evidence', () => {
    // Motor 62.50 less 5.00 inbound freight with a freight invoice = 57.50; the 3.00 duty has no evidence.
    const withDeductions = grinder({
      materials: [
        {
          name: 'Motor',
          hsCode: '8501.10',
          originCountry: 'DE',
          value: 62.5,
          deductions: [
            { kind: 'inbound_transport', amount: 5, evidence: 'freight invoice FI-2026-031' },
            { kind: 'duties_not_refunded', amount: 3 },
          ],
        },
      ],
    });
    expect(evaluate('RVC(40)', withDeductions).sentence).toBe(
      'RVC build-down = (FOB 100.00 - VNM 57.50) / 100.00 = 42.50% ≥ 40%',
    );
    const result = determineOrigin(withDeductions, {
      ...query('RCEP'),
      table: table('RCEP', ['8509.40', 'RVC(40)']),
    });
    expect(result.materials[0]!.deductionsRefused).toEqual([
      { kind: 'duties_not_refunded', amount: '3.00', reason: 'no evidence' },
    ]);
    // ACFTA allows no deduction in its profile: VNM stays 62.50.
    expect(evaluate('RVC(40)', withDeductions, 'ACFTA').sentence).toBe(
      'RVC build-down = (FOB 100.00 - VNM 62.50) / 100.00 = 37.50% < 40%',
    );
  });
});

describe('RCEP Art. 3.7: de minimis, only when a tariff change fails, still counted in RVC', () => {
  // Rule of 8509.40: CTSH | RVC(40). The jar (8509.40, VN without proof) stays in the subheading.
  // The motor (8501.10, DE) changes subheading. VNM = jar + 55.00 > 60.00 makes the RVC branch fail.
  const withJar = (jarValue: number) =>
    grinder({
      materials: [
        { name: 'Jar', hsCode: '8509.40', originCountry: 'VN', value: jarValue },
        { name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 55 },
      ],
    });

  it('passes at exactly 10 % of FOB: jar 10.00 = 10.00 % of FOB 100.00; criterion CTC DMI', () => {
    const result = determineOrigin(withJar(10), query('RCEP'));
    const operands = operandsOf(result.ruleEvaluation) as [TariffChangeEvaluation, ValueContentEvaluation];
    expect(operands[0].sentence).toBe(
      'CTSH: met by de minimis: "Jar" (8509.40) stays in subheading 8509.40; de minimis met: value 10.00 = 10.00% of FOB 100.00 ≤ 10%',
    );
    // The jar still counts in RVC: (100.00 - (10.00 + 55.00)) / 100.00 = 35.00 %.
    expect(operands[1].sentence).toBe('RVC build-down = (FOB 100.00 - VNM 65.00) / 100.00 = 35.00% < 40%');
    expect(result.status).toBe('MET');
    expect(result.criterion).toMatchObject({
      code: 'CTC',
      supplementary: ['DMI'],
      text: 'CTC DMI',
      deMinimis: true,
    });
    expect(result.fobRequired).toBe(false);
  });

  it('fails just above: jar 10.01 = 10.01 % > 10 %, and says by how much it must fall', () => {
    const result = determineOrigin(withJar(10.01), query('RCEP'));
    expect(result.status).toBe('NOT_MET');
    expect(result.originating).toBe(false);
    expect(result.criterion).toBeNull();
    expect(result.advice.map((advice) => advice.message)).toEqual([
      '"Jar" (8509.40) alone breaks the change of subheading: it stays in subheading 8509.40.',
      'The value of the materials that break the change of subheading must fall by 0.01 (to 10.00, 10% of FOB) to pass by de minimis.',
      // (100.00 - 65.01) / 100.00 = 34.99 %: VNM must fall to 60.00.
      'Non-originating value must fall by 5.01 (to 60.00) to reach RVC 40%.',
      'With proof of RCEP origin, "Jar" (VN) would count as originating (accumulation).',
    ]);
  });

  it('is not applied when the tariff change is met anyway: no DMI', () => {
    const result = determineOrigin(
      grinder({ materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 70 }] }),
      query('RCEP'),
    );
    expect(result.criterion).toMatchObject({ text: 'CTC', deMinimis: false });
  });

  it('for chapters 50 to 63 also passes on weight: 15 % of FOB but 8 % of the weight', () => {
    // T-shirt 6109.10, 0.250 kg. Non-originating lace of 6117 ... under CC the chapter-61 lace fails:
    // value 15.00 = 15.00 % of FOB 100.00 > 10 %, weight 0.020 kg = 8.00 % of 0.250 kg ≤ 10 %.
    const shirt = parseBillOfMaterials({
      product: {
        hsCode: '6109100000',
        names: { zh: 'T恤', en: 'T-shirt' },
        unit: 'PCS',
        exWorksPrice: 95,
        fobPrice: 100,
        netWeightKg: 0.25,
      },
      materials: [
        { name: 'Cotton fabric', hsCode: '6006.21', originCountry: 'CN', value: 40, weightKg: 0.23 },
        { name: 'Lace trim', hsCode: '6117.80', originCountry: 'IT', value: 15, weightKg: 0.02 },
      ],
      processes: [{ description: 'cutting and sewing' }],
    });
    if (!shirt.ok) throw new Error(JSON.stringify(shirt.problems));
    const fact = buildOriginFacts(
      shirt.bill,
      { hsCode: '6109100000', name: 'T-shirt', fob: 10_000, exWorks: 9_500, weight: 250 },
      profile('RCEP'),
      { subAssemblies: [] },
    );
    const rule = parseRule('CC');
    if (!rule.ok) throw new Error('rule');
    const result = evaluateRule(rule.rule, fact) as TariffChangeEvaluation;
    expect(result.status).toBe('MET');
    expect(result.deMinimis!.sentence).toBe(
      'de minimis met: value 15.00 = 15.00% of FOB 100.00 > 10%; weight 0.020 kg = 8.00% of 0.250 kg ≤ 10%',
    );
  });
});

describe('RCEP Art. 3.4: accumulation', () => {
  // Rule RVC(40). Jar 30.00 from Japan, motor 35.00 from Germany.
  // Without accumulation: (100.00 - 65.00) / 100.00 = 35.00 % < 40 %.
  // With the jar's proof of RCEP origin (JP): (100.00 - 35.00) / 100.00 = 65.00 % ≥ 40 %.
  const rvcOnly = { ...query('RCEP'), table: table('RCEP', ['8509.40', 'RVC(40)']) };
  const bill = (proof: boolean) =>
    grinder({
      materials: [
        {
          name: 'Jar',
          hsCode: '8509.40',
          originCountry: 'JP',
          value: 30,
          proofOfOrigin: proof ? { party: 'JP', agreements: ['RCEP'], document: 'JP-RCEP-0042' } : null,
        },
        { name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 35 },
      ],
    });

  it('turns a failing RVC into a pass marked ACU, and the certificate states the FOB value', () => {
    const without = determineOrigin(bill(false), rvcOnly);
    expect(without.status).toBe('NOT_MET');
    expect(without.ruleEvaluation!.sentence).toBe(
      'RVC build-down = (FOB 100.00 - VNM 65.00) / 100.00 = 35.00% < 40%',
    );
    expect(without.advice.map((advice) => advice.code)).toEqual([
      'reduce_non_originating_value',
      'prove_originating_status',
    ]);

    const withProof = determineOrigin(bill(true), rvcOnly);
    expect(withProof.ruleEvaluation!.sentence).toBe(
      'RVC build-down = (FOB 100.00 - VNM 35.00) / 100.00 = 65.00% ≥ 40%',
    );
    expect(withProof.status).toBe('MET');
    expect(withProof.criterion).toMatchObject({
      code: 'RVC',
      supplementary: ['ACU'],
      text: 'RVC ACU',
      accumulation: true,
    });
    expect(withProof.fobRequired).toBe(true);
    expect(withProof.materials[0]).toMatchObject({ status: 'originating', basis: 'cumulation', party: 'JP' });
    expect(withProof.summary).toBe(
      'Originating under RCEP: criterion RVC ACU by RVC(40) (product-specific rule 8509.40).',
    );
  });

  it('does not accumulate a proof issued under another agreement, nor a non-Party', () => {
    const acfta = grinder({
      materials: [
        {
          name: 'Jar',
          hsCode: '8509.40',
          originCountry: 'JP',
          value: 30,
          proofOfOrigin: { party: 'JP', agreements: ['RCEP'] },
        },
      ],
    });
    expect(determineOrigin(acfta, query('ACFTA')).materials[0]).toMatchObject({
      status: 'non_originating',
      basis: 'non_party',
    });
    expect(determineOrigin(acfta, query('CKFTA')).materials[0]!.basis).toBe('non_party');
  });
});

describe('RCEP Art. 3.6: minimal operations never confer origin', () => {
  // The motor (8501.10) changes subheading to 8509.40, but the only processing is packing and labelling.
  const bill = (processes: BillOfMaterialsInput['processes']) =>
    grinder({ materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 70 }], processes });

  it('vetoes a change of classification obtained by packing and marking alone', () => {
    const result = determineOrigin(
      bill([
        { description: 'packing in retail boxes', minimalOperation: 'packing' },
        { description: 'affixing labels', minimalOperation: 'marking' },
      ]),
      query('RCEP'),
    );
    expect(operandsOf(result.ruleEvaluation)[0]!.status).toBe('MET');
    expect(result.minimalOperations.status).toBe('minimal_only');
    expect(result.status).toBe('NOT_MET');
    expect(result.summary).toBe(
      'Not originating under RCEP: Every processing step is a minimal operation (packing in retail boxes; affixing labels): under RCEP such processing never confers origin.',
    );
    expect(result.advice[0]!.code).toBe('minimal_operations_only');
  });

  it('lets the change confer origin once a step goes beyond minimal operations', () => {
    const result = determineOrigin(
      bill([
        { description: 'winding and assembly' },
        { description: 'packing', minimalOperation: 'packing' },
      ]),
      query('RCEP'),
    );
    expect(result.status).toBe('MET');
    expect(result.criterion?.text).toBe('CTC');
  });

  it('stays undecided when no processing is declared', () => {
    const result = determineOrigin(bill([]), query('RCEP'));
    expect(result.status).toBe('UNKNOWN');
    expect(result.advice[0]!.code).toBe('declare_processing');
  });
});

describe('RCEP Art. 3.8 to 3.10: packing, accessories and indirect materials', () => {
  it('ignores transport packing; ignores retail packing and accessories for tariff change but counts them in RVC', () => {
    const result = determineOrigin(
      grinder({
        materials: [
          { name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 40 },
          { name: 'Gift box', hsCode: '8509.40', originCountry: 'VN', value: 15, role: 'retail_packing' },
          { name: 'Spare blade', hsCode: '8509.40', originCountry: 'DE', value: 10, role: 'accessory' },
          { name: 'Pallet', hsCode: '4415.20', originCountry: 'DE', value: 50, role: 'transport_packing' },
          { name: 'Lubricant', hsCode: '2710.19', originCountry: 'US', value: 1, role: 'indirect' },
        ],
      }),
      query('RCEP'),
    );
    const [tariff, value] = operandsOf(result.ruleEvaluation) as [
      TariffChangeEvaluation,
      ValueContentEvaluation,
    ];
    // Only the motor is checked for the change of subheading; the box and blade of 8509.40 do not break it.
    expect(tariff.sentence).toBe(
      'CTSH: met: all 1 non-originating materials change subheading (product subheading 8509.40)',
    );
    // VNM = motor 40.00 + box 15.00 + blade 10.00 = 65.00; the pallet is ignored, the lubricant counts as originating.
    expect(value.sentence).toBe('RVC build-down = (FOB 100.00 - VNM 65.00) / 100.00 = 35.00% < 40%');
    expect(
      result.materials.map((material) => [
        material.name,
        material.inTariffChange,
        material.inValue,
        material.status,
      ]),
    ).toEqual([
      ['Motor', true, true, 'non_originating'],
      ['Gift box', false, true, 'non_originating'],
      ['Spare blade', false, true, 'non_originating'],
      ['Pallet', false, false, 'non_originating'],
      ['Lubricant', false, true, 'originating'],
    ]);
    expect(result.criterion?.text).toBe('CTC');
  });
});

describe('China non-preferential origin (DOMAIN.md 9): the result is a country', () => {
  it('keeps the foreign origin when no heading changes: the main non-originating material decides', () => {
    // A complete grinder unit from Japan (8509.40, 80.00) with a Chinese cable (8544.42, 5.00): no change
    // of heading, so origin stays with Japan, the highest-value material that did not change heading.
    const result = determineOrigin(
      grinder({
        materials: [
          { name: 'Grinder unit', hsCode: '8509.40', originCountry: 'JP', value: 80 },
          { name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 90 },
          { name: 'Base', hsCode: '8509.90', originCountry: 'KR', value: 20 },
          { name: 'Cable', hsCode: '8544.42', originCountry: 'CN', value: 5 },
        ],
      }),
      query('NONPREFERENTIAL'),
    );
    expect(result.status).toBe('NOT_MET');
    expect(result.originCountry).toBe('JP');
    expect(result.criterion).toBeNull();
    expect(result.rule.source).toBe('general');
    expect(result.summary).toBe(
      'Country of origin JP: no substantial transformation in CN (CTH: not met: "Grinder unit" (8509.40) stays in heading 8509; "Base" (8509.90) stays in heading 8509); origin stays with the main non-originating material "Grinder unit" (JP, 80.00).',
    );
  });

  it('gives China when the heading changes, and says undetermined when the main material is', () => {
    const changed = determineOrigin(
      grinder({ materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 90 }] }),
      query('NONPREFERENTIAL'),
    );
    expect(changed).toMatchObject({ status: 'MET', originCountry: 'CN', originating: true });
    expect(changed.summary).toBe('Country of origin CN: substantially transformed there (CTH met).');
    const unknownOrigin = determineOrigin(
      grinder({
        materials: [{ name: 'Grinder unit', hsCode: '8509.40', originCountry: 'undetermined', value: 80 }],
      }),
      query('NONPREFERENTIAL'),
    );
    expect(unknownOrigin).toMatchObject({ status: 'NOT_MET', originCountry: null });
  });

  it('applies the 30 % ex-works value test to listed goods', () => {
    // Listed row RVC(30) on EXW 90.00: (90.00 - 70.00) / 90.00 = 22.22 % < 30 %.
    const listed = { ...query('NONPREFERENTIAL'), table: table('NONPREFERENTIAL', ['8509.40', 'RVC(30)']) };
    const result = determineOrigin(
      grinder({ materials: [{ name: 'Grinder unit', hsCode: '8509.40', originCountry: 'JP', value: 70 }] }),
      listed,
    );
    expect(result.ruleEvaluation!.sentence).toBe(
      'RVC build-down = (EXW 90.00 - VNM 70.00) / 90.00 = 22.22% < 30%',
    );
    expect(result.originCountry).toBe('JP');
  });
});

describe('rules: product-specific rows, the general rule, and no rule', () => {
  it('says plainly when the general rule was used because no row exists (ACFTA)', () => {
    const result = determineOrigin(
      grinder({ materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 55 }] }),
      query('ACFTA'),
    );
    expect(result.rule).toStrictEqual({
      source: 'general',
      rule: 'RVC(40) | CTH',
      row: null,
      overridden: [],
      note: 'General rule used: no product-specific row covers 8509.40 (no product-specific rules of ACFTA are loaded); the general rule of ACFTA is RVC(40) | CTH.',
    });
    // Both branches pass; Form E prefers CTH, which does not disclose the FOB value.
    expect(result.criterion).toMatchObject({ code: 'CTH', percentage: null });
    expect(result.fobRequired).toBe(false);
  });

  it('writes Form E RVC with the percentage reached, and PSR under a row', () => {
    const rvcOnly = grinder({
      materials: [{ name: 'Jar', hsCode: '8509.40', originCountry: 'DE', value: 54.5 }],
    });
    const general = determineOrigin(rvcOnly, query('ACFTA'));
    // (100.00 - 54.50) / 100.00 = 45.50 %: the form prints "45%".
    expect(general.criterion).toMatchObject({ code: 'RVC', percentage: '45%' });
    expect(general.fobRequired).toBe(true);
    const withRow = determineOrigin(rvcOnly, {
      ...query('ACFTA'),
      table: table('ACFTA', ['8509', 'RVC(40)']),
    });
    expect(withRow.rule.source).toBe('product_specific');
    expect(withRow.criterion).toMatchObject({ code: 'PSR', percentage: null });
    expect(withRow.fobRequired).toBe(false);
  });

  it('stays undecided under RCEP when no Annex 3A row is loaded: RCEP has no general rule', () => {
    const kettle = parseBillOfMaterials({
      product: {
        hsCode: '8516790000',
        names: { zh: '电器', en: 'Appliance' },
        unit: 'PCS',
        exWorksPrice: 9,
        fobPrice: 10,
        netWeightKg: 1,
      },
      materials: [{ name: 'Element', hsCode: '8516.80', originCountry: 'DE', value: 2 }],
      processes: [{ description: 'assembly' }],
    });
    if (!kettle.ok) throw new Error('bill');
    const result = determineOrigin(kettle.bill, query('RCEP'));
    expect(result.status).toBe('UNKNOWN');
    expect(result.rule.note).toBe(
      'No rule: no product-specific row covers 8516.79 in the RCEP product-specific rules valid on 2026-03-01, and RCEP has no general rule.',
    );
    expect(result.advice.map((advice) => advice.code)).toEqual(['no_rule']);
  });

  it('uses WO and PE beside any rule: China-Korea writes PE as WP', () => {
    const allChinese = grinder({
      materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'CN', value: 40 }],
    });
    expect(determineOrigin(allChinese, query('CKFTA')).criterion?.code).toBe('WP');
    expect(determineOrigin(allChinese, query('RCEP')).criterion?.code).toBe('PE');
    const harvested = grinder({ whollyObtained: { category: 'plants harvested in China' } });
    expect(determineOrigin(harvested, query('RCEP')).criterion?.code).toBe('WO');
  });

  it('refuses a table of another agreement, and a date that is not a day, without throwing', () => {
    const bill = grinder({
      materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 40 }],
    });
    const wrongTable = determineOrigin(bill, { ...query('ACFTA'), table: query('RCEP').table! });
    expect(wrongTable.problems).toEqual(['The rule table given is for RCEP, not ACFTA; it was not used.']);
    expect(wrongTable.rule.source).toBe('general');
    const badDay = determineOrigin(bill, { ...query('RCEP'), date: '2026-02-30' });
    expect(badDay.status).toBe('UNKNOWN');
    expect(badDay.problems).toEqual(['the date "2026-02-30" is not a day written YYYY-MM-DD']);
  });
});

describe('sub-assemblies: their own result decides whether they count as originating', () => {
  // The motor is wound in-house from German copper wire (7408) and a Vietnamese stator core (8503).
  const motorRule = table('RCEP', ['8509.40', 'CTSH | RVC(40)'], ['8501.10', 'CTH']);
  const bill = (statorOrigin: string) =>
    grinder({
      materials: [
        {
          name: 'Motor',
          hsCode: '8501.10',
          originCountry: 'CN',
          value: 45,
          subAssembly: {
            materials: [
              { name: 'Copper wire', hsCode: '7408.11', originCountry: 'DE', value: 12 },
              {
                name: 'Stator core',
                hsCode: statorOrigin === 'VN' ? '8503.00' : '8501.10',
                originCountry: statorOrigin,
                value: 20,
              },
            ],
            processes: [{ description: 'winding' }],
          },
        },
        { name: 'Jar', hsCode: '8509.40', originCountry: 'DE', value: 30 },
      ],
    });

  it('counts an originating sub-assembly as originating in the parent', () => {
    const result = determineOrigin(bill('VN'), { ...query('RCEP'), table: motorRule });
    expect(result.subAssemblies[0]!.determination.status).toBe('MET');
    expect(result.materials[0]).toMatchObject({ status: 'originating', basis: 'sub_assembly' });
    // VNM is the jar alone: (100.00 - 30.00) / 100.00 = 70.00 %.
    expect(result.criterion?.text).toBe('RVC');
  });

  it('counts a non-originating sub-assembly as non-originating, with its own arithmetic', () => {
    const result = determineOrigin(bill('JP'), { ...query('RCEP'), table: motorRule });
    const motor = result.subAssemblies[0]!.determination;
    expect(motor.status).toBe('NOT_MET');
    expect(motor.ruleEvaluation!.sentence).toBe(
      'CTH: not met: "Stator core" (8501.10) stays in heading 8501; de minimis not met: value 20.00 = 44.44% of FOB 45.00 > 10%',
    );
    expect(result.materials[0]).toMatchObject({ status: 'non_originating', basis: 'sub_assembly' });
    // VNM = motor 45.00 + jar 30.00 = 75.00: (100.00 - 75.00) / 100.00 = 25.00 %.
    expect(result.status).toBe('NOT_MET');
  });

  it('leaves the parent undecided when a sub-assembly is undecided and could tip it', () => {
    const result = determineOrigin(bill('VN'), query('RCEP'));
    expect(result.subAssemblies[0]!.determination.status).toBe('UNKNOWN');
    expect(result.status).toBe('UNKNOWN');
    expect(result.advice.map((advice) => advice.code)).toContain('sub_assembly_undecided');
  });
});

describe('sub-assemblies and accumulation', () => {
  it('carries ACU up when a sub-assembly originates only by accumulation', () => {
    // Motor (45.00): Japanese stator 20.00 with RCEP proof, German wire 12.00. Its RVC(40):
    // with accumulation (45.00 - 12.00) / 45.00 = 73.33 %; without (45.00 - 32.00) / 45.00 = 28.88 %.
    // The grinder's RVC(40): motor originating, jar 30.00: (100.00 - 30.00) / 100.00 = 70.00 %; without
    // accumulation the motor is non-originating: (100.00 - 75.00) / 100.00 = 25.00 %. So: RVC ACU.
    const rules = table('RCEP', ['8509.40', 'RVC(40)'], ['8501.10', 'RVC(40)']);
    const result = determineOrigin(
      grinder({
        materials: [
          {
            name: 'Motor',
            hsCode: '8501.10',
            originCountry: 'CN',
            value: 45,
            subAssembly: {
              materials: [
                {
                  name: 'Stator',
                  hsCode: '8503.00',
                  originCountry: 'JP',
                  value: 20,
                  proofOfOrigin: { party: 'JP' },
                },
                { name: 'Wire', hsCode: '7408.11', originCountry: 'DE', value: 12 },
              ],
              processes: [{ description: 'winding' }],
            },
          },
          { name: 'Jar', hsCode: '8509.40', originCountry: 'DE', value: 30 },
        ],
      }),
      { ...query('RCEP'), table: rules },
    );
    expect(result.subAssemblies[0]!.determination.criterion?.text).toBe('RVC ACU');
    expect(result.criterion?.text).toBe('RVC ACU');
  });

  it('does not throw on a sub-assembly that contains itself: the level too deep says why', () => {
    const bill = grinder({
      materials: [{ name: 'Motor', hsCode: '8501.10', originCountry: 'CN', value: 45 }],
    });
    bill.materials[0]!.subAssembly = bill;
    const result = determineOrigin(bill, query('RCEP'));
    let deepest = result;
    while (deepest.subAssemblies[0]) deepest = deepest.subAssemblies[0].determination;
    expect(deepest.status).toBe('UNKNOWN');
    expect(deepest.problems).toEqual(['sub-assemblies nest deeper than 5 levels']);
    // The motor (8501.10) changes subheading whatever its own origin, so the grinder still passes CTSH.
    expect(result.status).toBe('MET');
  });
});

describe('several agreements side by side', () => {
  it('answers each agreement with its status, country, criterion and FOB duty', () => {
    const bill = grinder({
      materials: [
        { name: 'Motor', hsCode: '8501.10', originCountry: 'DE', value: 30 },
        {
          name: 'Blade set',
          hsCode: '8509.90',
          originCountry: 'JP',
          value: 25,
          proofOfOrigin: { party: 'JP' },
        },
        { name: 'Jar', hsCode: '8509.40', originCountry: 'VN', value: 7.5 },
      ],
    });
    const comparison = compareAgreements(bill, ['RCEP', 'ACFTA', 'CKFTA', 'NONPREFERENTIAL'].map(query));
    expect(comparison.rows).toStrictEqual([
      {
        agreement: 'RCEP',
        status: 'MET',
        originCountry: 'CN',
        criterion: 'CTC DMI',
        fobRequired: false,
        ruleSource: 'product_specific',
      },
      {
        agreement: 'ACFTA',
        status: 'NOT_MET',
        originCountry: null,
        criterion: null,
        fobRequired: false,
        ruleSource: 'general',
      },
      {
        agreement: 'CKFTA',
        status: 'UNKNOWN',
        originCountry: null,
        criterion: null,
        fobRequired: false,
        ruleSource: 'none',
      },
      {
        agreement: 'NONPREFERENTIAL',
        status: 'NOT_MET',
        originCountry: 'JP',
        criterion: null,
        fobRequired: false,
        ruleSource: 'general',
      },
    ]);
  });
});
