import type { Compilable, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { DirectReads } from './direct-reads.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Builds a query whose parameters are placeholders. Write it as a function at module level: its SQL is
 * kept per function and database, so repositories made anew for every transaction do not compile it again.
 */
export type QueryBuilder<Row> = (db: Executor) => Compilable<Row>;

interface Compiled {
  sql: string;
  /** How many parameters the builder's placeholders made: a call with another count is a mistake. */
  parameterCount: number;
}

/** Kept by a key, then by the database's dialect adapter (one per Kysely instance and its transactions). */
interface KeptPerDatabase<Key, Value> {
  get(key: Key): WeakMap<object, Value> | undefined;
  set(key: Key, byDatabase: WeakMap<object, Value>): unknown;
}

/** The value kept under `key` for `db`'s database, made by `make` the first time. */
function keptFor<Key, Value>(
  kept: KeptPerDatabase<Key, Value>,
  key: Key,
  db: Executor,
  make: () => Value,
): Value {
  let byDatabase = kept.get(key);
  if (!byDatabase) kept.set(key, (byDatabase = new WeakMap()));
  const adapter = db.getExecutor().adapter;
  let value = byDatabase.get(adapter);
  if (value === undefined) byDatabase.set(adapter, (value = make()));
  return value;
}

/** Compiled SQL by builder. */
const compiled = new WeakMap<QueryBuilder<unknown>, WeakMap<object, Compiled>>();

function compiledFor<Row>(db: Executor, build: QueryBuilder<Row>): Compiled {
  return keptFor(compiled, build, db, () => {
    const { sql, parameters: placeholders } = build(db).compile();
    return { sql, parameterCount: placeholders.length };
  });
}

function checked(query: Compiled, parameters: unknown[]): string {
  if (parameters.length !== query.parameterCount)
    throw new Error(`${query.sql} takes ${query.parameterCount} parameters, was given ${parameters.length}`);
  return query.sql;
}

/**
 * A read on a hot path (every authenticated request, or every approval): its SQL is built once from a
 * builder whose parameters are placeholders, then run with the real parameters in the same order, without
 * Kysely building and compiling the query again.
 *
 * On SQLite, outside a transaction, it runs straight on the better-sqlite3 handle (`direct`, see
 * DirectReads): the call is synchronous and skips Kysely's per-query machinery. While another flow holds
 * a write transaction open across awaits, it queues behind it through Kysely like any other query.
 */
export function prepared<Row>(
  db: Executor,
  direct: DirectReads | undefined,
  build: QueryBuilder<Row>,
): (...parameters: unknown[]) => Promise<Row[]> {
  let query: Compiled | undefined;
  let runDirectly: ((parameters: unknown[]) => Row[] | undefined) | undefined;
  return async (...parameters) => {
    query ??= compiledFor(db, build);
    const text = checked(query, parameters);
    if (direct) {
      runDirectly ??= direct.statement<Row>(text);
      const rows = runDirectly(parameters);
      if (rows) return rows;
    }
    return (await db.executeQuery<Row>(CompiledQuery.raw(text, parameters))).rows;
  };
}

/**
 * A write of fixed shape on a hot path, built once like `prepared` (never on the direct read path: writes
 * go through Kysely's connection, in the caller's transaction). Answers the rows it returns, if any.
 */
export async function preparedWrite<Row>(
  db: Executor,
  build: QueryBuilder<Row>,
  parameters: unknown[],
): Promise<Row[]> {
  return (
    await db.executeQuery<Row>(CompiledQuery.raw(checked(compiledFor(db, build), parameters), parameters))
  ).rows;
}

/** INSERT and UPDATE statements by table and column lists. */
const rowTexts = new Map<string, WeakMap<object, string>>();

function rowSql(db: Executor, key: string, build: () => Compilable<unknown>): string {
  return keptFor(rowTexts, key, db, () => build().compile().sql);
}

function valuesOf(table: string, columns: object): unknown[] {
  const values = Object.values(columns);
  if (values.includes(undefined)) throw new Error(`${table}: a column's value is undefined`);
  return values;
}

const placeholdersFor = (columns: string[]) => Object.fromEntries(columns.map((column) => [column, null]));

/**
 * Inserts one row: the SQL is built once per table and set of columns (the row's own keys, in their
 * order) and the row's values are its parameters. Every key must have a value (null, not undefined).
 */
export async function insertRow<Table extends keyof Database & string>(
  db: Executor,
  table: Table,
  row: Insertable<Database[Table]>,
): Promise<void> {
  const columns = Object.keys(row);
  const values = valuesOf(table, row);
  const text = rowSql(db, `insert ${table}(${columns.join(',')})`, () =>
    db.insertInto(table).values(placeholdersFor(columns) as never),
  );
  await db.executeQuery(CompiledQuery.raw(text, values));
}

/**
 * Sets `changes` on the rows whose columns equal `where`'s values (an UPDATE whose SET and WHERE name
 * the given columns, built once per table and pair of column lists). Answers how many rows it changed.
 */
export async function updateRows<Table extends keyof Database & string>(
  db: Executor,
  table: Table,
  changes: Updateable<Database[Table]>,
  where: Partial<Selectable<Database[Table]>>,
): Promise<number> {
  const setColumns = Object.keys(changes);
  const whereColumns = Object.keys(where);
  if (setColumns.length === 0) throw new Error(`${table}: an update needs at least one column to set`);
  const parameters = [...valuesOf(table, changes), ...valuesOf(table, where)];
  const key = `update ${table} set ${setColumns.join(',')} where ${whereColumns.join(',')}`;
  const text = rowSql(db, key, () => {
    // Any table's columns by name: the column lists and the placeholders matter here, not their types.
    const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    let query = untyped.updateTable(table as string).set(placeholdersFor(setColumns));
    for (const column of whereColumns) query = query.where(column, '=', null);
    return query;
  });
  const result = await db.executeQuery(CompiledQuery.raw(text, parameters));
  return Number(result.numAffectedRows ?? 0);
}
