import type { Compilable, Kysely, Transaction } from 'kysely';
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

/** SQL by builder, then by the database's dialect adapter (one per Kysely instance and its transactions). */
const compiled = new WeakMap<QueryBuilder<unknown>, WeakMap<object, Compiled>>();

function sqlOf<Row>(db: Executor, build: QueryBuilder<Row>, parameters: unknown[]): string {
  let byDatabase = compiled.get(build);
  if (!byDatabase) compiled.set(build, (byDatabase = new WeakMap()));
  const adapter = db.getExecutor().adapter;
  let query = byDatabase.get(adapter);
  if (!query) {
    const { sql, parameters: placeholders } = build(db).compile();
    byDatabase.set(adapter, (query = { sql, parameterCount: placeholders.length }));
  }
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
  let runDirectly: ((parameters: unknown[]) => Row[] | undefined) | undefined;
  return async (...parameters) => {
    const text = sqlOf(db, build, parameters);
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
  return (await db.executeQuery<Row>(CompiledQuery.raw(sqlOf(db, build, parameters), parameters))).rows;
}

/** INSERT statements by table and column list, then by dialect adapter. */
const insertTexts = new Map<string, WeakMap<object, string>>();

/**
 * Inserts one row: the SQL is built once per table and set of columns (the row's own keys, in their
 * order) and the row's values are its parameters. Every key must have a value (null, not undefined).
 */
export async function insertRow<Table extends keyof Database & string>(
  db: Executor,
  table: Table,
  row: { [Column in keyof Database[Table]]?: unknown },
): Promise<void> {
  const columns = Object.keys(row);
  const key = `${table}(${columns.join(',')})`;
  let byDatabase = insertTexts.get(key);
  if (!byDatabase) insertTexts.set(key, (byDatabase = new WeakMap()));
  const adapter = db.getExecutor().adapter;
  let text = byDatabase.get(adapter);
  if (text === undefined) {
    const placeholders = Object.fromEntries(columns.map((column) => [column, null]));
    byDatabase.set(
      adapter,
      (text = db
        .insertInto(table)
        .values(placeholders as never)
        .compile().sql),
    );
  }
  const values = Object.values(row);
  if (values.includes(undefined)) throw new Error(`insertRow(${table}): a column's value is undefined`);
  await db.executeQuery(CompiledQuery.raw(text, values));
}
