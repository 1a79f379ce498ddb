import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '../src/adapters/db/connection.js';
import { createKyselyStore } from '../src/adapters/db/kysely-store.js';
import type { Figure } from './support/figures.js';
import { round } from './support/figures.js';

export const name = 'sqlite-point-read';

const READS = 50_000;
const ROUNDS = 5;

/**
 * Why hot reads share a read transaction per turn (ADR 0012): one organisation read by id on the embedded
 * database (WAL, as the server opens it), straight on the better-sqlite3 handle, each read its own
 * transaction against all reads inside one; and through the store, with the shared read transaction.
 * Medians of five rounds of 50,000 reads, in µs per read. No targets: these explain other figures.
 */
export async function run(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-bench-read-'));
  const handle = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'origo.sqlite') });
  try {
    await migrateToLatest(handle);
    const store = createKyselyStore(handle.db, 'sqlite', handle.directReads);
    const id = 'bench-office';
    await store.organisations.insert({
      id,
      kind: 'office',
      parentId: null,
      code: '2200',
      nameEn: 'Shanghai Customs',
      nameZh: '上海海关',
      createdAt: '2026-03-02T00:00:00.000Z',
    });
    const sqlite = handle.sqlite!;
    const byId = sqlite.prepare('select * from organisations where id = ?');
    const median = (measure: () => number) => {
      measure(); // warm-up
      const rounds = Array.from({ length: ROUNDS }, measure).sort((a, b) => a - b);
      return rounds[Math.floor(ROUNDS / 2)]!;
    };
    const microsPerRead = (startedAt: number) => ((performance.now() - startedAt) * 1000) / READS;

    const own = median(() => {
      const startedAt = performance.now();
      for (let index = 0; index < READS; index++) byId.get(id);
      return microsPerRead(startedAt);
    });
    const shared = median(() => {
      const startedAt = performance.now();
      sqlite.exec('begin');
      for (let index = 0; index < READS; index++) byId.get(id);
      sqlite.exec('commit');
      return microsPerRead(startedAt);
    });
    const throughStore = await (async () => {
      const rounds: number[] = [];
      for (let round = 0; round <= ROUNDS; round++) {
        const startedAt = performance.now();
        for (let index = 0; index < READS; index++) await store.organisations.findById(id);
        if (round > 0) rounds.push(microsPerRead(startedAt)); // the first is the warm-up
        await new Promise((resolve) => setImmediate(resolve));
      }
      return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
    })();
    console.error(
      `  one row by id: ${own.toFixed(2)} µs as its own transaction, ${shared.toFixed(2)} µs in an open one, ` +
        `${throughStore.toFixed(2)} µs through the store`,
    );
    const figure = (name: string, value: number): Figure => ({
      name,
      value: round(value, 2),
      unit: 'µs/read',
      target: null,
    });
    return [
      figure('SQLite row by id, each read its own transaction', own),
      figure('SQLite row by id, inside an open read transaction', shared),
      figure('organisation by id through the store (shared read transaction)', throughStore),
    ];
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
