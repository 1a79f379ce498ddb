/**
 * The Harmonized System nomenclature (HS 2022): chapters, headings and subheadings with their English
 * descriptions, loaded once from data/hs2022/hs2022.csv. Answers "does this code exist" in constant time
 * and searches descriptions for the application form.
 */

export interface HsEntry {
  /** 2, 4 or 6 digits. */
  code: string;
  description: string;
  level: 2 | 4 | 6;
  /** The chapter or heading above; empty for a chapter. */
  parent: string;
}

export class HsNomenclature {
  private readonly byCode: Map<string, HsEntry>;
  private readonly searchable: Array<{ entry: HsEntry; words: string }>;

  constructor(entries: HsEntry[]) {
    this.byCode = new Map(entries.map((entry) => [entry.code, entry]));
    this.searchable = entries.map((entry) => ({ entry, words: entry.description.toLowerCase() }));
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): HsEntry | undefined {
    return this.byCode.get(code);
  }

  /** Whether a declared code (6 to 10 digits) rests on an HS 2022 subheading. */
  hasSubheadingOf(code: string): boolean {
    return /^\d{6,10}$/.test(code) && this.byCode.get(code.slice(0, 6))?.level === 6;
  }

  /**
   * Subheadings (then headings) whose code starts with the digits typed, or whose description holds every
   * word typed; codes first, then shorter descriptions.
   */
  search(query: string, limit = 20): HsEntry[] {
    const typed = query.trim().toLowerCase();
    if (typed === '') return [];
    const digits = typed.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) {
      const found: HsEntry[] = [];
      for (const { entry } of this.searchable) {
        if (entry.code.startsWith(digits.slice(0, 6)) && entry.level >= Math.min(6, digits.length)) {
          found.push(entry);
          if (found.length === limit) break;
        }
      }
      return found;
    }
    // Words keep their inner hyphens ("t-shirts"); every word must appear; whole-word hits rank first.
    const words = typed
      .split(/[\s,;()]+/)
      .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter(Boolean);
    const found = this.searchable
      .filter(
        ({ entry, words: description }) =>
          entry.level > 2 && words.every((word) => description.includes(word)),
      )
      .map(({ entry, words: description }) => ({
        entry,
        score: words.filter((word) => wholeWordIn(description, word)).length,
      }));
    found.sort(
      (a, b) =>
        b.score - a.score ||
        b.entry.level - a.entry.level ||
        a.entry.description.length - b.entry.description.length,
    );
    return found.slice(0, limit).map(({ entry }) => entry);
  }
}

/** Whether a word stands on its own in a text (not inside a longer word such as "nightshirts"). */
function wholeWordIn(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + word.length];
    if (
      (before === undefined || !/[\p{L}\p{N}-]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}-]/u.test(after))
    )
      return true;
    from = at + 1;
  }
}

/** Reads the nomenclature's CSV (`section,hscode,description,parent,level`; quoted fields may hold commas). */
export function parseHsCsv(csv: string): HsEntry[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header !== 'section,hscode,description,parent,level')
    throw new Error(`HS file: unexpected header "${header ?? ''}"`);
  return lines.map((line, index) => {
    const fields = splitCsvLine(line);
    const [, code, description, parent, level] = fields;
    const row = index + 2;
    if (fields.length !== 5 || !code || !description)
      throw new Error(`HS file line ${row}: expected 5 fields with a code and a description`);
    if (!/^(\d{2}|\d{4}|\d{6})$/.test(code) || String(code.length) !== level)
      throw new Error(`HS file line ${row}: code "${code}" does not match level ${level ?? ''}`);
    return {
      code,
      description,
      level: code.length as 2 | 4 | 6,
      parent: parent === 'TOTAL' ? '' : (parent ?? ''),
    };
  });
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        current += '"';
        index++;
      } else if (character === '"') quoted = false;
      else current += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      fields.push(current);
      current = '';
    } else current += character;
  }
  fields.push(current);
  return fields;
}
