import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../src/adapters/db/schema.js';
import { insertRow, prepared, preparedWrite, updateRows } from '../../src/adapters/db/prepared-query.js';
import type { TestRuntime } from '../support/runtime.js';
import { describeEachDatabase, openTestRuntime } from '../support/runtime.js';

type Executor = Kysely<Database> | Transaction<Database>;

const office = {
  id: 'office-prepared',
  kind: 'office',
  parent_id: null,
  code: 'P001',
  name_en: 'Prepared Customs',
  name_zh: '预备海关',
  created_at: '2026-03-02T00:00:00.000Z',
};

describeEachDatabase('prepared queries and rows', (dialect) => {
  let runtime: TestRuntime;
  let db: Kysely<Database>;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    db = runtime.handle.db;
  });
  afterEach(async () => {
    await runtime.close();
  });

  it('builds a query once per database, in and out of transactions, and runs it with each call’s parameters', async () => {
    let built = 0;
    const byCode = (executor: Executor) => {
      built += 1;
      return executor.selectFrom('organisations').select(['id', 'name_en']).where('code', '=', '');
    };
    await insertRow(db, 'organisations', office);
    await insertRow(db, 'organisations', { ...office, id: 'office-other', code: 'P002', name_en: 'Other' });

    expect(await prepared(db, undefined, byCode)('P001')).toEqual([
      { id: office.id, name_en: office.name_en },
    ]);
    const inTransaction = await db
      .transaction()
      .execute(async (trx) => prepared(trx, undefined, byCode)('P002'));
    expect(inTransaction).toEqual([{ id: 'office-other', name_en: 'Other' }]);
    expect(await prepared(db, undefined, byCode)('P404')).toEqual([]);
    expect(built).toBe(1);
  });

  it('refuses a call with another number of parameters than the query has, naming the query', async () => {
    const byCode = (executor: Executor) =>
      executor.selectFrom('organisations').selectAll().where('code', '=', '');
    await expect(prepared(db, undefined, byCode)('P001', 'extra')).rejects.toThrow(
      /organisations.*takes 1 parameters, was given 2/,
    );
  });

  it('writes with a prepared statement and answers the rows it returns', async () => {
    await insertRow(db, 'organisations', office);
    const rename = (executor: Executor) =>
      executor.updateTable('organisations').set({ name_en: '' }).where('id', '=', '').returning('name_en');
    const renamed = await preparedWrite(db, rename, ['Renamed Customs', office.id]);
    expect(renamed).toEqual([{ name_en: 'Renamed Customs' }]);
    const none = await preparedWrite(db, rename, ['Nobody', 'no-such-office']);
    expect(none).toEqual([]);
    const stored = await db
      .selectFrom('organisations')
      .select('name_en')
      .where('id', '=', office.id)
      .execute();
    expect(stored).toEqual([{ name_en: 'Renamed Customs' }]);
  });

  it('inserts rows of different column sets into one table, each with its own statement', async () => {
    await insertRow(db, 'organisations', office);
    await insertRow(db, 'organisations', {
      ...office,
      id: 'enterprise-1',
      kind: 'enterprise',
      parent_id: office.id,
      code: 'E001',
    });
    // Without parent_id and code: the statement names only the columns given, so both stay null.
    const {
      parent_id: _parent,
      code: _code,
      ...bare
    } = { ...office, id: 'enterprise-2', kind: 'enterprise' };
    await insertRow(db, 'organisations', bare);
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'kind', 'parent_id', 'code'])
      .where('id', 'in', [office.id, 'enterprise-1', 'enterprise-2'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'enterprise-1', kind: 'enterprise', parent_id: office.id, code: 'E001' },
      { id: 'enterprise-2', kind: 'enterprise', parent_id: null, code: null },
      { id: office.id, kind: 'office', parent_id: null, code: 'P001' },
    ]);
  });

  it('refuses a row with an undefined value and writes nothing', async () => {
    // The types refuse it; a value read from somewhere untyped can still be undefined at run time.
    const untyped = { ...office, name_zh: undefined } as unknown as typeof office;
    await expect(insertRow(db, 'organisations', untyped)).rejects.toThrow(/organisations.*undefined/);
    const rows = await db.selectFrom('organisations').select('id').where('id', '=', office.id).execute();
    expect(rows).toEqual([]);
  });

  it('updates the rows its condition names, with each set of columns, and answers how many changed', async () => {
    await insertRow(db, 'organisations', office);
    const read = async () =>
      db
        .selectFrom('organisations')
        .select(['name_en', 'name_zh'])
        .where('id', '=', office.id)
        .executeTakeFirst();

    expect(await updateRows(db, 'organisations', { name_en: 'First' }, { id: office.id, code: 'P001' })).toBe(
      1,
    );
    expect(await read()).toEqual({ name_en: 'First', name_zh: '预备海关' });
    // The same columns, a condition no row meets: nothing changes.
    expect(await updateRows(db, 'organisations', { name_en: 'Lost' }, { id: office.id, code: 'P999' })).toBe(
      0,
    );
    // Other columns to set: another statement, with the values in their own order.
    expect(
      await updateRows(
        db,
        'organisations',
        { name_zh: '第二', name_en: 'Second' },
        { id: office.id, code: 'P001' },
      ),
    ).toBe(1);
    expect(await read()).toEqual({ name_en: 'Second', name_zh: '第二' });
    await expect(updateRows(db, 'organisations', {}, { id: office.id })).rejects.toThrow(
      /at least one column/,
    );
  });
});
