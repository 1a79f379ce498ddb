import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HsItem } from './hs-codes.js';
import type { Rule } from './rule-language.js';
import { leavesOf, parseRule, printRule, showSyntaxError } from './rule-language.js';

const parsed = (text: string): Rule => {
  const result = parseRule(text);
  if (!result.ok) throw new Error(showSyntaxError(text, result.error));
  return result.rule;
};
const code = (digits: string): HsItem => ({ from: digits, to: digits });

describe('rule language: reading the rules of the agreements', () => {
  it('reads the examples of issue 7 into typed trees', () => {
    expect(parsed('CTSH | RVC(40)')).toStrictEqual({
      kind: 'OR',
      operands: [
        { kind: 'CTSH', except: [], from: [] },
        { kind: 'RVC', threshold: 40, method: 'build-down' },
      ],
    });
    expect(parsed('CTH except 8503')).toStrictEqual({ kind: 'CTH', except: [code('8503')], from: [] });
    expect(parsed('CC & MAXNOM(50, EXW)')).toStrictEqual({
      kind: 'AND',
      operands: [
        { kind: 'CC', except: [], from: [] },
        { kind: 'MAXNOM', percent: 50, basis: 'EXW' },
      ],
    });
    expect(parsed('CTH except 8501-8504 | RVC(40)')).toStrictEqual({
      kind: 'OR',
      operands: [
        { kind: 'CTH', except: [{ from: '8501', to: '8504' }], from: [] },
        { kind: 'RVC', threshold: 40, method: 'build-down' },
      ],
    });
    expect(parsed('CTSH from 2901, 2902')).toStrictEqual({
      kind: 'CTSH',
      except: [],
      from: [code('2901'), code('2902')],
    });
  });

  it('reads every leaf: WO, PE, build-up, WEIGHT, PROCESS with escapes, chapters and dotted subheadings', () => {
    expect(parsed('WO | PE')).toStrictEqual({ kind: 'OR', operands: [{ kind: 'WO' }, { kind: 'PE' }] });
    expect(parsed('RVC(35.5, build-up)')).toStrictEqual({ kind: 'RVC', threshold: 35.5, method: 'build-up' });
    expect(parsed('WEIGHT(10)')).toStrictEqual({ kind: 'WEIGHT', percent: 10 });
    expect(parsed('PROCESS("spinning of \\"natural\\" fibres")')).toStrictEqual({
      kind: 'PROCESS',
      description: 'spinning of "natural" fibres',
    });
    expect(parsed('CTSH except 85, 8509.40, 850980-850990')).toStrictEqual({
      kind: 'CTSH',
      except: [code('85'), code('850940'), { from: '850980', to: '850990' }],
      from: [],
    });
  });

  it('binds & tighter than |, keeps parentheses, and reads keywords in any case', () => {
    expect(parsed('CTH | CC & RVC(40)')).toStrictEqual({
      kind: 'OR',
      operands: [
        { kind: 'CTH', except: [], from: [] },
        {
          kind: 'AND',
          operands: [
            { kind: 'CC', except: [], from: [] },
            { kind: 'RVC', threshold: 40, method: 'build-down' },
          ],
        },
      ],
    });
    expect(parsed('(CTH | CC) & RVC(40)').kind).toBe('AND');
    expect(parsed('cth EXCEPT 8503 | rvc(40, BUILD-DOWN)')).toStrictEqual(
      parsed('CTH except 8503 | RVC(40)'),
    );
    expect(parsed('((CTH))')).toStrictEqual({ kind: 'CTH', except: [], from: [] });
  });

  it('prints the canonical text, which reads back to the same tree', () => {
    const texts = [
      'CTSH | RVC(40)',
      'CTH except 8501-8504 | RVC(40)',
      'CC & MAXNOM(50, EXW)',
      'CTSH from 2901, 2902',
      '(CTH | CC) & RVC(40, build-up)',
      '(CTH & CC) & WO',
      'CTH | (CC | PE)',
      'CTSH except 8509.40 from 85',
      'PROCESS("a \\\\ b")',
    ];
    for (const text of texts) {
      expect(printRule(parsed(text))).toBe(text);
      expect(parsed(printRule(parsed(text)))).toStrictEqual(parsed(text));
    }
    expect(printRule(parsed('ctsh  |rvc( 40.0 ,build-down )'))).toBe('CTSH | RVC(40)');
    expect(printRule(parsed('CTSH from 850940'))).toBe('CTSH from 8509.40');
  });

  it('lists the leaves left to right', () => {
    expect(leavesOf(parsed('CTH | CC & RVC(40)')).map((leaf) => leaf.kind)).toEqual(['CTH', 'CC', 'RVC']);
  });
});

describe('rule language: parse errors are values that point at the character', () => {
  const errorOf = (text: string) => {
    const result = parseRule(text);
    if (result.ok) throw new Error(`"${text}" parsed`);
    return result.error;
  };

  it('says what was expected after RVC( and where (1 = the first character)', () => {
    expect(errorOf('RVC(x)')).toStrictEqual({ position: 5, message: 'expected a number after RVC(' });
    //               123456789012
    expect(errorOf('CTSH | RVC()')).toStrictEqual({ position: 12, message: 'expected a number after RVC(' });
  });

  it('names unknown rules, missing operands, unclosed parentheses and trailing text', () => {
    expect(errorOf('CTX')).toStrictEqual({
      position: 1,
      message: 'unknown rule "CTX": expected WO, PE, CC, CTH, CTSH, RVC, MAXNOM, WEIGHT or PROCESS',
    });
    expect(errorOf('CTH |')).toStrictEqual({
      position: 6,
      message: 'expected a rule: WO, PE, CC, CTH, CTSH, RVC, MAXNOM, WEIGHT, PROCESS or (',
    });
    expect(errorOf('')).toMatchObject({ position: 1 });
    expect(errorOf('(CTH | CC')).toStrictEqual({ position: 10, message: 'expected ) to close the ( at 1' });
    expect(errorOf('CTH RVC(40)')).toStrictEqual({
      position: 5,
      message: 'expected & (and), | (or) or the end of the rule',
    });
    expect(errorOf('CTH)')).toStrictEqual({ position: 4, message: 'unexpected ) with no ( before it' });
  });

  it('checks HS codes, ranges, numbers, bases and descriptions', () => {
    expect(errorOf('CTH except')).toStrictEqual({
      position: 11,
      message: 'expected an HS code after except',
    });
    expect(errorOf('CTH except 850')).toMatchObject({
      position: 12,
      message: expect.stringMatching(/not an HS code/),
    });
    expect(errorOf('CTH except 8504-8501')).toStrictEqual({
      position: 17,
      message: 'a range runs from the lower code to the higher',
    });
    expect(errorOf('CTH except 85-8504')).toMatchObject({ position: 15 });
    expect(errorOf('CTH except 8503 except 8504')).toStrictEqual({
      position: 17,
      message: '"except" is given twice',
    });
    expect(errorOf('RVC(140)')).toStrictEqual({
      position: 5,
      message: 'the threshold must be more than 0 and at most 100',
    });
    expect(errorOf('RVC(40.125)')).toMatchObject({ position: 5 });
    expect(errorOf('RVC(40, sideways)')).toMatchObject({ position: 9 });
    expect(errorOf('MAXNOM(50)')).toStrictEqual({
      position: 10,
      message: 'expected , and EXW or FOB after the percentage',
    });
    expect(errorOf('MAXNOM(50, CIF)')).toStrictEqual({ position: 12, message: 'expected EXW or FOB' });
    expect(errorOf('PROCESS("spinning')).toStrictEqual({
      position: 9,
      message: 'the description is not closed: expected "',
    });
    expect(errorOf('PROCESS("")')).toMatchObject({ message: 'the description is empty' });
  });

  it('shows the caret under the character', () => {
    const text = 'CTSH | RVC(x)';
    expect(showSyntaxError(text, errorOf(text))).toBe(
      'CTSH | RVC(x)\n           ^ expected a number after RVC(',
    );
  });
});

/** Trees the language can write: compound nodes with two operands or more, numbers with two decimals at most. */
const hsItem = fc.constantFrom(2, 4, 6).chain((length) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 10 ** length - 2 }),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 5 }),
    )
    .map(([start, isRange, width]) => {
      const from = String(start).padStart(length, '0');
      const to = isRange ? String(Math.min(10 ** length - 1, start + width)).padStart(length, '0') : from;
      return { from, to };
    }),
);
const percent = fc.integer({ min: 1, max: 10_000 }).map((hundredths) => hundredths / 100);
const leaf: fc.Arbitrary<Rule> = fc.oneof(
  fc.constant<Rule>({ kind: 'WO' }),
  fc.constant<Rule>({ kind: 'PE' }),
  fc.record({
    kind: fc.constantFrom('CC' as const, 'CTH' as const, 'CTSH' as const),
    except: fc.array(hsItem, { maxLength: 3 }),
    from: fc.array(hsItem, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('RVC' as const),
    threshold: percent,
    method: fc.constantFrom('build-down' as const, 'build-up' as const),
  }),
  fc.record({
    kind: fc.constant('MAXNOM' as const),
    percent,
    basis: fc.constantFrom('EXW' as const, 'FOB' as const),
  }),
  fc.record({ kind: fc.constant('WEIGHT' as const), percent }),
  fc.record({
    kind: fc.constant('PROCESS' as const),
    description: fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim() !== ''),
  }),
);
// fast-check builds records without a prototype; a JSON round trip makes them plain objects for toStrictEqual.
const ruleTree: fc.Arbitrary<Rule> = fc
  .letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({
        kind: fc.constantFrom('AND' as const, 'OR' as const),
        operands: fc.array(tie('rule'), { minLength: 2, maxLength: 3 }),
      }),
    ),
  }))
  .rule.map((tree) => JSON.parse(JSON.stringify(tree)) as Rule);

describe('rule language: properties', () => {
  it('parse(print(tree)) gives the same tree, and printing is stable', () => {
    fc.assert(
      fc.property(ruleTree, (tree) => {
        const text = printRule(tree);
        const again = parseRule(text);
        expect(again).toStrictEqual({ ok: true, rule: tree });
        expect(printRule(parsed(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text, and every error points inside the text or just after it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          ruleTree.map(printRule).map((text) => text.slice(0, -1)),
        ),
        (text) => {
          const result = parseRule(text);
          if (!result.ok) {
            expect(result.error.position).toBeGreaterThanOrEqual(1);
            expect(result.error.position).toBeLessThanOrEqual(text.length + 1);
            expect(result.error.message).not.toBe('');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
