import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HsNomenclature, parseHsCsv } from '../domain/hs-nomenclature.js';
import type { RuleTable } from './rule-table.js';
import {
  describeRuleTableDiff,
  diffRuleTables,
  lookupRule,
  parseHsScope,
  parseRuleTableCsv,
  parseRuleTableJson,
} from './rule-table.js';

const DATA_DIR = path.resolve(import.meta.dirname, '..', '..', 'data');
const PSR_DIR = path.join(DATA_DIR, 'origin', 'psr');
const hs = new HsNomenclature(
  parseHsCsv(fs.readFileSync(path.join(DATA_DIR, 'hs2022', 'hs2022.csv'), 'utf8')),
);
const HEADER = 'hs,rule,document,page,version,valid_from,valid_to,note';

const tableOf = (csv: string, agreement = 'RCEP'): RuleTable => {
  const result = parseRuleTableCsv(csv, { agreement });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.table;
};
const row = (hsScope: string, rule: string, validFrom = '2022-01-01', validTo = '') =>
  `${hsScope},"${rule}",Annex 3A,12,HS 2022,${validFrom},${validTo},`;

describe('product-specific rule tables: the shipped RCEP sample (DOMAIN.md 9)', () => {
  const shipped = fs.readFileSync(path.join(PSR_DIR, 'rcep-sample.csv'), 'utf8');
  const result = parseRuleTableCsv(shipped, { agreement: 'RCEP', nomenclature: hs });

  it('parses and validates against HS 2022, every row naming its source', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.rows.map((entry) => [entry.scope.from, entry.ruleText])).toEqual([
      ['850940', 'CTSH | RVC(40)'],
      ['850980', 'CTSH | RVC(40)'],
      ['850990', 'CTH | RVC(40)'],
    ]);
    for (const entry of result.table.rows) {
      expect(entry.source.document).toMatch(/RCEP Annex 3A/);
      expect(entry.source.version).toMatch(/HS 2022/);
      expect(entry.note).toMatch(/DOMAIN\.md 9/);
    }
  });

  it('finds the row of a 10-digit product code', () => {
    if (!result.ok) throw new Error('table');
    expect(lookupRule(result.table, '8509400000', '2026-01-01')?.row.ruleText).toBe('CTSH | RVC(40)');
    expect(lookupRule(result.table, '8509800010', '2026-01-01')?.row.ruleText).toBe('CTSH | RVC(40)');
    expect(lookupRule(result.table, '8509900000', '2026-01-01')?.row.ruleText).toBe('CTH | RVC(40)');
    expect(lookupRule(result.table, '8516790000', '2026-01-01')).toBeNull();
    expect(lookupRule(result.table, '8509400000', '2021-12-31')).toBeNull();
  });
});

describe('product-specific rule tables: lookup', () => {
  const table = tableOf(
    [
      HEADER,
      row('85', 'CC'),
      row('8501-8510', 'CTH | RVC(45)'),
      row('8509', 'CTH'),
      row('8509.40', 'CTSH | RVC(40)', '2022-01-01', '2024-12-31'),
      row('8509.40', 'CTSH | RVC(35)', '2025-01-01'),
      row('8509.30-8509.50', 'RVC(50)'),
    ].join('\n'),
  );

  it('takes the most specific row valid on the day: subheading, then range of subheadings, heading, range, chapter', () => {
    const found = lookupRule(table, '8509400000', '2024-06-01')!;
    expect(found.row.ruleText).toBe('CTSH | RVC(40)');
    expect(found.overridden.map((entry) => entry.ruleText)).toEqual([
      'RVC(50)',
      'CTH',
      'CTH | RVC(45)',
      'CC',
    ]);
    expect(lookupRule(table, '8509400000', '2025-01-01')!.row.ruleText).toBe('CTSH | RVC(35)');
    expect(lookupRule(table, '8509300000', '2025-01-01')!.row.ruleText).toBe('RVC(50)');
    expect(lookupRule(table, '8509800000', '2025-01-01')!.row.ruleText).toBe('CTH');
    expect(lookupRule(table, '8502110000', '2025-01-01')!.row.ruleText).toBe('CTH | RVC(45)');
    expect(lookupRule(table, '8544420000', '2025-01-01')!.row.ruleText).toBe('CC');
    expect(lookupRule(table, '8544420000', '2021-01-01')).toBeNull();
  });
});

describe('product-specific rule tables: problems by row and column', () => {
  it('names the line (header = 1), the column and, for a rule, the character', () => {
    const result = parseRuleTableCsv(
      [
        HEADER,
        row('8509.40', 'CTSH | RVC(40)'),
        row('8509.4', 'CTSH'),
        row('8509.80', 'CTSH | RVC(x)'),
        '8509.90,CTH,,12,HS 2022,2022-02-30,2021-01-01,',
      ].join('\n'),
      { agreement: 'RCEP' },
    );
    expect(result).toStrictEqual({
      ok: false,
      problems: [
        {
          row: 3,
          column: 'hs',
          message:
            '"8509.4" is not an HS scope: write a chapter (85), heading (8509), subheading (8509.40) or a range (8501-8504)',
        },
        {
          row: 4,
          column: 'rule',
          message: 'at character 12: expected a number after RVC(',
          position: 12,
        },
        { row: 5, column: 'document', message: 'the source document is empty' },
        { row: 5, column: 'valid_from', message: '"2022-02-30" is not a day written YYYY-MM-DD' },
      ],
    });
  });

  it('refuses unknown and missing columns, codes not in HS 2022, and rows that end before they start', () => {
    expect(parseRuleTableCsv('hs,rule,source\n', { agreement: 'RCEP' })).toMatchObject({
      ok: false,
      problems: [
        { row: 1, column: 'source', message: expect.stringMatching(/unknown column/) },
        { row: 1, column: 'document', message: 'the column is missing' },
        { row: 1, column: 'page', message: 'the column is missing' },
        { row: 1, column: 'version', message: 'the column is missing' },
        { row: 1, column: 'valid_from', message: 'the column is missing' },
      ],
    });
    expect(
      parseRuleTableCsv([HEADER, row('8509.99', 'CTH', '2023-01-01', '2022-01-01')].join('\n'), {
        agreement: 'RCEP',
        nomenclature: hs,
      }),
    ).toStrictEqual({
      ok: false,
      problems: [
        { row: 2, column: 'hs', message: '850999 is not in the HS nomenclature' },
        { row: 2, column: 'valid_to', message: 'the row ends (2022-01-01) before it starts (2023-01-01)' },
      ],
    });
  });

  it('refuses two rows that would both decide the same code on the same day', () => {
    const result = parseRuleTableCsv(
      [
        HEADER,
        row('8509.40', 'CTSH'),
        row('8509.40', 'CTH', '2023-01-01'),
        row('8501-8504', 'CC'),
        row('8503-8506', 'CC'),
      ].join('\n'),
      { agreement: 'RCEP' },
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { row: 3, column: 'hs', message: expect.stringMatching(/^8509\.40 overlaps row 2 \(8509\.40\)/) },
        { row: 5, column: 'hs', message: expect.stringMatching(/^8503-8506 overlaps row 4 \(8501-8504\)/) },
      ],
    });
  });

  it('reads quoted fields with commas and doubled quotes, CRLF line ends and a byte-order mark', () => {
    const table = tableOf(
      `\ufeff${HEADER}\r\n8509.40,"CTSH from 2901, 2902 | PROCESS(""chemical reaction"")",Annex 3A,12,HS 2022,2022-01-01,,"a, b"\r\n`,
    );
    expect(table.rows[0]).toMatchObject({
      ruleText: 'CTSH from 2901, 2902 | PROCESS("chemical reaction")',
      note: 'a, b',
      row: 2,
    });
  });

  it('reads JSON tables and names rows by their place and columns by their key', () => {
    const good = parseRuleTableJson(
      JSON.stringify({
        agreement: 'RCEP',
        rows: [
          {
            hs: '8509.40',
            rule: 'CTSH | RVC(40)',
            document: 'Annex 3A',
            page: 12,
            version: 'HS 2022',
            validFrom: '2022-01-01',
          },
        ],
      }),
      { agreement: 'RCEP' },
    );
    expect(good.ok && good.table.rows[0]!.source.page).toBe('12');
    expect(
      parseRuleTableJson(
        JSON.stringify([
          {
            hs: '8509.40',
            rule: 'CTSH |',
            document: 'A',
            page: '1',
            version: 'v',
            validFrom: '2022-01-01',
            extra: 1,
          },
        ]),
        {
          agreement: 'RCEP',
        },
      ),
    ).toStrictEqual({
      ok: false,
      problems: [
        { row: 1, column: 'extra', message: 'unknown key' },
        {
          row: 1,
          column: 'rule',
          message:
            'at character 7: expected a rule: WO, PE, CC, CTH, CTSH, RVC, MAXNOM, WEIGHT, PROCESS or (',
          position: 7,
        },
      ],
    });
    expect(parseRuleTableJson('{', { agreement: 'RCEP' })).toMatchObject({
      ok: false,
      problems: [{ row: 0 }],
    });
    expect(parseRuleTableJson('{"agreement":"ACFTA","rows":[]}', { agreement: 'RCEP' })).toMatchObject({
      ok: false,
      problems: [{ column: 'agreement', message: 'the file is for ACFTA, not RCEP' }],
    });
  });

  it('reads scopes as people write them', () => {
    expect(parseHsScope('8509.40')).toStrictEqual({ ok: true, scope: { from: '850940', to: '850940' } });
    expect(parseHsScope('8501-8504')).toStrictEqual({ ok: true, scope: { from: '8501', to: '8504' } });
    expect(parseHsScope('85-8504')).toStrictEqual({
      ok: false,
      message: 'a range joins two codes of the same length',
    });
  });
});

describe('product-specific rule tables: reviewing a new version before it takes effect', () => {
  it('lists rows added, removed and changed; spacing of a rule is no change', () => {
    const before = tableOf(
      [
        HEADER,
        row('8509.40', 'CTSH | RVC(40)'),
        row('8509.80', 'CTSH | RVC(40)'),
        row('8509.90', 'CTH | RVC(40)'),
      ].join('\n'),
    );
    const after = tableOf(
      [
        HEADER,
        row('8509.40', 'CTSH|RVC( 40 )'),
        row('8509.80', 'CTSH | RVC(45)'),
        row('8509.90', 'CTH | RVC(40)', '2022-01-01', '2026-12-31'),
        row('8516.79', 'CTH | RVC(40)'),
      ].join('\n'),
    );
    const diff = diffRuleTables(before, after);
    expect(diff.added.map((entry) => entry.scope.from)).toEqual(['851679']);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((change) => [change.after.scope.from, change.fields])).toEqual([
      ['850980', ['rule']],
      ['850990', ['validTo']],
    ]);
    expect(diff.unchanged).toBe(1);
    expect(describeRuleTableDiff(diff)).toEqual([
      'added 8516.79 from 2022-01-01: CTH | RVC(40)',
      'changed 8509.80 from 2022-01-01 (rule): CTSH | RVC(40) → CTSH | RVC(45)',
      'changed 8509.90 from 2022-01-01 (validTo): CTH | RVC(40)',
      '1 rows unchanged',
    ]);
    expect(diffRuleTables(after, before).removed.map((entry) => entry.scope.from)).toEqual(['851679']);
  });
});
