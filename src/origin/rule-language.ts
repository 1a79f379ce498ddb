import type { HsItem } from './hs-codes.js';
import { formatHsList } from './hs-codes.js';

/**
 * The rule language of origin rules: a short text such as `CTSH | RVC(40)` or `CC & MAXNOM(50, EXW)`,
 * parsed into a typed tree and printed back (`parseRule(printRule(rule))` gives the same tree). Grammar,
 * in EBNF (docs/adr/0007-rule-language.md); keywords are read in any case:
 *
 *   rule      = any-of ;
 *   any-of    = all-of , { "|" , all-of } ;                 (* OR: "|" binds looser than "&" *)
 *   all-of    = unit , { "&" , unit } ;                     (* AND *)
 *   unit      = "(" , any-of , ")" | leaf ;
 *   leaf      = "WO" | "PE"
 *             | ( "CC" | "CTH" | "CTSH" ) , [ "except" , hs-list ] , [ "from" , hs-list ]
 *             | "RVC" , "(" , number , [ "," , ( "build-down" | "build-up" ) ] , ")"
 *             | "MAXNOM" , "(" , number , "," , ( "EXW" | "FOB" ) , ")"
 *             | "WEIGHT" , "(" , number , ")"
 *             | "PROCESS" , "(" , string , ")" ;
 *   hs-list   = hs-item , { "," , hs-item } ;
 *   hs-item   = hs-code , [ "-" , hs-code ] ;               (* a range joins codes of one length *)
 *   hs-code   = 2 * digit | 4 * digit | 6 * digit | 4 * digit , "." , 2 * digit ;
 *   number    = digit , { digit } , [ "." , digit , [ digit ] ] ;
 *   string    = '"' , { character - ( '"' | "\" ) | "\" , ( '"' | "\" ) } , '"' ;
 *
 * Parse errors are values naming the character (1 = the first) and what was expected.
 */

/** The leaves, as the language writes them. */
export const LEAF_KINDS = ['WO', 'PE', 'CC', 'CTH', 'CTSH', 'RVC', 'MAXNOM', 'WEIGHT', 'PROCESS'] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

/** Change of chapter (2 digits), heading (4) or subheading (6). */
export type TariffChangeLevel = 'CC' | 'CTH' | 'CTSH';

/** Build-down: (price - VNM) / price. Build-up: (VOM + labour + overhead + profit + other) / price. */
export const RVC_METHODS = ['build-down', 'build-up'] as const;
export type RvcMethod = (typeof RVC_METHODS)[number];

/** The price a maximum non-originating content is a share of. */
export const PRICE_BASES = ['EXW', 'FOB'] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];

/** Wholly obtained or produced in the exporting Party. */
export interface WhollyObtainedRule {
  kind: 'WO';
}

/** Produced entirely from originating materials. */
export interface ProducedEntirelyRule {
  kind: 'PE';
}

/** Every non-originating material changes chapter, heading or subheading; `except` and `from` narrow it. */
export interface TariffChangeRule {
  kind: TariffChangeLevel;
  /** Non-originating materials classified here do not qualify even when they change classification. */
  except: HsItem[];
  /** When not empty, only non-originating materials classified here qualify ("from only"). */
  from: HsItem[];
}

/** Regional value content of at least `threshold` per cent. */
export interface ValueContentRule {
  kind: 'RVC';
  /** Per cent, more than 0 and at most 100, at most two decimals. */
  threshold: number;
  method: RvcMethod;
}

/** Non-originating materials at most `percent` per cent of the ex-works or FOB price. */
export interface MaxNonOriginatingRule {
  kind: 'MAXNOM';
  percent: number;
  basis: PriceBasis;
}

/** Non-originating materials at most `percent` per cent of the product's net weight. */
export interface WeightRule {
  kind: 'WEIGHT';
  percent: number;
}

/** A specific process; it needs evidence, so the engine answers "needs review" (UNKNOWN). */
export interface ProcessRule {
  kind: 'PROCESS';
  description: string;
}

/** Every operand is met (`&`). */
export interface AllOfRule {
  kind: 'AND';
  operands: Rule[];
}

/** Any operand is met (`|`). */
export interface AnyOfRule {
  kind: 'OR';
  operands: Rule[];
}

/** A leaf of the rule tree. */
export type LeafRule =
  | WhollyObtainedRule
  | ProducedEntirelyRule
  | TariffChangeRule
  | ValueContentRule
  | MaxNonOriginatingRule
  | WeightRule
  | ProcessRule;

/** A rule tree, as parseRule reads it and printRule writes it. */
export type Rule = LeafRule | AllOfRule | AnyOfRule;

/** Where and why a rule text could not be read. */
export interface RuleSyntaxError {
  /** The character the problem starts at: 1 is the first; length + 1 is the end of the text. */
  position: number;
  message: string;
}

/** The tree, or where and why the text could not be read. */
export type RuleParseResult = { ok: true; rule: Rule } | { ok: false; error: RuleSyntaxError };

/** The longest rule text accepted; Annex 3A rules are far shorter. */
export const MAX_RULE_LENGTH = 2000;
const MAX_DEPTH = 32;

const EXPECTED_RULE = 'expected a rule: WO, PE, CC, CTH, CTSH, RVC, MAXNOM, WEIGHT, PROCESS or (';

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isHsCharacter = (code: number) => (code >= 48 && code <= 57) || code === 46;
/** Spaces, tabs, line breaks and the other white space of \s. */
const isSpace = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 160 ||
  code === 0xfeff ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x1680 ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000;

/** Thrown inside the reader only; parseRule turns it into a value. */
class SyntaxProblem {
  constructor(
    readonly index: number,
    readonly message: string,
  ) {}
}

/** A recursive-descent reader over the text; `index` is the next character. */
class RuleReader {
  private index = 0;

  constructor(private readonly text: string) {}

  readRule(): Rule {
    this.skipSpace();
    if (this.atEnd()) this.fail(EXPECTED_RULE);
    const rule = this.readAnyOf(0);
    this.skipSpace();
    if (!this.atEnd()) {
      this.fail(
        this.text[this.index] === ')'
          ? 'unexpected ) with no ( before it'
          : 'expected & (and), | (or) or the end of the rule',
      );
    }
    return rule;
  }

  private readAnyOf(depth: number): Rule {
    const operands = [this.readAllOf(depth)];
    while (this.peek() === '|') {
      this.index += 1;
      operands.push(this.readAllOf(depth));
    }
    return operands.length === 1 ? operands[0]! : { kind: 'OR', operands };
  }

  private readAllOf(depth: number): Rule {
    const operands = [this.readUnit(depth)];
    while (this.peek() === '&') {
      this.index += 1;
      operands.push(this.readUnit(depth));
    }
    return operands.length === 1 ? operands[0]! : { kind: 'AND', operands };
  }

  private readUnit(depth: number): Rule {
    if (this.peek() !== '(') return this.readLeaf();
    const opened = this.index;
    if (depth >= MAX_DEPTH) this.fail(`parentheses nest deeper than ${MAX_DEPTH}`);
    this.index += 1;
    const inner = this.readAnyOf(depth + 1);
    if (this.peek() !== ')') this.fail(`expected ) to close the ( at ${opened + 1}`);
    this.index += 1;
    return inner;
  }

  private readLeaf(): LeafRule {
    this.skipSpace();
    const start = this.index;
    const word = this.readWord();
    if (word === '') this.fail(EXPECTED_RULE);
    const keyword = word.toUpperCase();
    switch (keyword) {
      case 'WO':
      case 'PE':
        return { kind: keyword };
      case 'CC':
      case 'CTH':
      case 'CTSH':
        return this.readTariffChange(keyword);
      case 'RVC': {
        this.expect('(', 'expected ( after RVC');
        const threshold = this.readNumber('expected a number after RVC(');
        if (threshold.value <= 0 || threshold.value > 100)
          this.fail('the threshold must be more than 0 and at most 100', threshold.start);
        let method: RvcMethod = 'build-down';
        if (this.peek() === ',') {
          this.index += 1;
          this.skipSpace();
          const methodStart = this.index;
          const written = this.readWord().toLowerCase();
          if (written !== 'build-down' && written !== 'build-up')
            this.fail('expected build-down or build-up after RVC(threshold,', methodStart);
          method = written;
          this.expect(')', 'expected ) after the method');
        } else this.expect(')', 'expected , or ) after the threshold');
        return { kind: 'RVC', threshold: threshold.value, method };
      }
      case 'MAXNOM': {
        this.expect('(', 'expected ( after MAXNOM');
        const percent = this.readPercent('expected a number after MAXNOM(');
        this.expect(',', 'expected , and EXW or FOB after the percentage');
        this.skipSpace();
        const basisStart = this.index;
        const basis = this.readWord().toUpperCase();
        if (basis !== 'EXW' && basis !== 'FOB') this.fail('expected EXW or FOB', basisStart);
        this.expect(')', 'expected ) after the basis');
        return { kind: 'MAXNOM', percent, basis };
      }
      case 'WEIGHT': {
        this.expect('(', 'expected ( after WEIGHT');
        const percent = this.readPercent('expected a number after WEIGHT(');
        this.expect(')', 'expected ) after the percentage');
        return { kind: 'WEIGHT', percent };
      }
      case 'PROCESS': {
        this.expect('(', 'expected ( after PROCESS');
        const description = this.readString();
        this.expect(')', 'expected ) after the description');
        return { kind: 'PROCESS', description };
      }
      default:
        return this.fail(
          `unknown rule "${word}": expected WO, PE, CC, CTH, CTSH, RVC, MAXNOM, WEIGHT or PROCESS`,
          start,
        );
    }
  }

  private readTariffChange(kind: TariffChangeLevel): TariffChangeRule {
    const rule: TariffChangeRule = { kind, except: [], from: [] };
    let sawExcept = false;
    let sawFrom = false;
    for (;;) {
      this.skipSpace();
      const start = this.index;
      const word = this.readWord().toLowerCase();
      if (word === 'except' || word === 'from') {
        if (word === 'except' ? sawExcept : sawFrom) this.fail(`"${word}" is given twice`, start);
        const items = this.readHsList(`expected an HS code after ${word}`);
        if (word === 'except') {
          sawExcept = true;
          rule.except = items;
        } else {
          sawFrom = true;
          rule.from = items;
        }
      } else {
        this.index = start;
        return rule;
      }
    }
  }

  private readHsList(expected: string): HsItem[] {
    const items = [this.readHsItem(expected)];
    while (this.peek() === ',') {
      this.index += 1;
      items.push(this.readHsItem('expected an HS code after ,'));
    }
    return items;
  }

  private readHsItem(expected: string): HsItem {
    const from = this.readHsCode(expected);
    if (this.peek() !== '-') return { from: from.code, to: from.code };
    this.index += 1;
    const to = this.readHsCode('expected an HS code after -');
    if (to.code.length !== from.code.length)
      this.fail('a range joins two codes of the same length (8501-8504, 8509.10-8509.40)', to.start);
    if (to.code < from.code) this.fail('a range runs from the lower code to the higher', to.start);
    return { from: from.code, to: to.code };
  }

  private readHsCode(expected: string): { code: string; start: number } {
    this.skipSpace();
    const start = this.index;
    while (this.index < this.text.length && isHsCharacter(this.text.charCodeAt(this.index))) this.index += 1;
    const written = this.text.slice(start, this.index);
    if (written === '') this.fail(expected, start);
    if (!/^(\d{2}|\d{4}|\d{6}|\d{4}\.\d{2})$/.test(written))
      this.fail(
        `"${written}" is not an HS code: write a chapter (85), a heading (8503) or a subheading (8509.40 or 850940)`,
        start,
      );
    return { code: written.replace('.', ''), start };
  }

  private readPercent(expected: string): number {
    const percent = this.readNumber(expected);
    if (percent.value > 100) this.fail('the percentage must be at most 100', percent.start);
    return percent.value;
  }

  private readNumber(expected: string): { value: number; start: number } {
    this.skipSpace();
    const start = this.index;
    const match = /^\d+(\.\d+)?/.exec(this.text.slice(start, start + 24));
    if (!match) this.fail(expected, start);
    if ((match[1] ?? '').length > 3) this.fail('write the number with at most two decimals', start);
    this.index += match[0].length;
    return { value: Number(match[0]), start };
  }

  private readString(): string {
    this.skipSpace();
    const start = this.index;
    if (this.text[this.index] !== '"')
      this.fail('expected a quoted description, such as "spinning of fibres"');
    this.index += 1;
    let value = '';
    for (;;) {
      const character = this.text[this.index];
      if (character === undefined) this.fail('the description is not closed: expected "', start);
      if (character === '"') break;
      if (character === '\\') {
        const escaped = this.text[this.index + 1];
        if (escaped !== '"' && escaped !== '\\') this.fail('inside a description write \\" or \\\\ only');
        value += escaped;
        this.index += 2;
      } else {
        value += character;
        this.index += 1;
      }
    }
    this.index += 1;
    if (value.trim() === '') this.fail('the description is empty', start);
    return value;
  }

  private readWord(): string {
    const start = this.index;
    if (!isLetter(this.text.charCodeAt(start))) return '';
    let end = start + 1;
    while (
      end < this.text.length &&
      (isLetter(this.text.charCodeAt(end)) || this.text.charCodeAt(end) === 45)
    )
      end += 1;
    this.index = end;
    return this.text.slice(start, end);
  }

  private expect(character: string, message: string): void {
    if (this.peek() !== character) this.fail(message);
    this.index += 1;
  }

  /** The next character that is not a space (skipping them). */
  private peek(): string | undefined {
    this.skipSpace();
    return this.text[this.index];
  }

  private skipSpace(): void {
    while (this.index < this.text.length && isSpace(this.text.charCodeAt(this.index))) this.index += 1;
  }

  private atEnd(): boolean {
    return this.index >= this.text.length;
  }

  private fail(message: string, at = this.index): never {
    throw new SyntaxProblem(at, message);
  }
}

/** Reads a rule text into its tree; never throws: a problem comes back with its character position. */
export function parseRule(text: string): RuleParseResult {
  if (text.length > MAX_RULE_LENGTH)
    return {
      ok: false,
      error: { position: MAX_RULE_LENGTH + 1, message: `a rule has at most ${MAX_RULE_LENGTH} characters` },
    };
  try {
    return { ok: true, rule: new RuleReader(text).readRule() };
  } catch (problem) {
    if (problem instanceof SyntaxProblem)
      return { ok: false, error: { position: problem.index + 1, message: problem.message } };
    return { ok: false, error: { position: 1, message: `the rule could not be read: ${String(problem)}` } };
  }
}

const isCompound = (rule: Rule) => rule.kind === 'AND' || rule.kind === 'OR';

/**
 * The canonical text of a tree. A compound operand is parenthesised except an AND inside an OR (which
 * "&" binding tighter already says), so the printed text reads back to the very same tree.
 */
export function printRule(rule: Rule): string {
  switch (rule.kind) {
    case 'AND':
      return rule.operands
        .map((operand) => (isCompound(operand) ? `(${printRule(operand)})` : printRule(operand)))
        .join(' & ');
    case 'OR':
      return rule.operands
        .map((operand) => (operand.kind === 'OR' ? `(${printRule(operand)})` : printRule(operand)))
        .join(' | ');
    case 'WO':
    case 'PE':
      return rule.kind;
    case 'CC':
    case 'CTH':
    case 'CTSH':
      return [
        rule.kind,
        ...(rule.except.length ? ['except', formatHsList(rule.except)] : []),
        ...(rule.from.length ? ['from', formatHsList(rule.from)] : []),
      ].join(' ');
    case 'RVC':
      return rule.method === 'build-down'
        ? `RVC(${rule.threshold})`
        : `RVC(${rule.threshold}, ${rule.method})`;
    case 'MAXNOM':
      return `MAXNOM(${rule.percent}, ${rule.basis})`;
    case 'WEIGHT':
      return `WEIGHT(${rule.percent})`;
    case 'PROCESS':
      return `PROCESS("${rule.description.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}")`;
  }
}

/** The text with a caret under the character a syntax error names, for people reading a log or a CLI. */
export function showSyntaxError(text: string, error: RuleSyntaxError): string {
  return `${text}\n${' '.repeat(Math.max(0, error.position - 1))}^ ${error.message}`;
}

/** The leaves of a tree, left to right. */
export function leavesOf(rule: Rule): LeafRule[] {
  return rule.kind === 'AND' || rule.kind === 'OR' ? rule.operands.flatMap(leavesOf) : [rule];
}
