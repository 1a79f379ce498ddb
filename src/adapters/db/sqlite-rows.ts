import type BetterSqlite3 from 'better-sqlite3';

type Row = Record<string, unknown>;

/** A statement's rows as objects keyed by column name: all at once, or one by one. */
export interface RowReader {
  all(parameters: readonly unknown[]): Row[];
  iterate(parameters: readonly unknown[]): IterableIterator<Row>;
}

/**
 * Reads a statement's rows as objects keyed by column name, the shape better-sqlite3 itself gives, but
 * built here from its raw mode (each row an array of values).
 *
 * better-sqlite3 builds every row object in C++, turning each column's name into a JavaScript property key
 * again for every row (measuring, decoding, hashing and looking up the name in V8's string table) and
 * adding the properties through V8's C++ interface. Raw rows leave the names out; setting the names, made
 * once per statement, from JavaScript costs less (docs/BENCHMARKS.md, "sixth session"). Each statement's
 * rows are made by a function of their own, one object literal (`objectMaker`).
 *
 * Columns with the same name keep the last one's value, as better-sqlite3's objects do. The names are
 * read again when a row has another number of columns than before (the schema changed under `select *`).
 */
export function rowReader(statement: BetterSqlite3.Statement): RowReader {
  if (!statement.reader) throw new Error(`${statement.source} returns no rows`);
  const raw = statement.raw(true);
  const namesNow = () => raw.columns().map((column) => column.name);
  let names = namesNow();
  let make = objectMaker(names);
  const objectOf = (values: unknown[]): Row => {
    // SQLite prepares a statement again when the schema changed (a migration run by another process):
    // `select *` may then have more or fewer columns than were named.
    if (values.length !== names.length) make = objectMaker((names = namesNow()));
    return make(values);
  };
  return {
    all(parameters) {
      const rows = raw.all(...parameters) as unknown[][];
      const objects = new Array<Row>(rows.length);
      for (let index = 0; index < rows.length; index++) objects[index] = objectOf(rows[index]!);
      return objects;
    },
    *iterate(parameters) {
      for (const values of raw.iterate(...parameters) as IterableIterator<unknown[]>) yield objectOf(values);
    },
  };
}

/**
 * A function making a row object from a raw row: `values => ({ "id": values[0], "name": values[1] })`.
 *
 * Made once per column list, it gives every row one hidden class at once. Setting the properties one by
 * one in a loop shared by all statements made V8 store each through its megamorphic (generic) path, for
 * every column of every row (in a profile 1.3 µs of the status address's answer and 0.8 µs of the
 * authenticated GET's, docs/BENCHMARKS.md, eighth session). The source holds only the column names, each quoted with JSON.stringify (`__proto__` as a
 * computed key, which makes a property rather than setting the prototype). In a literal, as in a loop, a
 * repeated name keeps its first position and its last value.
 */
export function objectMaker(names: readonly string[]): Maker {
  // Statements differ more than their column lists (an `in (?, ?)` list of another length is another
  // statement): statements with the same columns share one maker, made once.
  const key = JSON.stringify(names);
  let maker = makers.get(key);
  if (!maker) {
    if (makers.size >= MAKERS_LIMIT) makers.clear();
    makers.set(key, (maker = newObjectMaker(names)));
  }
  return maker;
}

type Maker = (values: unknown[]) => Row;
const makers = new Map<string, Maker>();
const MAKERS_LIMIT = 1_000;

function newObjectMaker(names: readonly string[]): Maker {
  const properties = names.map((name, column) => {
    const quoted = JSON.stringify(name);
    return `${name === '__proto__' ? `[${quoted}]` : quoted}: values[${column}]`;
  });
  try {
    return new Function('values', `return { ${properties.join(', ')} };`) as Maker;
  } catch {
    // A process started with --disallow-code-generation-from-strings: the same rows, property by property.
    return (values) => {
      const row: Row = {};
      for (let column = 0; column < names.length; column++)
        Object.defineProperty(row, names[column]!, {
          value: values[column],
          writable: true,
          enumerable: true,
          configurable: true,
        });
      return row;
    };
  }
}
