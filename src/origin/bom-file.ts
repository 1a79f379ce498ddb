import type { FieldProblem } from '../domain/errors.js';
import type { XlsxLimits } from '../domain/xlsx.js';
import { DEFAULT_XLSX_LIMITS, looksLikeZip, readXlsx } from '../domain/xlsx.js';
import type { BillOfMaterials } from './bill-of-materials.js';
import { parseBillOfMaterials } from './bill-of-materials.js';
import { billFromCsv, billFromSheets, cellReference } from './bom-table.js';

/**
 * A bill-of-materials file as it is uploaded or named on the command line, recognised by its content:
 * an .xlsx workbook (a ZIP archive), JSON (the bill alone or the evaluateOrigin request body), or CSV in
 * sections. Problems come back in the API's field shape, with a spreadsheet's references as paths
 * (`Materials!C7`) for tables and dotted paths (`materials.2.value`) for JSON.
 */

export type BillFileFormat = 'json' | 'csv' | 'xlsx';

export type BillFileResult =
  | {
      ok: true;
      format: BillFileFormat;
      bill: BillOfMaterials;
      /** Agreements and date when a JSON file is a whole evaluateOrigin request. */
      request: { agreements?: unknown; date?: unknown };
    }
  | { ok: false; format: BillFileFormat; problems: FieldProblem[] };

/** The format of a file by its content (the name only tells an old binary .xls from CSV). */
export function billFileFormat(bytes: Uint8Array, fileName = ''): BillFileFormat {
  if (looksLikeZip(bytes) || /\.xlsx?$/i.test(fileName)) return 'xlsx';
  const text = decodeText(bytes).trimStart();
  return text.startsWith('{') ? 'json' : 'csv';
}

/** UTF-8 (with or without BOM); a CSV saved by Excel on Chinese Windows is GB 18030, read as such. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads and checks a bill-of-materials file of any accepted format. */
export function billFromFile(
  bytes: Uint8Array,
  options: { fileName?: string; xlsxLimits?: XlsxLimits } = {},
): BillFileResult {
  const format = billFileFormat(bytes, options.fileName);
  const fail = (problems: FieldProblem[]) => ({ ok: false as const, format, problems });
  if (format === 'json') {
    let content: unknown;
    try {
      content = JSON.parse(decodeText(bytes));
    } catch (error) {
      return fail([
        { path: '', code: 'malformed_json', message: `The JSON cannot be read: ${(error as Error).message}` },
      ]);
    }
    const whole = content !== null && typeof content === 'object' && 'bill' in content;
    const request = whole
      ? (content as { bill: unknown; agreements?: unknown; date?: unknown })
      : { bill: content };
    const parsed = parseBillOfMaterials(request.bill);
    if (!parsed.ok)
      return fail(
        parsed.problems.map((problem) => ({
          path: whole ? `bill.${problem.path}`.replace(/\.$/, '') : problem.path,
          code: 'invalid',
          message: problem.message,
        })),
      );
    return {
      ok: true,
      format,
      bill: parsed.bill,
      request: { agreements: request.agreements, date: request.date },
    };
  }
  let result;
  if (format === 'xlsx') {
    const workbook = readXlsx(bytes, options.xlsxLimits ?? DEFAULT_XLSX_LIMITS);
    if (!workbook.ok) return fail([{ path: '', code: 'unreadable_workbook', message: workbook.reason }]);
    result = billFromSheets(workbook.sheets);
  } else result = billFromCsv(decodeText(bytes));
  if (!result.ok)
    return fail(
      result.problems.map((problem) => ({
        path: cellReference(problem),
        code: problem.code,
        message: problem.message,
      })),
    );
  return { ok: true, format, bill: result.bill, request: {} };
}
