import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DatabaseConnection, Driver, SqliteDatabase, SqliteStatement } from 'kysely';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql } from 'kysely';
import pg from 'pg';
import { DirectReads } from './direct-reads.js';
import { MIGRATIONS } from './migrations/index.js';
import { rowReader } from './sqlite-rows.js';
import type { Database } from './schema.js';

// int8 (bigint) comes back as a string by default; our bigints (sequence numbers) fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema?: string | undefined; poolSize?: number | undefined };

/** An open database: the query builder plus what only one dialect has. */
export interface DatabaseHandle {
  dialect: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  /** The PostgreSQL schema the tables live in, when not the default search path. */
  schema: string | undefined;
  /** The raw SQLite handle (for online backup); undefined on PostgreSQL. */
  sqlite: BetterSqlite3.Database | undefined;
  /** Hot reads straight on the SQLite handle, sharing a read transaction per turn; undefined on PostgreSQL. */
  directReads: DirectReads | undefined;
  close(): Promise<void>;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). A deferred transaction that reads
 * and then writes fails at once with SQLITE_BUSY when another process wrote in between; an immediate one
 * waits its turn (busy_timeout) instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** A statement as Kysely runs it, its rows read through `rowReader` (sqlite-rows.ts says why). */
function kyselyStatement(statement: BetterSqlite3.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  const rows = rowReader(statement);
  return {
    reader: true,
    all: (parameters) => rows.all(parameters),
    iterate: (parameters) => rows.iterate(parameters),
    run: () => {
      throw new Error(`${statement.source} returns rows: Kysely reads it with all()`);
    },
  };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. The same SQL text is
 * prepared once and its statement reused (statements are not shared across overlapping iterations: the
 * single connection runs one query at a time and we never stream). Every statement Kysely runs first ends
 * the hot reads' shared read transaction, so that writes and transactions start on a free connection.
 */
function withStatementCache(
  database: BetterSqlite3.Database,
  directReads: DirectReads,
  capacity = 500,
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      directReads.end();
      database.close();
    },
    prepare(text: string) {
      directReads.end();
      let statement = statements.get(text);
      if (!statement) {
        statement = kyselyStatement(database.prepare(text));
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  private readonly database: SqliteDatabase;
  constructor(raw: BetterSqlite3.Database, directReads: DirectReads) {
    const database = withStatementCache(raw, directReads);
    super({ database });
    this.database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/** Opens the embedded SQLite file (WAL, foreign keys on) or a PostgreSQL pool. */
export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new BetterSqlite3(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const directReads = new DirectReads(sqlite);
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, directReads) });
    return { dialect: 'sqlite', db, schema: undefined, sqlite, directReads, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    schema: target.schema,
    sqlite: undefined,
    directReads: undefined,
    close: () => db.destroy(),
  };
}

// Kysely looks for its bookkeeping tables in every schema unless told which one: name it.
function migratorOf(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = migratorOf(handle);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}

/** Names of migrations not yet applied (readiness: a server with pending migrations is not ready). */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const migrator = migratorOf(handle);
  const migrations = await migrator.getMigrations();
  return migrations.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}

/** A consistent copy of the embedded database, taken online (SQLite backup API). */
export async function backupSqlite(handle: DatabaseHandle, destination: string): Promise<void> {
  if (!handle.sqlite)
    throw new Error('db backup copies the embedded SQLite database; use pg_dump for PostgreSQL');
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  handle.directReads?.end();
  await handle.sqlite.backup(destination);
}

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
