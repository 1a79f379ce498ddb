import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { compileResponseSerializer } from '../../src/http/response-serializer.js';
import { Organisation } from '../../src/http/schemas.js';

/** zod's own serialiser for a response schema, as fastify-type-provider-zod makes it. */
function zodSerializer(schema: z.ZodType): (data: unknown) => string {
  return serializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (
    data: unknown,
  ) => string;
}

/** What a serialiser gives for a value: its text, or the name of what it threw. */
function outcome(serialize: (data: unknown) => string, data: unknown): string {
  try {
    return serialize(data);
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
}

const Item = z.object({ itemNumber: z.number(), hsCode: z.string(), unit: z.enum(['KGM', 'PCE']) });
const schemas = {
  flat: Organisation,
  literal: z.object({ status: z.literal('ok') }),
  nullable: z.object({ replacedBy: z.string().nullable(), when: z.string().nullable().optional() }),
  booleans: z.object({ valid: z.boolean(), count: z.number() }),
  nested: z.object({
    certificate: z.object({ number: z.string(), office: z.object({ nameEn: z.string() }).nullable() }),
    items: z.array(Item),
    tags: z.array(z.string()).optional(),
  }),
  list: z.object({ items: z.array(Organisation), nextCursor: z.string().nullable() }),
};

const organisation = {
  id: 'a8b5d96d-1014-4b08-820d-a125cb36d9b3',
  kind: 'enterprise',
  parentId: null,
  code: '91310115MA1K4B2X7G',
  nameEn: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
  nameZh: '上海光大纺织有限公司',
  createdAt: '2026-11-27T23:29:34.383Z',
};

/** Values for every schema: right, with extra keys, with keys in another order, and wrong in each way. */
const values: unknown[] = [
  organisation,
  { ...organisation, passwordHash: 'secret', extra: { deep: true } },
  Object.fromEntries(Object.entries(organisation).reverse()),
  { ...organisation, kind: 'bank' },
  { ...organisation, parentId: undefined },
  { ...organisation, createdAt: new Date('2026-11-27T23:29:34.383Z') },
  { status: 'ok' },
  { status: 'ok', internal: 1 },
  { status: 'OK' },
  { replacedBy: null },
  { replacedBy: 'RC262200000002', when: '2026-11-27' },
  { replacedBy: 'RC262200000002', when: null, more: [] },
  { replacedBy: undefined },
  { valid: true, count: 3 },
  { valid: 'true', count: 3 },
  { valid: false, count: Number.NaN },
  { valid: false, count: Number.POSITIVE_INFINITY },
  { valid: false, count: -0.5 },
  {
    certificate: { number: 'RC1', office: { nameEn: 'Shanghai', secret: 'x' }, internal: 1 },
    items: [{ itemNumber: 1, hsCode: '6109', unit: 'KGM', price: 3 }],
    tags: ['a', 'b'],
  },
  { certificate: { number: 'RC1', office: null }, items: [] },
  { certificate: { number: 'RC1', office: undefined }, items: [] },
  { certificate: { number: 'RC1', office: null }, items: [{ itemNumber: 1, hsCode: '6109', unit: 'LTR' }] },
  { certificate: { number: 'RC1', office: null }, items: {} },
  { certificate: { number: 'RC1', office: null }, items: [], tags: [1] },
  { items: [organisation, { ...organisation, id: 'b', kind: 'office' }], nextCursor: null },
  { items: [organisation, { ...organisation, nameEn: 3 }], nextCursor: null },
  { items: [organisation], nextCursor: 'c1', total: 5 },
  null,
  [],
  'ok',
  42,
  undefined,
];

describe('compiled response serialisation', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`gives exactly what zod gives for the ${name} schema, or throws as zod does`, () => {
      const zod = zodSerializer(schema);
      const compiled = compileResponseSerializer(schema, zod);
      expect(compiled).not.toBe(zod); // this schema is one the module compiles
      for (const value of values) expect(outcome(compiled, value)).toBe(outcome(zod, value));
    });
  }

  it('strips unknown keys and keeps the schema order, like zod', () => {
    const zod = zodSerializer(Organisation);
    const compiled = compileResponseSerializer(Organisation, zod);
    const text = compiled({ secret: 'x', ...Object.fromEntries(Object.entries(organisation).reverse()) });
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'id',
      'kind',
      'parentId',
      'code',
      'nameEn',
      'nameZh',
      'createdAt',
    ]);
    expect(text).not.toContain('secret');
  });

  it('leaves to zod any schema with a part it does not compile', () => {
    for (const schema of [
      z.object({ code: z.string().max(3) }),
      z.object({ id: z.uuid() }),
      z.strictObject({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.union([z.string(), z.number()]) }),
      z.object({ a: z.string().transform((text) => text.length) }),
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.record(z.string(), z.string()) }),
      z.object({ a: z.coerce.string() }),
      z.object({ a: z.number().int() }),
      z.object({ a: z.string() }).refine(() => true),
      z.object({ items: z.array(z.object({ a: z.date() })) }),
      z.string(),
    ]) {
      const zod = zodSerializer(schema);
      expect(compileResponseSerializer(schema, zod)).toBe(zod);
    }
  });

  it('leaves every schema to zod where code generation is disallowed', () => {
    // A schema of its own: one compiled earlier would be reused without generating code again.
    const schema = z.object({ id: z.string(), kind: z.enum(['office', 'enterprise']) });
    const zod = zodSerializer(schema);
    vi.stubGlobal('Function', function refuse() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    try {
      expect(compileResponseSerializer(schema, zod)).toBe(zod);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
