import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/adapters/db/connection.js';
import { migrateToLatest, openDatabase } from '../../src/adapters/db/connection.js';
import { createKyselyStore } from '../../src/adapters/db/kysely-store.js';
import type { OrganisationRecord, Store } from '../../src/app/ports.js';

// SQLite only: on PostgreSQL every read is a pool query and there is no shared read transaction.
describe('hot reads sharing one SQLite read transaction per turn', () => {
  let dir: string;
  let file: string;
  let handle: DatabaseHandle;
  let store: Store;
  const office: OrganisationRecord = {
    id: 'office-1',
    kind: 'office',
    parentId: null,
    code: 'SH01',
    nameEn: 'Shanghai Customs',
    nameZh: '上海海关',
    createdAt: '2026-03-02T00:00:00.000Z',
  };
  const enterprise: OrganisationRecord = {
    id: 'enterprise-1',
    kind: 'enterprise',
    parentId: office.id,
    code: '91310115MA1K4B2X7G',
    nameEn: 'Everbright Textiles',
    nameZh: '光大纺织',
    createdAt: '2026-03-02T00:00:00.000Z',
  };
  const renamed = (nameEn: string) => ({
    code: '91310115MA1K4B2X7G',
    nameEn,
    nameZh: enterprise.nameZh,
    parentId: office.id,
  });
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-direct-reads-'));
    file = path.join(dir, 'origo.sqlite');
    handle = openDatabase({ dialect: 'sqlite', file });
    await migrateToLatest(handle);
    store = createKyselyStore(handle.db, 'sqlite', handle.directReads);
    await store.organisations.insert(office);
    await store.organisations.insert(enterprise);
    await nextTurn();
  });
  afterEach(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the read transaction open for the rest of the turn, and ends it at the turn’s end', async () => {
    expect((await store.organisations.findById(enterprise.id))?.nameEn).toBe('Everbright Textiles');
    expect(handle.sqlite?.inTransaction).toBe(true);
    await nextTurn();
    expect(handle.sqlite?.inTransaction).toBe(false);
  });

  it('shows this process’s write to the next read of the same turn', async () => {
    await store.organisations.findById(enterprise.id);
    await store.organisations.updateIdentity(enterprise.id, renamed('Everbright Textiles Group'));
    expect((await store.organisations.findById(enterprise.id))?.nameEn).toBe('Everbright Textiles Group');
  });

  it('begins a write transaction while the read transaction is open, and reads what it committed', async () => {
    await store.organisations.findById(enterprise.id);
    await store.transaction(async (tx) => {
      await tx.organisations.updateIdentity(enterprise.id, renamed('Pudong Textiles'));
    });
    expect((await store.organisations.findById(enterprise.id))?.nameEn).toBe('Pudong Textiles');
    await nextTurn();
    expect(handle.sqlite?.inTransaction).toBe(false);
  });

  it('makes a hot read wait for a write transaction open across awaits, then read what it committed', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = store.transaction(async (tx) => {
      await tx.organisations.updateIdentity(enterprise.id, renamed('Waigaoqiao Textiles'));
      await gate;
    });
    await nextTurn();
    const reading = store.organisations.findById(enterprise.id);
    release();
    await writing;
    expect((await reading)?.nameEn).toBe('Waigaoqiao Textiles');
  });

  it('shows another process’s commit from the next turn on', async () => {
    const other = new BetterSqlite3(file);
    try {
      other.pragma('busy_timeout = 1000');
      expect((await store.organisations.findById(enterprise.id))?.nameEn).toBe('Everbright Textiles');
      other
        .prepare('update organisations set name_en = ? where id = ?')
        .run('Yangshan Textiles', enterprise.id);
      // The rest of this turn reads the snapshot it began with: the reads of one turn agree.
      expect((await store.organisations.findById(enterprise.id))?.nameEn).toBe('Everbright Textiles');
      await nextTurn();
      expect((await store.organisations.findById(enterprise.id))?.nameEn).toBe('Yangshan Textiles');
    } finally {
      other.close();
    }
  });

  it('lets another process write and checkpoint while this one reads', async () => {
    const other = new BetterSqlite3(file);
    try {
      await store.organisations.findById(enterprise.id);
      other
        .prepare('update organisations set name_en = ? where id = ?')
        .run('Lingang Textiles', enterprise.id);
      await nextTurn();
      const [checkpoint] = other.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      expect(checkpoint?.busy).toBe(0);
      expect((await store.organisations.findById(enterprise.id))?.nameEn).toBe('Lingang Textiles');
    } finally {
      other.close();
    }
  });
});
