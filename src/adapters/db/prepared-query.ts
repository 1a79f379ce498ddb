import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable, Kysely, Transaction } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A query on a hot path (every authenticated request): its SQL is built once from a builder whose
 * parameters are placeholders, then run with the real parameters in the same order.
 *
 * On SQLite, outside a transaction, it runs straight on the better-sqlite3 handle: the call is synchronous,
 * so when no transaction is open on the connection it sees exactly the committed data, and it skips
 * Kysely's per-query machinery. While another flow holds a transaction open across awaits, it queues
 * behind it through Kysely like any other query.
 */
export function prepared<Row>(
  db: Executor,
  direct: BetterSqlite3.Database | undefined,
  build: () => Compilable<Row>,
): (...parameters: unknown[]) => Promise<Row[]> {
  let text: string | undefined;
  let statement: BetterSqlite3.Statement | undefined;
  return async (...parameters) => {
    text ??= build().compile().sql;
    if (direct && !direct.inTransaction) {
      statement ??= direct.prepare(text);
      return statement.all(...parameters) as Row[];
    }
    return (await db.executeQuery<Row>(CompiledQuery.raw(text, parameters))).rows;
  };
}
