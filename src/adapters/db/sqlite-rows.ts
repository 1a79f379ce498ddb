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
 * once per statement, from JavaScript costs less (docs/BENCHMARKS.md, "sixth session").
 *
 * Columns with the same name keep the last one's value, as better-sqlite3's objects do. The names are
 * read again when a row has another number of columns than before (the schema changed under `select *`).
 */
export function rowReader(statement: BetterSqlite3.Statement): RowReader {
  if (!statement.reader) throw new Error(`${statement.source} returns no rows`);
  const raw = statement.raw(true);
  const namesNow = () => raw.columns().map((column) => column.name);
  let names = namesNow();
  const objectOf = (values: unknown[]): Row => {
    // SQLite prepares a statement again when the schema changed (a migration run by another process):
    // `select *` may then have more or fewer columns than were named.
    if (values.length !== names.length) names = namesNow();
    const row: Row = {};
    for (let column = 0; column < names.length; column++) row[names[column]!] = values[column];
    return row;
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
