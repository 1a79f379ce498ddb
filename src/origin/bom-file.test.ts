import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../test/support/xlsx.js';
import { billFileFormat, billFromFile } from './bom-file.js';

const docs = path.join(import.meta.dirname, '..', '..', 'docs', 'origin');
const json = fs.readFileSync(path.join(docs, 'example-grinder.json'));
const csv = fs.readFileSync(path.join(docs, 'grinder.csv'));
const xlsx = fs.readFileSync(path.join(docs, 'grinder.xlsx'));

describe('billFromFile', () => {
  it('recognises the format by content, whatever the name says', () => {
    expect(billFileFormat(xlsx, 'bill.csv')).toBe('xlsx');
    expect(billFileFormat(json, 'bill.csv')).toBe('json');
    expect(billFileFormat(csv, 'bill.json')).toBe('csv');
    // An old binary .xls is sent to the workbook reader, which says how to save it.
    expect(billFromFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), { fileName: 'bill.xls' })).toMatchObject({
      ok: false,
      problems: [
        { path: '', code: 'unreadable_workbook', message: expect.stringMatching(/Save it as Excel \.xlsx/) },
      ],
    });
  });

  it('gives the same bill from all three files, and keeps the agreements and date of a whole JSON request', () => {
    const fromJson = billFromFile(json);
    expect(fromJson).toMatchObject({
      ok: true,
      format: 'json',
      request: { agreements: ['RCEP', 'ACFTA', 'NONPREFERENTIAL'], date: '2026-03-02' },
    });
    if (!fromJson.ok) return;
    expect(billFromFile(csv)).toStrictEqual({ ok: true, format: 'csv', bill: fromJson.bill, request: {} });
    expect(billFromFile(xlsx)).toStrictEqual({ ok: true, format: 'xlsx', bill: fromJson.bill, request: {} });
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB 18030) and reports JSON paths for a JSON file', () => {
    // Node's TextDecoder reads GB 18030 but cannot write it: the two Chinese words are given as bytes.
    const [before, between, after] = csv
      .toString('utf8')
      .replace('Name (Chinese)', '中文名称')
      .split(/中文名称|食品研磨机/);
    const bytes = Buffer.concat([
      Buffer.from(before!, 'ascii'),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xc3, 0xfb, 0xb3, 0xc6]), // 中文名称
      Buffer.from(between!, 'ascii'),
      Buffer.from([0xca, 0xb3, 0xc6, 0xb7, 0xd1, 0xd0, 0xc4, 0xa5, 0xbb, 0xfa]), // 食品研磨机
      Buffer.from(after!, 'ascii'),
    ]);
    const read = billFromFile(bytes);
    expect(read).toMatchObject({
      ok: true,
      format: 'csv',
      bill: { product: { names: { zh: '食品研磨机' } } },
    });
    const broken = JSON.stringify({ ...JSON.parse(json.toString('utf8')), bill: { product: {} } });
    expect(billFromFile(Buffer.from(broken))).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.objectContaining({ path: 'bill.product.hsCode' })]),
    });
  });

  it('refuses a zip bomb within the limits given', () => {
    const bomb = zip([{ name: 'xl/workbook.xml', content: Buffer.alloc(4 * 1024 * 1024, 0x20) }]);
    expect(
      billFromFile(bomb, { xlsxLimits: { maxInflatedBytes: 1024 * 1024, maxEntries: 10 } }),
    ).toMatchObject({
      ok: false,
      format: 'xlsx',
      problems: [
        { code: 'unreadable_workbook', message: expect.stringMatching(/more than 1 MB; it is refused/) },
      ],
    });
  });
});
