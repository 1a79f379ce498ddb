import type { z } from 'zod';

/**
 * Response serialisation that gives exactly what zod's parse followed by `JSON.stringify` gives (the
 * schema's keys in its order, unknown keys stripped, a value of the wrong type refused), compiled once
 * per response schema into plain checks and one object literal.
 *
 * fastify-type-provider-zod parses every answer with its zod schema before stringifying it; for a small
 * answer that parse costs more than the rest of serialising (about 4 µs of the status address's answer,
 * docs/BENCHMARKS.md, eighth session). Compiled, the same checks are a few comparisons. Only schemas made
 * of plain parts are compiled: objects that strip unknown keys, arrays, strings and numbers without
 * checks, booleans, enums, literals, nullable and optional. Anything else (a check such as `.max()`, a
 * union, a transform, a default, a record) leaves the whole schema to zod. A value the compiled checks
 * refuse is handed to zod as well, so what is refused, and the error it gives, stay zod's.
 */
export function compileResponseSerializer(
  schema: z.ZodType,
  zodSerializer: (data: unknown) => string,
): (data: unknown) => string {
  const copy = copierOf(schema);
  if (!copy) return zodSerializer;
  return (data) => {
    const value = copy(data);
    return value === REFUSED ? zodSerializer(data) : JSON.stringify(value);
  };
}

/**
 * Copiers by schema, `null` where the schema is not compiled. Routes share schemas (the error body under
 * every route's error statuses, an organisation in several answers): the app's 670 response serialisers
 * have 81 schemas, compiled once each.
 */
const copiers = new WeakMap<z.ZodType, Copier | null>();

function copierOf(schema: z.ZodType): Copier | undefined {
  let copier = copiers.get(schema);
  if (copier === undefined) copiers.set(schema, (copier = compile(schema) ?? null));
  return copier ?? undefined;
}

/** What a compiled copier answers for a value its schema does not accept. */
const REFUSED: unique symbol = Symbol('refused');
type Copier = (value: unknown) => unknown;

/** The parts of a zod definition this module reads. */
interface Definition {
  type: string;
  checks?: unknown[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
}

/** Definition properties each compiled type may have; any other (coercion, a catchall, ...) is not compiled. */
const KNOWN_PROPERTIES: Record<string, ReadonlySet<string>> = {
  object: new Set(['type', 'shape']),
  array: new Set(['type', 'element']),
  string: new Set(['type', 'checks']),
  number: new Set(['type', 'checks']),
  boolean: new Set(['type', 'checks']),
  enum: new Set(['type', 'entries']),
  literal: new Set(['type', 'values']),
  nullable: new Set(['type', 'innerType']),
  optional: new Set(['type', 'innerType']),
};

function definitionOf(schema: z.ZodType): Definition | undefined {
  const definition = (schema as unknown as { _zod?: { def?: Definition } })._zod?.def;
  const known = definition && KNOWN_PROPERTIES[definition.type];
  if (!definition || !known) return undefined;
  for (const [property, value] of Object.entries(definition))
    if (value !== undefined && !known.has(property)) return undefined;
  if (definition.checks !== undefined && definition.checks.length > 0) return undefined;
  return definition;
}

/** Builds the copier's source text, one helper function per object or array, into `helpers`. */
class Compiler {
  readonly helpers: string[] = [];
  /** A JavaScript condition true when `value` (an expression) is acceptable to `schema`, or undefined. */
  condition(schema: z.ZodType, value: string): string | undefined {
    const definition = definitionOf(schema);
    if (!definition) return undefined;
    switch (definition.type) {
      case 'string':
        return `typeof ${value} === 'string'`;
      case 'number':
        return `(typeof ${value} === 'number' && Number.isFinite(${value}))`;
      case 'boolean':
        return `typeof ${value} === 'boolean'`;
      case 'enum':
      case 'literal': {
        const allowed =
          definition.type === 'enum' ? Object.values(definition.entries ?? {}) : (definition.values ?? []);
        if (allowed.length === 0 || !allowed.every((item) => typeof item === 'string')) return undefined;
        return `(${allowed.map((item) => `${value} === ${JSON.stringify(item)}`).join(' || ')})`;
      }
      case 'nullable':
      case 'optional': {
        const inner = definition.innerType && this.condition(definition.innerType, value);
        if (inner === undefined) return undefined;
        const empty = definition.type === 'nullable' ? 'null' : 'undefined';
        return `(${value} === ${empty} || ${inner})`;
      }
      default:
        return undefined;
    }
  }

  /**
   * The name of a generated function copying a value of `schema` (objects rebuilt with the schema's
   * keys, arrays element by element), answering REFUSED where zod would not accept it; or undefined.
   */
  copier(schema: z.ZodType): string | undefined {
    const definition = definitionOf(schema);
    if (!definition) return undefined;
    // The slot is taken before nested helpers take the next ones; its text is written at the end.
    const slot = this.helpers.push('') - 1;
    const name = `copy${slot}`;
    if (definition.type === 'object') {
      const lines: string[] = [];
      const fields: string[] = [];
      lines.push(`if (typeof input !== 'object' || input === null || Array.isArray(input)) return REFUSED;`);
      for (const [index, [key, field]] of Object.entries(definition.shape ?? {}).entries()) {
        // In an object literal __proto__ would set the prototype, not a property: left to zod.
        if (key === '__proto__') return undefined;
        const property = JSON.stringify(key);
        const read = `const f${index} = input[${property}];`;
        const condition = this.condition(field, `f${index}`);
        if (condition !== undefined) {
          lines.push(read, `if (!(${condition})) return REFUSED;`);
          fields.push(`${property}: f${index}`);
          continue;
        }
        const nested = this.nestedCopy(field, `f${index}`, `c${index}`);
        if (!nested) return undefined;
        lines.push(read, ...nested);
        fields.push(`${property}: c${index}`);
      }
      lines.push(`return { ${fields.join(', ')} };`);
      this.helpers[slot] = `function ${name}(input) {\n${lines.join('\n')}\n}`;
      return name;
    }
    if (definition.type === 'array') {
      const element = definition.element;
      if (!element) return undefined;
      const lines = [`if (!Array.isArray(input)) return REFUSED;`, `const output = new Array(input.length);`];
      lines.push(`for (let index = 0; index < input.length; index++) {`, `const item = input[index];`);
      const condition = this.condition(element, 'item');
      if (condition !== undefined) {
        lines.push(`if (!(${condition})) return REFUSED;`, `output[index] = item;`);
      } else {
        const nested = this.nestedCopy(element, 'item', 'copied');
        if (!nested) return undefined;
        lines.push(...nested, `output[index] = copied;`);
      }
      lines.push('}', 'return output;');
      this.helpers[slot] = `function ${name}(input) {\n${lines.join('\n')}\n}`;
      return name;
    }
    return undefined;
  }

  /** Statements copying `value` (an object or array, possibly nullable or optional) into `target`. */
  private nestedCopy(schema: z.ZodType, value: string, target: string): string[] | undefined {
    const definition = definitionOf(schema);
    if (!definition) return undefined;
    if (definition.type === 'nullable' || definition.type === 'optional') {
      const empty = definition.type === 'nullable' ? 'null' : 'undefined';
      const inner = definition.innerType && this.nestedCopy(definition.innerType, value, `${target}i`);
      if (!inner) return undefined;
      return [
        `let ${target} = ${empty};`,
        `if (${value} !== ${empty}) {`,
        ...inner,
        `${target} = ${target}i;`,
        `}`,
      ];
    }
    const copier = this.copier(schema);
    if (!copier) return undefined;
    return [`const ${target} = ${copier}(${value});`, `if (${target} === REFUSED) return REFUSED;`];
  }
}

function compile(schema: z.ZodType): Copier | undefined {
  const compiler = new Compiler();
  const root = compiler.copier(schema);
  if (!root) return undefined;
  // The generated code is built only from the schema's keys and literal values, each quoted with
  // JSON.stringify, and from names made here: no request data reaches the source text.
  let build: (refused: symbol) => Copier;
  try {
    build = new Function('REFUSED', `${compiler.helpers.join('\n')}\nreturn ${root};`) as typeof build;
  } catch {
    return undefined; // code generation disallowed (--disallow-code-generation-from-strings): zod serialises
  }
  return build(REFUSED);
}
