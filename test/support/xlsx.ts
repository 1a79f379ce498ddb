import { crc32, deflateRawSync } from 'node:zlib';
import type { CellValue } from '../../src/domain/xlsx.js';
import { columnLetters } from '../../src/domain/xlsx.js';

/** One file of a ZIP archive; `stored` keeps it uncompressed. */
export interface ZipFile {
  name: string;
  content: Buffer | string;
  stored?: boolean;
}

/** A ZIP archive of the files (local headers, central directory, end record), as tests need them. */
export function zip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8');
    const data = file.stored ? content : deflateRawSync(content);
    const name = Buffer.from(file.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(file.stored ? 0 : 8, 8);
    header.writeUInt32LE(crc32(content) >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 8, 6, 30); // flags, method, time, date, crc, sizes, name length
    entry.writeUInt16LE(0, 30);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, name, data);
    directory.push(entry, name);
    offset += header.length + name.length + data.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sheet to write: rows from row 1, cells from column A (null leaves a cell out). */
export interface SheetToWrite {
  name: string;
  rows: CellValue[][];
}

/**
 * A minimal .xlsx workbook as Excel lays it out: text in the shared string table (or inline strings with
 * `strings: 'inline'`), numbers and booleans in the cells, every cell with its reference.
 */
export function xlsxWorkbook(
  sheets: SheetToWrite[],
  options: { strings?: 'shared' | 'inline' } = {},
): Buffer {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sheetXml = sheets.map((sheet) => {
    const rows = sheet.rows
      .map((cells, rowIndex) => {
        const row = rowIndex + 1;
        const written = cells
          .map((value, column) => {
            const reference = `${columnLetters(column)}${row}`;
            if (value === null) return '';
            if (typeof value === 'number') return `<c r="${reference}"><v>${value}</v></c>`;
            if (typeof value === 'boolean') return `<c r="${reference}" t="b"><v>${value ? 1 : 0}</v></c>`;
            if (options.strings === 'inline')
              return `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
            let index = sharedIndex.get(value);
            if (index === undefined) {
              index = shared.push(value) - 1;
              sharedIndex.set(value, index);
            }
            return `<c r="${reference}" t="s"><v>${index}</v></c>`;
          })
          .join('');
        return written ? `<row r="${row}">${written}</row>` : '';
      })
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${rows}</sheetData></worksheet>`
    );
  });
  const relationship = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: ZipFile[] = [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${relationship}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relationship}"><sheets>` +
        sheets
          .map(
            (sheet, index) =>
              `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_sheet, index) =>
              `<Relationship Id="rId${index + 1}" Type="${relationship}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rIdStrings" Type="${relationship}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    },
    ...sheetXml.map((content, index) => ({ name: `xl/worksheets/sheet${index + 1}.xml`, content })),
  ];
  if (options.strings !== 'inline')
    files.push({
      name: 'xl/sharedStrings.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        shared.map((text) => `<si><t xml:space="preserve">${escape(text)}</t></si>`).join('') +
        '</sst>',
    });
  return zip(files);
}
