/**
 * A small RFC 4180 reader for the tables administrators import: fields separated by commas, quoted with
 * double quotes (a quote inside is doubled), quoted fields may hold commas and line breaks. Each record
 * keeps the line it starts on, so problems can be reported by row as a spreadsheet numbers them.
 */

/** One record and the line (1 = the first) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Records of a CSV text, or the line of an unclosed quote. Blank lines are skipped; a BOM is dropped. */
export function readCsv(text: string): { ok: true; records: CsvRecord[] } | { ok: false; line: number } {
  const records: CsvRecord[] = [];
  const length = text.length;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Scans with indexOf and slice rather than character by character: an Annex 3A table has thousands of rows.
  while (index < length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(index) === QUOTE) {
        const opened = line;
        field = '';
        let from = index + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) return { ok: false, line: opened };
          const part = text.slice(from, quote);
          if (part.includes('\n')) line += part.split('\n').length - 1;
          field += part;
          if (text.charCodeAt(quote + 1) === QUOTE) {
            field += '"';
            from = quote + 2;
          } else {
            index = quote + 1;
            break;
          }
        }
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        const rest = index;
        while (index < length && !isSeparator(text.charCodeAt(index))) index += 1;
        if (index > rest) field += text.slice(rest, index);
      } else {
        const start = index;
        while (index < length && !isSeparator(text.charCodeAt(index))) index += 1;
        field = text.slice(start, index);
      }
      fields.push(field);
      if (text.charCodeAt(index) === COMMA) {
        index += 1;
        continue;
      }
      break;
    }
    // At a line end or the end of the text.
    if (text.charCodeAt(index) === CR && text.charCodeAt(index + 1) === LF) index += 2;
    else if (index < length) index += 1;
    line += 1;
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: recordLine, fields });
  }
  return { ok: true, records };
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const isSeparator = (code: number) => code === COMMA || code === LF || code === CR;

/** A field written back for a CSV file: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
