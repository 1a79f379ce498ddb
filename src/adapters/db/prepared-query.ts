import type { Compilable, Kysely, Transaction } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { DirectReads } from './direct-reads.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A query on a hot path (every authenticated request): its SQL is built once from a builder whose
 * parameters are placeholders, then run with the real parameters in the same order.
 *
 * On SQLite, outside a transaction, it runs straight on the better-sqlite3 handle (`direct`, see
 * DirectReads): the call is synchronous and skips Kysely's per-query machinery. While another flow holds
 * a write transaction open across awaits, it queues behind it through Kysely like any other query.
 */
export function prepared<Row>(
  db: Executor,
  direct: DirectReads | undefined,
  build: () => Compilable<Row>,
): (...parameters: unknown[]) => Promise<Row[]> {
  let text: string | undefined;
  let runDirectly: ((parameters: unknown[]) => Row[] | undefined) | undefined;
  return async (...parameters) => {
    text ??= build().compile().sql;
    if (direct) {
      runDirectly ??= direct.statement<Row>(text);
      const rows = runDirectly(parameters);
      if (rows) return rows;
    }
    return (await db.executeQuery<Row>(CompiledQuery.raw(text, parameters))).rows;
  };
}
