import type { HsNomenclature } from '../domain/hs-nomenclature.js';
import { readCsv } from './csv.js';
import type { HsItem } from './hs-codes.js';
import { formatHsItem, hsItemContains } from './hs-codes.js';
import type { Rule } from './rule-language.js';
import { parseRule, printRule } from './rule-language.js';

/**
 * Product-specific rules (PSR) as a table an administrator imports from CSV or JSON: each row covers an
 * HS scope (chapter, heading, subheading or a range), gives the rule in the rule language, names its
 * source (document, page, version) and its validity. The whole file is checked before it is used (every
 * rule text is parsed; problems come back by row and column) and never loaded in part; where rows
 * overlap, the most specific row valid on the date wins; two versions can be compared before one
 * replaces the other.
 */

/** Where a row's rule was taken from, so an officer can look it up. */
export interface RuleSource {
  document: string;
  page: string;
  version: string;
}

/** One row of a product-specific rule table. */
export interface ProductSpecificRule {
  /** The HS codes the row covers: one code or a range of codes of the same length. */
  scope: HsItem;
  rule: Rule;
  /** The rule in canonical form (`printRule`), so that spacing never counts as a change. */
  ruleText: string;
  source: RuleSource;
  /** First day the row applies (YYYY-MM-DD). */
  validFrom: string;
  /** Last day the row applies, inclusive; null while it has no end. */
  validTo: string | null;
  note: string;
  /** Where the row is in the imported file: the CSV line (the header is 1) or the JSON row (1 = first). */
  row: number;
}

/** A checked table, indexed for lookup. Build one with parseRuleTableCsv, parseRuleTableJson or buildRuleTable. */
export interface RuleTable {
  /** The agreement profile id the table belongs to ("RCEP"). */
  agreement: string;
  rows: readonly ProductSpecificRule[];
  /** Single-code rows by their code (2, 4 or 6 digits). */
  byCode: ReadonlyMap<string, readonly ProductSpecificRule[]>;
  /** Range rows, looked through one by one (few in practice). */
  ranges: readonly ProductSpecificRule[];
}

/** A problem in an imported table: the row, the column, and what is wrong. */
export interface RuleTableProblem {
  /** CSV: the line in the file (the header is line 1). JSON: the row's place in `rows` (1 = first). */
  row: number;
  column: string;
  message: string;
  /** For a rule that does not parse: the character in the rule text (1 = first). */
  position?: number;
}

/** The checked table, or every problem found (a table is never loaded in part). */
export type RuleTableResult = { ok: true; table: RuleTable } | { ok: false; problems: RuleTableProblem[] };

/** What a table import needs besides the text. */
export interface RuleTableOptions {
  agreement: string;
  /** When given, every code in a scope must exist in it. */
  nomenclature?: HsNomenclature;
}

/** CSV columns, in the order a written file uses; `valid_to` and `note` may be empty. */
export const RULE_TABLE_COLUMNS = [
  'hs',
  'rule',
  'document',
  'page',
  'version',
  'valid_from',
  'valid_to',
  'note',
] as const;
type Column = (typeof RULE_TABLE_COLUMNS)[number];
const OPTIONAL_COLUMNS: readonly Column[] = ['valid_to', 'note'];

/** The JSON key of each column. */
const JSON_KEYS: Record<Column, string> = {
  hs: 'hs',
  rule: 'rule',
  document: 'document',
  page: 'page',
  version: 'version',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  note: 'note',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text is a real calendar day written YYYY-MM-DD (checked without Date: it runs per determination). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= length;
}

/** A scope as written ("85", "8509", "8509.40", "850940", "8501-8504"), or why it is not one. */
export function parseHsScope(written: string): { ok: true; scope: HsItem } | { ok: false; message: string } {
  const code = (part: string) => {
    const trimmed = part.trim();
    return /^(\d{2}|\d{4}|\d{6}|\d{4}\.\d{2})$/.test(trimmed) ? trimmed.replace('.', '') : null;
  };
  const parts = written.split('-');
  const from = parts[0] === undefined ? null : code(parts[0]);
  const to = parts.length === 2 ? code(parts[1]!) : parts.length === 1 ? from : null;
  if (from === null || to === null)
    return {
      ok: false,
      message: `"${written}" is not an HS scope: write a chapter (85), heading (8509), subheading (8509.40) or a range (8501-8504)`,
    };
  if (from.length !== to.length) return { ok: false, message: 'a range joins two codes of the same length' };
  if (to < from) return { ok: false, message: 'a range runs from the lower code to the higher' };
  return { ok: true, scope: { from, to } };
}

/** Checks one row's fields; adds problems and returns the row when it is sound. */
function checkRow(
  fields: Record<Column, string>,
  row: number,
  columnName: (column: Column) => string,
  options: RuleTableOptions,
  problems: RuleTableProblem[],
): ProductSpecificRule | null {
  const before = problems.length;
  const report = (column: Column, message: string, position?: number) =>
    problems.push({
      row,
      column: columnName(column),
      message,
      ...(position === undefined ? {} : { position }),
    });
  let scope: HsItem | null = null;
  const scopeText = fields.hs.trim();
  if (scopeText === '') report('hs', 'the HS scope is empty');
  else {
    const parsed = parseHsScope(scopeText);
    if (!parsed.ok) report('hs', parsed.message);
    else {
      scope = parsed.scope;
      if (options.nomenclature) {
        for (const code of new Set([scope.from, scope.to]))
          if (!options.nomenclature.get(code)) report('hs', `${code} is not in the HS nomenclature`);
      }
    }
  }
  let rule: Rule | null = null;
  if (fields.rule.trim() === '') report('rule', 'the rule is empty');
  else {
    const parsed = parseRule(fields.rule);
    if (parsed.ok) rule = parsed.rule;
    else
      report('rule', `at character ${parsed.error.position}: ${parsed.error.message}`, parsed.error.position);
  }
  for (const column of ['document', 'page', 'version'] as const) {
    const value = fields[column].trim();
    if (value === '') report(column, `the source ${column} is empty`);
    else if (value.length > 300) report(column, 'at most 300 characters');
  }
  const validFrom = fields.valid_from.trim();
  const validTo = fields.valid_to.trim();
  if (!isDay(validFrom)) report('valid_from', `"${validFrom}" is not a day written YYYY-MM-DD`);
  if (validTo !== '' && !isDay(validTo)) report('valid_to', `"${validTo}" is not a day written YYYY-MM-DD`);
  else if (validTo !== '' && isDay(validFrom) && validTo < validFrom)
    report('valid_to', `the row ends (${validTo}) before it starts (${validFrom})`);
  if (problems.length > before || !scope || !rule) return null;
  return {
    scope,
    rule,
    ruleText: printRule(rule),
    source: {
      document: fields.document.trim(),
      page: fields.page.trim(),
      version: fields.version.trim(),
    },
    validFrom,
    validTo: validTo === '' ? null : validTo,
    note: fields.note.trim(),
    row,
  };
}

const levelOf = (scope: HsItem) => scope.from.length;
const spanOf = (scope: HsItem) => Number(scope.to) - Number(scope.from);

/** Orders rows from the most specific: more digits first, then the narrower range. */
function bySpecificity(a: ProductSpecificRule, b: ProductSpecificRule): number {
  return levelOf(b.scope) - levelOf(a.scope) || spanOf(a.scope) - spanOf(b.scope);
}

const overlapInTime = (a: ProductSpecificRule, b: ProductSpecificRule) =>
  (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);

/**
 * Indexes checked rows into a table, refusing rows that would make a lookup ambiguous: two rows of the same
 * specificity whose codes and validity overlap (the same subheading twice for the same days, say).
 */
export function buildRuleTable(
  agreement: string,
  rows: readonly ProductSpecificRule[],
  columnName = 'hs',
): RuleTableResult {
  const problems: RuleTableProblem[] = [];
  const groups = new Map<string, ProductSpecificRule[]>();
  for (const row of rows) {
    const key = `${levelOf(row.scope)}:${spanOf(row.scope)}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) =>
      a.scope.from < b.scope.from ? -1 : a.scope.from > b.scope.from ? 1 : a.row - b.row,
    );
    for (let first = 0; first < group.length; first++) {
      const a = group[first]!;
      for (let second = first + 1; second < group.length; second++) {
        const b = group[second]!;
        if (b.scope.from > a.scope.to) break;
        if (overlapInTime(a, b))
          problems.push({
            row: Math.max(a.row, b.row),
            column: columnName,
            message: `${formatHsItem(b.scope)} overlaps row ${Math.min(a.row, b.row)} (${formatHsItem(a.scope)}) for the same days at the same level: which applies would be ambiguous`,
          });
      }
    }
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  const byCode = new Map<string, ProductSpecificRule[]>();
  const ranges: ProductSpecificRule[] = [];
  for (const row of rows) {
    if (row.scope.from !== row.scope.to) ranges.push(row);
    else {
      const list = byCode.get(row.scope.from);
      if (list) list.push(row);
      else byCode.set(row.scope.from, [row]);
    }
  }
  return { ok: true, table: { agreement, rows: [...rows], byCode, ranges } };
}

/** Reads a CSV table (header `hs,rule,document,page,version,valid_from,valid_to,note`); rows as a spreadsheet numbers them. */
export function parseRuleTableCsv(text: string, options: RuleTableOptions): RuleTableResult {
  const read = readCsv(text);
  if (!read.ok)
    return { ok: false, problems: [{ row: read.line, column: '', message: 'a quoted field is not closed' }] };
  const [header, ...records] = read.records;
  if (!header) return { ok: false, problems: [{ row: 1, column: '', message: 'the file is empty' }] };
  const problems: RuleTableProblem[] = [];
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const places = new Map<Column, number>();
  names.forEach((name, place) => {
    if (!(RULE_TABLE_COLUMNS as readonly string[]).includes(name))
      problems.push({
        row: header.line,
        column: name,
        message: `unknown column; the columns are ${RULE_TABLE_COLUMNS.join(', ')}`,
      });
    else if (places.has(name as Column))
      problems.push({ row: header.line, column: name, message: 'the column appears twice' });
    else places.set(name as Column, place);
  });
  for (const column of RULE_TABLE_COLUMNS)
    if (!places.has(column) && !OPTIONAL_COLUMNS.includes(column))
      problems.push({ row: header.line, column, message: 'the column is missing' });
  if (problems.length) return { ok: false, problems };
  const rows: ProductSpecificRule[] = [];
  for (const record of records) {
    if (record.fields.length > names.length) {
      problems.push({
        row: record.line,
        column: '',
        message: `${record.fields.length} fields where the header has ${names.length} (a comma inside a rule needs the field in quotes)`,
      });
      continue;
    }
    const fields = {} as Record<Column, string>;
    for (const column of RULE_TABLE_COLUMNS) {
      const place = places.get(column);
      fields[column] = place === undefined ? '' : (record.fields[place] ?? '');
    }
    const row = checkRow(fields, record.line, (column) => column, options, problems);
    if (row) rows.push(row);
  }
  if (problems.length) return { ok: false, problems };
  return buildRuleTable(options.agreement, rows);
}

/**
 * Reads a JSON table: `{ "agreement": "RCEP", "rows": [{ "hs", "rule", "document", "page", "version",
 * "validFrom", "validTo", "note" }] }` or the rows array alone. A text that is not JSON is a problem too.
 */
export function parseRuleTableJson(text: string, options: RuleTableOptions): RuleTableResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ row: 0, column: '', message: `not JSON: ${(error as Error).message}` }],
    };
  }
  const container = value as { agreement?: unknown; rows?: unknown } | null;
  const list = Array.isArray(value) ? (value as unknown[]) : container?.rows;
  if (!Array.isArray(list))
    return {
      ok: false,
      problems: [{ row: 0, column: 'rows', message: 'expected an array of rows, or an object with "rows"' }],
    };
  if (
    !Array.isArray(value) &&
    container?.agreement !== undefined &&
    container.agreement !== options.agreement
  )
    return {
      ok: false,
      problems: [
        {
          row: 0,
          column: 'agreement',
          message: `the file is for ${String(container.agreement)}, not ${options.agreement}`,
        },
      ],
    };
  const problems: RuleTableProblem[] = [];
  const rows: ProductSpecificRule[] = [];
  const known = new Set(Object.values(JSON_KEYS));
  list.forEach((entry: unknown, index) => {
    const row = index + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ row, column: '', message: 'a row is an object' });
      return;
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!known.has(key)) problems.push({ row, column: key, message: 'unknown key' });
    const fields = {} as Record<Column, string>;
    for (const column of RULE_TABLE_COLUMNS) {
      const raw = record[JSON_KEYS[column]];
      if (raw === undefined || raw === null) fields[column] = '';
      else if (typeof raw === 'string' || (column === 'page' && typeof raw === 'number'))
        fields[column] = String(raw);
      else {
        problems.push({ row, column: JSON_KEYS[column], message: 'expected a string' });
        fields[column] = '';
      }
    }
    const checked = checkRow(fields, row, (column) => JSON_KEYS[column], options, problems);
    if (checked) rows.push(checked);
  });
  if (problems.length) return { ok: false, problems };
  return buildRuleTable(options.agreement, rows);
}

/** Whether a row applies on a day (both ends inclusive). */
export const validOn = (row: ProductSpecificRule, day: string): boolean =>
  row.validFrom <= day && (row.validTo === null || day <= row.validTo);

/** The row that decides a product's rule on a day, and the less specific rows it overrides. */
export interface RuleLookup {
  row: ProductSpecificRule;
  overridden: ProductSpecificRule[];
}

/** The most specific row valid on the day whose scope holds the code (6 to 10 digits); null when none does. */
export function lookupRule(table: RuleTable, hsCode: string, day: string): RuleLookup | null {
  const found: ProductSpecificRule[] = [];
  for (const digits of [6, 4, 2]) {
    if (hsCode.length < digits) continue;
    for (const row of table.byCode.get(hsCode.slice(0, digits)) ?? []) if (validOn(row, day)) found.push(row);
  }
  for (const row of table.ranges)
    if (hsItemContains(row.scope, hsCode) === 'yes' && validOn(row, day)) found.push(row);
  if (found.length === 0) return null;
  found.sort(bySpecificity);
  const [row, ...overridden] = found as [ProductSpecificRule, ...ProductSpecificRule[]];
  return { row, overridden };
}

/** A row whose rule, end or source differs between two versions of a table. */
export interface ChangedRule {
  before: ProductSpecificRule;
  after: ProductSpecificRule;
  /** What differs: "rule", "validTo", "document", "page", "version", "note". */
  fields: string[];
}

/** What a new version of a table would change, for an administrator to review before it takes effect. */
export interface RuleTableDiff {
  added: ProductSpecificRule[];
  removed: ProductSpecificRule[];
  changed: ChangedRule[];
  unchanged: number;
}

/** A row's identity across versions: its scope and the day it starts. */
const rowKey = (row: ProductSpecificRule) => `${formatHsItem(row.scope)}@${row.validFrom}`;

/** Compares two versions of a table row by row (rules compared in canonical form). */
export function diffRuleTables(before: RuleTable, after: RuleTable): RuleTableDiff {
  const previous = new Map(before.rows.map((row) => [rowKey(row), row]));
  const diff: RuleTableDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const row of after.rows) {
    const key = rowKey(row);
    seen.add(key);
    const old = previous.get(key);
    if (!old) {
      diff.added.push(row);
      continue;
    }
    const fields: string[] = [];
    if (old.ruleText !== row.ruleText) fields.push('rule');
    if (old.validTo !== row.validTo) fields.push('validTo');
    for (const part of ['document', 'page', 'version'] as const)
      if (old.source[part] !== row.source[part]) fields.push(part);
    if (old.note !== row.note) fields.push('note');
    if (fields.length) diff.changed.push({ before: old, after: row, fields });
    else diff.unchanged += 1;
  }
  for (const [key, row] of previous) if (!seen.has(key)) diff.removed.push(row);
  return diff;
}

/** One line per difference, for a review screen or a CLI. */
export function describeRuleTableDiff(diff: RuleTableDiff): string[] {
  const from = (row: ProductSpecificRule) => `${formatHsItem(row.scope)} from ${row.validFrom}`;
  return [
    ...diff.added.map((row) => `added ${from(row)}: ${row.ruleText}`),
    ...diff.removed.map((row) => `removed ${from(row)}: ${row.ruleText}`),
    ...diff.changed.map(
      ({ before, after, fields }) =>
        `changed ${from(after)} (${fields.join(', ')}): ${before.ruleText === after.ruleText ? after.ruleText : `${before.ruleText} → ${after.ruleText}`}`,
    ),
    `${diff.unchanged} rows unchanged`,
  ];
}
