import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowReader } from '../../src/adapters/db/sqlite-rows.js';

// SQLite only: rows read from better-sqlite3's raw mode must be exactly the objects it would have built.
describe('rows read from raw SQLite rows', () => {
  let dir: string;
  let file: string;
  let database: BetterSqlite3.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-sqlite-rows-'));
    file = path.join(dir, 'rows.sqlite');
    database = new BetterSqlite3(file);
    database.pragma('journal_mode = WAL');
    database.exec(`
      create table parties (id text primary key, name text not null, seq integer, share real, seal blob);
      create table marks (party_id text not null, id text not null, mark text);
      insert into parties values ('p1', '光大纺织', 7, 0.25, x'89504e47'), ('p2', 'Everbright', null, null, null);
      insert into marks values ('p1', 'm1', 'N/M'), ('p1', 'm2', null);
    `);
  });
  afterEach(() => {
    database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const byBetterSqlite = (text: string, ...parameters: unknown[]) =>
    database.prepare(text).all(...parameters);

  it('answers the same objects as better-sqlite3: every type, nulls, order, parameters', () => {
    const text = 'select * from parties where id >= ? order by id';
    const read = rowReader(database.prepare(text));
    const rows = read.all(['p1']);
    expect(rows).toEqual(byBetterSqlite(text, 'p1'));
    expect(rows[0]).toEqual({
      id: 'p1',
      name: '光大纺织',
      seq: 7,
      share: 0.25,
      seal: Buffer.from('89504e47', 'hex'),
    });
    expect(Object.keys(rows[1]!)).toEqual(['id', 'name', 'seq', 'share', 'seal']);
    expect(read.all(['p3'])).toEqual([]);
  });

  it('keeps the last value of columns with the same name, as better-sqlite3 does', () => {
    const text = 'select p.id, m.id, m.mark from parties p join marks m on m.party_id = p.id order by m.id';
    const rows = rowReader(database.prepare(text)).all([]);
    expect(rows).toEqual(byBetterSqlite(text));
    expect(rows.map((row) => row.id)).toEqual(['m1', 'm2']);
  });

  it('names columns with any characters, and makes a column named __proto__ a property', () => {
    const text = `select 1 as "a""b", 2 as "名 称", 3 as "x\\n", 4 as "__proto__", 5 as "a""b"`;
    const [row] = rowReader(database.prepare(text)).all([]);
    expect(Object.keys(row!)).toEqual(['a"b', '名 称', 'x\\n', '__proto__']);
    expect(row!['a"b']).toBe(5);
    expect(row!['名 称']).toBe(2);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe(4);
  });

  it('makes the same rows where code generation is disallowed', () => {
    // Columns no other test reads: a maker made earlier for the same columns would be used instead.
    const text =
      'select id as refused_id, name as refused_name, seal as refused_seal from parties order by id';
    const expected = byBetterSqlite(text);
    vi.stubGlobal('Function', function refuse() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    try {
      expect(rowReader(database.prepare(text)).all([])).toEqual(expected);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads row by row with iterate', () => {
    const text = 'select id, name from parties order by id';
    expect([...rowReader(database.prepare(text)).iterate([])]).toEqual(byBetterSqlite(text));
  });

  it('names the columns again when another process changed the schema under select *', () => {
    const read = rowReader(database.prepare('select * from marks where id = ?'));
    expect(read.all(['m1'])).toEqual([{ party_id: 'p1', id: 'm1', mark: 'N/M' }]);
    const other = new BetterSqlite3(file);
    other.exec(`alter table marks add column placed_at text default '2026-11-27'`);
    other.close();
    expect(read.all(['m1'])).toEqual([{ party_id: 'p1', id: 'm1', mark: 'N/M', placed_at: '2026-11-27' }]);
  });

  it('refuses a statement that returns no rows', () => {
    expect(() => rowReader(database.prepare(`delete from marks where id = 'none'`))).toThrow(
      /returns no rows/,
    );
  });
});
