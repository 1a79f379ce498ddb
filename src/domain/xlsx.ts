import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A reader of Office Open XML workbooks (.xlsx) for imports, written here so the core needs no package:
 * it unzips the file (central directory, stored and deflated entries, CRC checked), follows the workbook's
 * relationships to its sheets, and returns every sheet's cells as text, numbers and booleans with the row
 * numbers a spreadsheet shows. Styles, formulas and dates are not interpreted: a formula gives its cached
 * value. Uploads are untrusted, so the total inflated size and the number of entries are bounded (a zip
 * bomb is refused before it is inflated in full) and document type declarations are refused.
 */

/** A cell as the workbook stores it; null for an empty cell. */
export type CellValue = string | number | boolean | null;

/** One row that holds at least one cell: its number as the spreadsheet shows it, and cells from column A. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

/** A sheet by name, its rows in order. */
export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** Bounds on what one upload may cost to read. */
export interface XlsxLimits {
  /** Total bytes inflated from the archive. */
  maxInflatedBytes: number;
  /** Entries in the archive's directory. */
  maxEntries: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxInflatedBytes: 64 * 1024 * 1024, maxEntries: 5_000 };

/** The sheets of a workbook, or why the file cannot be read as one. */
export function readXlsx(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): { ok: true; sheets: Sheet[] } | { ok: false; reason: string } {
  try {
    return { ok: true, sheets: readWorkbook(openZip(bytes, limits)) };
  } catch (error) {
    if (error instanceof XlsxError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Whether the bytes start like a ZIP archive (an .xlsx is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** The column letters of a 0-based column index, as a spreadsheet heads it (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

class XlsxError extends Error {}

// ---- ZIP ----------------------------------------------------------------------------------------------

interface ZipEntry {
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  localHeaderOffset: number;
}

interface Zip {
  names: Set<string>;
  /** The entry's bytes, inflated within the archive's budget; undefined when there is no such entry. */
  read(name: string): Buffer | undefined;
}

function openZip(bytes: Uint8Array, limits: XlsxLimits): Zip {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!looksLikeZip(data))
    throw new XlsxError(
      'The file is not an .xlsx workbook (it is not a ZIP archive). Save it as Excel .xlsx.',
    );
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at -= 1)
    if (data.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0)
    throw new XlsxError('The workbook is damaged: its ZIP directory is missing (truncated file?).');
  const count = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw new XlsxError('The workbook uses ZIP64, which is not accepted; save a smaller workbook.');
  if (count > limits.maxEntries)
    throw new XlsxError(
      `The archive holds ${count} entries; a workbook for import holds at most ${limits.maxEntries}.`,
    );
  if (directoryOffset + directorySize > end)
    throw new XlsxError('The workbook is damaged: its ZIP directory points outside the file.');

  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || data.readUInt32LE(at) !== 0x02014b50)
      throw new XlsxError('The workbook is damaged: an entry of its ZIP directory cannot be read.');
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      flags: data.readUInt16LE(at + 8),
      method: data.readUInt16LE(at + 10),
      crc: data.readUInt32LE(at + 16),
      compressedSize: data.readUInt32LE(at + 20),
      localHeaderOffset: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }

  let budget = limits.maxInflatedBytes;
  return {
    names: new Set(entries.keys()),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.flags & 1)
        throw new XlsxError('The workbook is encrypted (password-protected); save it without a password.');
      const local = entry.localHeaderOffset;
      if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50)
        throw new XlsxError(`The workbook is damaged: entry ${name} cannot be found.`);
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      if (start + entry.compressedSize > data.length)
        throw new XlsxError(`The workbook is damaged: entry ${name} is cut short (truncated file?).`);
      const stored = data.subarray(start, start + entry.compressedSize);
      let content: Buffer;
      if (entry.method === 0) content = Buffer.from(stored);
      else if (entry.method === 8) {
        try {
          // One byte over the budget is enough to know it is exceeded, whatever the directory claims.
          content = inflateRawSync(stored, { maxOutputLength: budget + 1 });
        } catch (error) {
          if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits);
          throw new XlsxError(`The workbook is damaged: entry ${name} cannot be decompressed.`);
        }
      } else
        throw new XlsxError(
          `Entry ${name} uses ZIP compression method ${entry.method}, which is not accepted.`,
        );
      if (content.length > budget) throw tooLarge(limits);
      budget -= content.length;
      if (crc32(content) >>> 0 !== entry.crc >>> 0)
        throw new XlsxError(`The workbook is damaged: entry ${name} fails its checksum.`);
      return content;
    },
  };
}

const tooLarge = (limits: XlsxLimits) =>
  new XlsxError(
    `The workbook expands to more than ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB; ` +
      'it is refused (a compressed bomb, or far larger than any bill of materials).',
  );

// ---- XML ----------------------------------------------------------------------------------------------

interface XmlElement {
  /** The name without its namespace prefix. */
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const known = ENTITIES[entity];
    if (known === undefined) throw new XlsxError(`The workbook's XML uses an unknown entity ${whole}.`);
    return known;
  });
}

/** A start tag at a given position (sticky): name, attributes, and "/" when it closes itself. */
const START_TAG = /<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

/** A small non-validating XML parser: elements, attributes, text and CDATA; comments and PIs are skipped. */
function parseXml(xml: string, part: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: new Map(), children: [] };
  const stack: XmlElement[] = [root];
  const damaged = () => new XlsxError(`The workbook is damaged: ${part} is not well-formed XML.`);
  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    const textEnd = open < 0 ? xml.length : open;
    if (textEnd > at) stack.at(-1)!.children.push(decodeEntities(xml.slice(at, textEnd)));
    if (open < 0) break;
    if (xml.startsWith('<?', open) || xml.startsWith('<!--', open)) {
      const close = xml.indexOf(xml.startsWith('<?', open) ? '?>' : '-->', open);
      if (close < 0) throw damaged();
      at = close + (xml.startsWith('<?', open) ? 2 : 3);
    } else if (xml.startsWith('<![CDATA[', open)) {
      const close = xml.indexOf(']]>', open);
      if (close < 0) throw damaged();
      stack.at(-1)!.children.push(xml.slice(open + 9, close));
      at = close + 3;
    } else if (xml.startsWith('<!', open)) {
      // Document type declarations can define entities that expand without bound.
      throw new XlsxError(`${part} holds a document type declaration, which is refused.`);
    } else if (xml.startsWith('</', open)) {
      const close = xml.indexOf('>', open);
      if (close < 0) throw damaged();
      const element = stack.pop();
      if (!element || stack.length === 0 || element.name !== localName(xml.slice(open + 2, close).trim()))
        throw damaged();
      at = close + 1;
    } else {
      START_TAG.lastIndex = open;
      const match = START_TAG.exec(xml);
      if (!match) throw damaged();
      const attributes = new Map<string, string>();
      for (const attribute of match[2]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attributes.set(attribute[1]!, decodeEntities(attribute[2] ?? attribute[3] ?? ''));
      const element: XmlElement = { name: localName(match[1]!), attributes, children: [] };
      stack.at(-1)!.children.push(element);
      if (match[3] !== '/') stack.push(element);
      at = open + match[0].length;
    }
  }
  if (stack.length !== 1) throw damaged();
  const top = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!top) throw damaged();
  return top;
}

const childElements = (element: XmlElement, name: string) =>
  element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);

/** An attribute by its local name (`r:id` and `id` in another prefix are the same). */
function attribute(element: XmlElement, name: string): string | undefined {
  const exact = element.attributes.get(name);
  if (exact !== undefined) return exact;
  for (const [key, value] of element.attributes)
    if (localName(key) === name && key.includes(':')) return value;
  return undefined;
}

/** The text of `<t>` elements under an element, leaving out phonetic guides (`<rPh>`). */
function textOf(element: XmlElement): string {
  let text = '';
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === 't') text += child.children.filter((part) => typeof part === 'string').join('');
    else if (child.name !== 'rPh' && child.name !== 'phoneticPr') text += textOf(child);
  }
  // Characters XML cannot carry are written _xHHHH_ (ECMA-376 Part 1, 22.9.2.19).
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

// ---- Workbook -----------------------------------------------------------------------------------------

function readPart(zip: Zip, name: string): XmlElement | undefined {
  const content = zip.read(name);
  return content === undefined ? undefined : parseXml(content.toString('utf8'), name);
}

/** Relationship targets by id, resolved against the folder of the part they belong to. */
function relationships(zip: Zip, part: string): Map<string, { type: string; target: string }> {
  const folder = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const name = `${folder}_rels/${part.slice(folder.length)}.rels`;
  const found = new Map<string, { type: string; target: string }>();
  const document = readPart(zip, name);
  if (!document) return found;
  for (const relation of childElements(document, 'Relationship')) {
    const target = relation.attributes.get('Target') ?? '';
    if (relation.attributes.get('TargetMode') === 'External') continue;
    found.set(relation.attributes.get('Id') ?? '', {
      type: relation.attributes.get('Type') ?? '',
      target: resolvePath(folder, target),
    });
  }
  return found;
}

function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

function readWorkbook(zip: Zip): Sheet[] {
  const officeDocument = [...relationships(zip, '').values()].find((relation) =>
    relation.type.endsWith('/officeDocument'),
  );
  const workbookPath = officeDocument?.target ?? 'xl/workbook.xml';
  const workbook = readPart(zip, workbookPath);
  if (!workbook || workbook.name !== 'workbook')
    throw new XlsxError(
      zip.names.has('content.xml')
        ? 'The file is an OpenDocument spreadsheet (.ods); save it as Excel .xlsx.'
        : 'The file is a ZIP archive but not an Excel workbook (no xl/workbook.xml); save it as Excel .xlsx.',
    );
  const related = relationships(zip, workbookPath);
  const sharedStringsPath =
    [...related.values()].find((relation) => relation.type.endsWith('/sharedStrings'))?.target ??
    'xl/sharedStrings.xml';
  const sharedStringsPart = readPart(zip, sharedStringsPath);
  const sharedStrings = sharedStringsPart ? childElements(sharedStringsPart, 'si').map(textOf) : [];

  const sheetsElement = childElements(workbook, 'sheets')[0];
  const sheets: Sheet[] = [];
  for (const sheet of sheetsElement ? childElements(sheetsElement, 'sheet') : []) {
    const name = sheet.attributes.get('name') ?? '';
    const target = related.get(attribute(sheet, 'id') ?? '');
    // Chart sheets and dialog sheets hold no cells.
    if (!target || !target.type.endsWith('/worksheet')) continue;
    const part = readPart(zip, target.target);
    if (!part) throw new XlsxError(`The workbook is damaged: sheet "${name}" (${target.target}) is missing.`);
    sheets.push({ name, rows: readSheetRows(part, sharedStrings, name) });
  }
  if (sheets.length === 0) throw new XlsxError('The workbook has no worksheet.');
  return sheets;
}

/** "C7" → column 2 (0-based) and row 7; undefined when the reference is not a cell. */
function parseCellReference(reference: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(reference.toUpperCase());
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) };
}

const MAX_COLUMNS = 16_384;

function readSheetRows(worksheet: XmlElement, sharedStrings: string[], sheetName: string): SheetRow[] {
  const data = childElements(worksheet, 'sheetData')[0];
  if (!data) return [];
  const rows: SheetRow[] = [];
  let previousRow = 0;
  for (const rowElement of childElements(data, 'row')) {
    const rowNumber = Number(rowElement.attributes.get('r') ?? previousRow + 1);
    if (!Number.isInteger(rowNumber) || rowNumber <= previousRow)
      throw new XlsxError(`The workbook is damaged: sheet "${sheetName}" has rows out of order.`);
    previousRow = rowNumber;
    const cells: CellValue[] = [];
    let nextColumn = 0;
    for (const cell of childElements(rowElement, 'c')) {
      const reference = cell.attributes.get('r');
      const position = reference === undefined ? undefined : parseCellReference(reference);
      if (reference !== undefined && (!position || position.row !== rowNumber))
        throw new XlsxError(
          `The workbook is damaged: sheet "${sheetName}" has a cell "${reference}" in row ${rowNumber}.`,
        );
      const column = position ? position.column : nextColumn;
      if (column >= MAX_COLUMNS) throw new XlsxError(`Sheet "${sheetName}" has a cell beyond column XFD.`);
      nextColumn = column + 1;
      const value = cellValue(
        cell,
        sharedStrings,
        sheetName,
        reference ?? `${columnLetters(column)}${rowNumber}`,
      );
      if (value === null) continue;
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
    if (cells.length > 0) rows.push({ row: rowNumber, cells });
  }
  return rows;
}

function cellValue(
  cell: XmlElement,
  sharedStrings: string[],
  sheetName: string,
  reference: string,
): CellValue {
  const type = cell.attributes.get('t') ?? 'n';
  if (type === 'inlineStr') {
    const inline = childElements(cell, 'is')[0];
    return inline ? textOf(inline) : null;
  }
  const valueElement = childElements(cell, 'v')[0];
  if (!valueElement) return null;
  const raw = valueElement.children.filter((part) => typeof part === 'string').join('');
  switch (type) {
    case 's': {
      const shared = sharedStrings[Number(raw)];
      if (shared === undefined)
        throw new XlsxError(
          `The workbook is damaged: cell ${sheetName}!${reference} refers to a missing string.`,
        );
      return shared;
    }
    case 'b':
      return raw.trim() === '1';
    case 'str':
    case 'd':
      return raw;
    case 'e':
      // An error value (#N/A, #DIV/0!) is kept as its text so the import can say which cell holds it.
      return raw;
    default: {
      if (raw.trim() === '') return null;
      const number = Number(raw);
      if (!Number.isFinite(number))
        throw new XlsxError(
          `The workbook is damaged: cell ${sheetName}!${reference} holds "${raw}", not a number.`,
        );
      return number;
    }
  }
}
