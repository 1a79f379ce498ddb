import { describe, expect, it } from 'vitest';
import { xlsxWorkbook, zip } from '../../test/support/xlsx.js';
import { columnLetters, readXlsx } from './xlsx.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of one sheet whose XML and shared strings the test writes by hand. */
function handWritten(sheetData: string, sharedStrings?: string) {
  return zip([
    {
      name: 'xl/workbook.xml',
      content: `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Materials" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
    },
    ...(sharedStrings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', content: sharedStrings }]),
  ]);
}

describe('readXlsx', () => {
  it('reads shared strings, inline strings, numbers and booleans at the rows and columns a spreadsheet shows', () => {
    const shared = xlsxWorkbook([
      {
        name: 'Product',
        rows: [
          ['Field', 'Value'],
          ['FOB price', 100],
        ],
      },
      { name: '物料', rows: [['Name', 'Retail?'], [], ['Motor & <gear>', true], [null, null, 12.5]] },
    ]);
    const inline = xlsxWorkbook(
      [
        {
          name: 'Materials',
          rows: [
            ['名称', 'HS编码'],
            ['Blade "set"', '820890'],
          ],
        },
      ],
      { strings: 'inline' },
    );
    expect(readXlsx(shared)).toStrictEqual({
      ok: true,
      sheets: [
        {
          name: 'Product',
          rows: [
            { row: 1, cells: ['Field', 'Value'] },
            { row: 2, cells: ['FOB price', 100] },
          ],
        },
        {
          name: '物料',
          rows: [
            { row: 1, cells: ['Name', 'Retail?'] },
            { row: 3, cells: ['Motor & <gear>', true] },
            { row: 4, cells: [null, null, 12.5] },
          ],
        },
      ],
    });
    expect(readXlsx(inline)).toStrictEqual({
      ok: true,
      sheets: [
        {
          name: 'Materials',
          rows: [
            { row: 1, cells: ['名称', 'HS编码'] },
            { row: 2, cells: ['Blade "set"', '820890'] },
          ],
        },
      ],
    });
  });

  it('joins rich-text runs, leaves out phonetic guides, decodes entities and _xHHHH_ escapes, and places cells by reference', () => {
    const workbook = handWritten(
      '<row r="7"><c r="C7" t="s"><v>0</v></c><c r="AA7" t="s"><v>1</v></c></row>' +
        '<row r="9"><c r="B9" t="str"><v>&#x4E2D;&#22269;</v></c><c r="D9" t="e"><v>#N/A</v></c><c r="E9"><v>1.5E2</v></c></row>',
      `<sst xmlns="${MAIN}"><si><r><rPr><b/></rPr><t>Grinding </t></r><r><t xml:space="preserve">blade &amp; set</t></r>` +
        '<rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>line_x000D_break</t></si></sst>',
    );
    const read = readXlsx(workbook);
    expect(read).toStrictEqual({
      ok: true,
      sheets: [
        {
          name: 'Materials',
          rows: [
            {
              row: 7,
              cells: [null, null, 'Grinding blade & set', ...Array<null>(23).fill(null), 'line\rbreak'],
            },
            { row: 9, cells: [null, '中国', null, '#N/A', 150] },
          ],
        },
      ],
    });
  });

  it('refuses a file that is not a ZIP, a ZIP that is not a workbook, an .ods and a damaged archive, saying what to do', () => {
    const reason = (bytes: Buffer) => {
      const read = readXlsx(bytes);
      return read.ok ? 'read' : read.reason;
    };
    expect(reason(Buffer.from('Name,HS code\n'))).toMatch(/not an \.xlsx workbook .*Save it as Excel \.xlsx/);
    expect(reason(zip([{ name: 'readme.txt', content: 'hello' }]))).toMatch(/not an Excel workbook/);
    expect(reason(zip([{ name: 'content.xml', content: '<office:document-content/>' }]))).toMatch(/\.ods/);
    const good = xlsxWorkbook([{ name: 'Materials', rows: [['Name']] }]);
    expect(reason(good.subarray(0, good.length - 30))).toMatch(/damaged/);
    // One byte changed inside the compressed sheet: inflating or its checksum fails.
    const corrupt = Buffer.from(good);
    const sheetAt = corrupt.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    corrupt[sheetAt + 5] = corrupt[sheetAt + 5]! ^ 0xff;
    expect(reason(corrupt)).toMatch(/damaged: entry xl\/worksheets\/sheet1\.xml/);
    expect(
      reason(handWritten('<row r="1"><c r="A1" t="s"><v>3</v></c></row>', `<sst xmlns="${MAIN}"/>`)),
    ).toMatch(/Materials!A1 refers to a missing string/);
    expect(reason(handWritten('<row r="1"><c r="A1"><v>1</v></row>'))).toMatch(/not well-formed XML/);
  });

  it('refuses a zip bomb before inflating it in full, and a document type declaration', () => {
    // 40 MB of spaces deflate to about 40 kB; the reader stops at its limit.
    const bomb = zip([
      { name: 'xl/workbook.xml', content: `<workbook xmlns="${MAIN}"><sheets/></workbook>` },
      { name: 'xl/sharedStrings.xml', content: Buffer.alloc(40 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const read = readXlsx(bomb, { maxInflatedBytes: 8 * 1024 * 1024, maxEntries: 100 });
    expect(read).toStrictEqual({ ok: false, reason: expect.stringMatching(/more than 8 MB; it is refused/) });
    const doctype = handWritten('', '<!DOCTYPE sst [<!ENTITY a "aaaa">]><sst/>');
    expect(readXlsx(doctype)).toStrictEqual({
      ok: false,
      reason: expect.stringMatching(/document type declaration/),
    });
  });

  it('names columns as a spreadsheet heads them', () => {
    expect([0, 2, 25, 26, 27, 701, 702, 16_383].map(columnLetters)).toEqual([
      'A',
      'C',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
