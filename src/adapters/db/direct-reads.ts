import type BetterSqlite3 from 'better-sqlite3';
import type { RowReader } from './sqlite-rows.js';
import { rowReader } from './sqlite-rows.js';

/**
 * Hot reads on SQLite, run straight on the better-sqlite3 handle (synchronously, without Kysely's
 * per-query machinery), sharing one read transaction per turn of the event loop.
 *
 * Outside a transaction every SQLite statement is its own read transaction, and beginning and ending one
 * in WAL mode locks and unlocks the wal-index with two system calls; on a virtual machine that is most of
 * the cost of reading one row (about 7 of 9 µs here, ADR 0012). So the first hot read of a turn begins a
 * read transaction, later hot reads of the same turn run in it, and it ends at the end of the turn
 * (setImmediate), or at once when anything else is about to run on the connection: every Kysely
 * statement, a write or a transaction, ends it first (`end`, called from the connection's prepare).
 * HTTP requests are handled in the check phase (ADR 0013), so their reads begin it there and it ends at
 * the next turn's check phase, before the requests that turn read are handled.
 *
 * What a read sees is therefore what was committed when the turn's first hot read ran: this process's
 * own writes end the snapshot before they run, so they are always seen by the next read; a commit by
 * another process (the CLI) is seen from the next turn on, less than one turn later.
 */
export class DirectReads {
  readonly #database: BetterSqlite3.Database;
  readonly #begin: BetterSqlite3.Statement;
  readonly #commit: BetterSqlite3.Statement;
  /** Whether the connection's open transaction is the shared read transaction (and not a write's). */
  #snapshotOpen = false;
  readonly #endAtTurnEnd = () => this.end();

  constructor(database: BetterSqlite3.Database) {
    this.#database = database;
    this.#begin = database.prepare('begin');
    this.#commit = database.prepare('commit');
  }

  /**
   * A runner for one statement: its rows, or undefined while a transaction that is not the shared read
   * transaction holds the connection (a write transaction open across awaits); the caller then queues
   * behind it through Kysely.
   */
  statement<Row>(text: string): (parameters: unknown[]) => Row[] | undefined {
    let read: RowReader | undefined;
    return (parameters) => {
      if (!this.#enter()) return undefined;
      read ??= rowReader(this.#database.prepare(text));
      return read.all(parameters) as Row[];
    };
  }

  /** Ends the shared read transaction, if one is open. */
  end(): void {
    if (!this.#snapshotOpen) return;
    this.#snapshotOpen = false;
    if (this.#database.open && this.#database.inTransaction) this.#commit.run();
  }

  #enter(): boolean {
    if (this.#snapshotOpen) return true;
    if (this.#database.inTransaction) return false;
    this.#begin.run();
    this.#snapshotOpen = true;
    setImmediate(this.#endAtTurnEnd);
    return true;
  }
}
