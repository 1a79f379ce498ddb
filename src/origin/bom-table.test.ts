import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../../test/support/xlsx.js';
import type { CellValue, Sheet } from '../domain/xlsx.js';
import { readXlsx } from '../domain/xlsx.js';
import { parseBillOfMaterials } from './bill-of-materials.js';
import { billFromCsv, billFromSheets, cellReference } from './bom-table.js';

const docs = path.join(import.meta.dirname, '..', '..', 'docs', 'origin');
const example = JSON.parse(fs.readFileSync(path.join(docs, 'example-grinder.json'), 'utf8')) as {
  bill: unknown;
};

/** Sheets as a reader returns them, rows numbered from 1. */
const sheet = (name: string, rows: CellValue[][]): Sheet => ({
  name,
  rows: rows.map((cells, index) => ({ row: index + 1, cells })),
});

const PRODUCT: CellValue[][] = [
  ['Field', 'Value'],
  ['HS code', '8509400000'],
  ['Name (Chinese)', '食品研磨机'],
  ['Name (English)', 'Food grinder'],
  ['Unit', 'PCS'],
  ['Ex-works price', 90],
  ['FOB price', 100],
  ['Net weight (kg)', 3.2],
];
const MATERIAL_HEADERS = ['Item', 'Level', 'Name', 'HS code', 'Origin', 'Value', 'Weight (kg)', 'Role'];
const MOTOR: CellValue[] = [1, 1, 'Universal motor', '850140', 'JP', 30, 1.1, 'material'];

/** The problems of a bill as `Sheet!C7 message` lines. */
function problemsOf(result: ReturnType<typeof billFromSheets>): string[] {
  if (result.ok) return [];
  return result.problems.map((problem) => `${cellReference(problem)} ${problem.message}`);
}

describe('billFromSheets and billFromCsv', () => {
  it('read the documented grinder from CSV and from a workbook saved by LibreOffice Calc exactly as from JSON', () => {
    const fromJson = parseBillOfMaterials(example.bill);
    const fromCsv = billFromCsv(fs.readFileSync(path.join(docs, 'grinder.csv'), 'utf8'));
    const workbook = readXlsx(fs.readFileSync(path.join(docs, 'grinder.xlsx')));
    if (!workbook.ok) throw new Error(workbook.reason);
    expect(fromCsv).toStrictEqual(fromJson);
    expect(billFromSheets(workbook.sheets)).toStrictEqual(fromJson);
  });

  it('reads Chinese sheet names and headers, sub-assemblies three levels deep, their processes, build-up costs, proofs and deductions', () => {
    const workbook = xlsxWorkbook(
      [
        {
          name: '产品',
          rows: [
            ['项目', '值'],
            ['HS编码', '8509.40.00.00'],
            ['中文名称', '食品研磨机'],
            ['英文名称', 'Food grinder'],
            ['单位', '台'],
            ['出厂价', 90],
            ['FOB价', 100],
            ['净重', 3.2],
            ['币制', 'usd'],
          ],
        },
        {
          name: '物料',
          rows: [
            [
              '编号',
              '层级',
              '名称',
              'HS编码',
              '原产国',
              '原产证明缔约方',
              '证明协定',
              '原产证明编号',
              '价值',
              '类别',
              '直接人工',
              '直接制造费用',
              '利润',
              '其他成本',
            ],
            ['M', 1, '电机', '850140', 'CN', null, null, null, 30, '材料', 4, 2, 1, 0.5],
            ['M.1', 2, '定子', '850300', 'CN', null, null, null, 12, null],
            ['M.1.1', 3, '硅钢片', '722530', 'VN', null, null, null, 5],
            ['M.1.2', 3, '漆包线', '854411', 'vn', 'VN', 'RCEP、ACFTA', 'E26VN0001', 3],
            ['M.2', 2, '转子', '850300', '不明', null, null, null, 8],
            ['B', 1, '纸箱', '481910', 'CN', null, null, null, 2, '零售包装'],
          ],
        },
        {
          name: '工序',
          rows: [
            ['组件', '工序', '微小加工'],
            [null, '装配', '否'],
            ['M', '绕线', null],
            [null, '包装', 'packing'],
          ],
        },
        {
          name: '扣除',
          rows: [
            ['编号', '类型', '金额', '证明'],
            ['M.1.2', '运费', 0.4, 'Freight invoice 17'],
          ],
        },
        { name: '说明', rows: [['This sheet is ignored']] },
      ],
      { strings: 'shared' },
    );
    const read = readXlsx(workbook);
    if (!read.ok) throw new Error(read.reason);
    const result = billFromSheets(read.sheets);
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.bill.currency).toBe('USD');
    expect(result.bill.product.hsCode).toBe('8509400000');
    expect(result.bill.processes).toEqual([
      { description: '装配', minimalOperation: null },
      { description: '包装', minimalOperation: 'packing' },
    ]);
    const motor = result.bill.materials[0]!;
    expect(motor.subAssembly).toMatchObject({
      processes: [{ description: '绕线', minimalOperation: null }],
      valueAdded: { directLabour: 4, directOverhead: 2, profit: 1, otherCosts: 0.5 },
    });
    const stator = motor.subAssembly!.materials[0]!;
    expect(stator.subAssembly!.materials.map((material) => [material.name, material.originCountry])).toEqual([
      ['硅钢片', 'VN'],
      ['漆包线', 'VN'],
    ]);
    expect(stator.subAssembly!.materials[1]).toMatchObject({
      proofOfOrigin: { party: 'VN', agreements: ['RCEP', 'ACFTA'], document: 'E26VN0001' },
      deductions: [{ kind: 'inbound_transport', amount: 0.4, evidence: 'Freight invoice 17' }],
    });
    expect(motor.subAssembly!.materials[1]).toMatchObject({
      originCountry: 'undetermined',
      subAssembly: null,
    });
    expect(result.bill.materials[1]).toMatchObject({ role: 'retail_packing', subAssembly: null });
  });

  it('names the cell of every column that is wrong and says what to write', () => {
    const wrongs: Array<[column: string, value: CellValue, expected: RegExp]> = [
      ['Name', '', /^Materials!C2 Name: fill in this cell/],
      ['HS code', '85014X', /^Materials!D2 HS code "85014X": an HS code of 2 to 10 digits/],
      ['Origin', 'Japan', /^Materials!E2 Origin "JAPAN": .*country code/],
      ['Value', '30 USD', /^Materials!F2 Value "30 USD" is not a number; write digits only/],
      ['Value', 30.125, /^Materials!F2 Value "30.125": a value has at most two decimals/],
      ['Weight (kg)', -1, /^Materials!G2 Weight \(kg\) "-1": /],
      ['Role', 'spare', /^Materials!H2 Role "spare" is not known; write material, transport packing/],
    ];
    for (const [column, value, expected] of wrongs) {
      const row = [...MOTOR];
      row[MATERIAL_HEADERS.indexOf(column)] = value;
      const problems = problemsOf(
        billFromSheets([sheet('Product', PRODUCT), sheet('Materials', [MATERIAL_HEADERS, row])]),
      );
      expect(problems, column).toHaveLength(1);
      expect(problems[0], column).toMatch(expected);
    }
    const product = PRODUCT.map((row) => (row[0] === 'FOB price' ? ['FOB price', 0] : row));
    expect(
      problemsOf(billFromSheets([sheet('Product', product), sheet('Materials', [MATERIAL_HEADERS, MOTOR])])),
    ).toEqual(['Product!B7 FOB price "0": the FOB price is more than 0; correct the cell.']);
  });

  it('reports unknown columns, missing columns and sheets, levels without a parent and items that do not exist', () => {
    expect(
      problemsOf(
        billFromSheets([
          sheet('Product', [...PRODUCT, ['Colour', 'red']]),
          sheet('Materials', [
            [...MATERIAL_HEADERS, 'Supplier'],
            [...MOTOR, 'Acme'],
            [2, 3, 'Stator', '850300', 'CN', 12, null, null],
          ]),
          sheet('Processes', [
            ['Assembly', 'Description'],
            [9, 'winding'],
          ]),
        ]),
      ),
    ).toEqual([
      expect.stringMatching(/^Product!A9 Unknown product field "Colour"; use HS code, /),
      expect.stringMatching(
        /^Materials!I1 Unknown column "Supplier"; rename it to one of Item, Level, Name, /,
      ),
      'Materials!B3 Level 3 follows a line of level 1; a part of a sub-assembly is one level below it.',
      'Processes!A2 Item "9" is not in the Materials sheet\'s Item column (1).',
    ]);
    expect(
      problemsOf(
        billFromSheets([
          sheet('Materials', [
            ['Name', 'HS code', 'Value'],
            ['Motor', '850140', 30],
          ]),
        ]),
      ),
    ).toEqual([
      'Product No Product sheet; add one named Product (sheets found: Materials).',
      'Materials!1 Add a column "Origin" to Materials; it is required.',
    ]);
  });

  it('reads a CSV by sections with the file’s line numbers, and refuses one without sections', () => {
    const csv = [
      '[Product]',
      ...PRODUCT.map((row) => row.join(',')),
      '',
      '[Materials]',
      MATERIAL_HEADERS.join(','),
      '1,1,Universal motor,850140,JP,thirty,1.1,material',
    ].join('\r\n');
    expect(problemsOf(billFromCsv(csv))).toEqual([
      'Materials!F13 Value "thirty" is not a number; write digits only, such as 12.50 (no unit or currency).',
    ]);
    expect(problemsOf(billFromCsv('Name,HS code\nMotor,850140\n'))).toEqual([
      expect.stringMatching(/^CSV The CSV file has no sections; start its parts with lines \[Product\]/),
    ]);
    expect(problemsOf(billFromCsv('[Product]\nHS code,"8509\n'))).toEqual([
      'CSV!2 A quoted field that starts on this line is never closed; add the closing double quote.',
    ]);
  });
});
