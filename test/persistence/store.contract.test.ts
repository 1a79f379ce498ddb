import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backupSqlite } from '../../src/adapters/db/connection.js';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.js';
import { enqueueJob } from '../../src/app/jobs/job-queue.js';
import { JobRunner } from '../../src/app/jobs/job-runner.js';
import { purgeExpiredRecords } from '../../src/app/maintenance/purge-expired-records.js';
import { createOrganisation } from '../../src/app/organisations/create-organisation.js';
import type { Actor } from '../../src/domain/actor.js';
import { AUDIT_GENESIS_HASH } from '../../src/domain/audit.js';
import { applicationInReview, goodApplication } from '../support/applications.js';
import type { TestRuntime } from '../support/runtime.js';
import { describeEachDatabase, openTestRuntime } from '../support/runtime.js';

const operator: Actor = { kind: 'system', name: 'test' };

describeEachDatabase('store contract', (dialect) => {
  let runtime: TestRuntime;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect, { demo: true });
  });
  afterEach(async () => {
    await runtime.close();
  });

  it('reads back the demo organisations and a session principal in one piece', async () => {
    const { store } = runtime.deps;
    const shanghai = await store.organisations.findByCode('2200');
    expect(shanghai).toMatchObject({ kind: 'office', nameEn: 'Shanghai Customs', nameZh: '上海海关' });
    const officer = await store.users.findByUsername('officer.wang');
    expect(officer?.roles).toEqual(['customs_officer']);
    const at = runtime.clock.now().toISOString();
    await store.sessions.insert({
      id: 'h'.repeat(64),
      userId: officer!.id,
      csrfToken: 'csrf',
      createdAt: at,
      expiresAt: at,
      lastSeenAt: at,
      clientAddress: '127.0.0.1',
      userAgent: null,
    });
    const principal = await store.sessions.findPrincipal('h'.repeat(64));
    expect(principal?.user.username).toBe('officer.wang');
    expect(principal?.organisation.code).toBe('2200');
    const offices = await store.organisations.list({ kind: 'office', ids: principal!.officeIds });
    expect(offices.map((office) => office.code).sort()).toEqual(['2200', '3100']);
  });

  it('lists an office with its affiliated enterprises and agencies, and nothing else', async () => {
    const { store } = runtime.deps;
    const shanghai = (await store.organisations.findByCode('2200'))!;
    const visible = await store.organisations.list({ ids: [shanghai.id], parentIds: [shanghai.id] });
    expect(visible.map((organisation) => organisation.nameEn).sort()).toEqual([
      'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
      'SHANGHAI MINGDA LIGHTING CO., LTD.',
      'SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD.',
      'Shanghai Customs',
    ]);
    expect(await store.organisations.list({ ids: [], parentIds: [] })).toEqual([]);
  });

  it('rolls back every write of a failed transaction, the audit event included', async () => {
    const { store } = runtime.deps;
    const before = await store.audit.head();
    const organisationsBefore = await store.organisations.count();
    await expect(
      store.transaction(async (tx) => {
        await tx.organisations.insert({
          id: 'half-written',
          kind: 'agency',
          parentId: null,
          code: 'HALF',
          nameEn: 'HALF',
          nameZh: '半',
          createdAt: '2026-01-01T00:00:00.000Z',
        });
        await tx.audit.append(operator, '2026-01-01T00:00:00.000Z', {
          type: 'organisation.created',
          subjectType: 'organisation',
          subjectId: 'half-written',
          data: { kind: 'agency', code: 'HALF', nameEn: 'HALF', parentId: null },
        });
        throw new Error('crash after two writes');
      }),
    ).rejects.toThrow('crash after two writes');
    expect(await store.organisations.count()).toBe(organisationsBefore);
    expect(await store.organisations.findById('half-written')).toBeUndefined();
    expect(await store.audit.head()).toEqual(before);
  });

  it('refuses to append an audit event outside a transaction', async () => {
    await expect(
      runtime.deps.store.audit.append(operator, '2026-01-01T00:00:00.000Z', {
        type: 'job.retried',
        subjectType: 'job',
        subjectId: 'x',
        data: { kind: 'x' },
      }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('chains audit events so that concurrent writers still form one unbroken chain', async () => {
    const writers = Array.from({ length: 20 }, (_, index) =>
      createOrganisation(runtime.deps, operator, {
        kind: 'agency',
        parentId: null,
        code: null,
        nameEn: `AGENCY ${index}`,
        nameZh: `代理 ${index}`,
      }).catch((error: unknown) => error),
    );
    // An agency needs an office parent: all twenty fail validation and write nothing.
    const results = await Promise.all(writers);
    expect(results.every((result) => result instanceof Error)).toBe(true);

    const office = (await runtime.deps.store.organisations.findByCode('2200'))!;
    const peer = await runtime.openPeer();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        createOrganisation(index % 2 ? peer.deps : runtime.deps, operator, {
          kind: 'agency',
          parentId: office.id,
          code: null,
          nameEn: `AGENCY ${index}`,
          nameZh: `代理 ${index}`,
        }),
      ),
    );
    const verification = await verifyAuditTrail(runtime.deps, operator);
    expect(verification).toMatchObject({ intact: true, problems: [] });
    const events = await runtime.deps.store.audit.readForward(0, 1000);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
  });

  it('leases each due job to one worker only, even with two workers polling at once', async () => {
    const { store } = runtime.deps;
    const now = runtime.clock.now();
    await store.transaction(async (tx) => {
      for (let index = 0; index < 30; index += 1)
        await enqueueJob(tx, now, { kind: 'count', payload: { index } });
    });
    const peer = await runtime.openPeer();
    const seen: number[] = [];
    const handler = async (job: { payload: unknown }) => {
      seen.push((job.payload as { index: number }).index);
    };
    const first = new JobRunner(
      { store, clock: runtime.clock },
      { count: handler },
      { workerId: 'a', batchSize: 3 },
    );
    const second = new JobRunner(
      { store: peer.deps.store, clock: runtime.clock },
      { count: handler },
      { workerId: 'b', batchSize: 3 },
    );
    const [ranByFirst, ranBySecond] = await Promise.all([first.runDue(), second.runDue()]);
    expect(ranByFirst + ranBySecond).toBe(30);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index));
    expect(await store.jobs.list({ status: 'succeeded', limit: 100 })).toHaveLength(30);
  });

  it('retries a failing job with growing delays on the controlled clock, then shows it as failed', async () => {
    const { store } = runtime.deps;
    const id = await store.transaction((tx) =>
      enqueueJob(tx, runtime.clock.now(), { kind: 'flaky', payload: {}, maxAttempts: 3 }),
    );
    let calls = 0;
    const runner = new JobRunner(
      { store, clock: runtime.clock },
      {
        flaky: async () => {
          calls += 1;
          throw new Error(`registry timeout #${calls}`);
        },
      },
      { workerId: 'w' },
    );
    expect(await runner.runDue()).toBe(1);
    expect(await store.jobs.findById(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'registry timeout #1',
    });
    expect(await runner.runDue()).toBe(0); // not due before the backoff has passed
    runtime.clock.advance(10_000);
    expect(await runner.runDue()).toBe(1);
    runtime.clock.advance(19_999);
    expect(await runner.runDue()).toBe(0);
    runtime.clock.advance(1);
    expect(await runner.runDue()).toBe(1);
    expect(await store.jobs.findById(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'registry timeout #3',
    });
    expect((await store.jobs.list({ status: 'failed', limit: 10 })).map((job) => job.id)).toEqual([id]);
  });

  it('takes over a job whose worker died once its lease has expired', async () => {
    const { store } = runtime.deps;
    await store.transaction((tx) => enqueueJob(tx, runtime.clock.now(), { kind: 'once', payload: {} }));
    const now = runtime.clock.now();
    const leased = await store.jobs.claimDue(
      now.toISOString(),
      'dead-worker',
      5,
      new Date(now.getTime() + 60_000).toISOString(),
    );
    expect(leased).toHaveLength(1);
    const runner = new JobRunner(
      { store, clock: runtime.clock },
      { once: async () => undefined },
      { workerId: 'alive' },
    );
    expect(await runner.runDue()).toBe(0);
    runtime.clock.advance(60_000);
    expect(await runner.runDue()).toBe(1);
    expect(await store.jobs.findById(leased[0]!.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('updates an application read in the same transaction column by column, and refuses a stale version', async () => {
    const { store } = runtime.deps;
    const enterprise = (await store.organisations.findByCode('91310115MA1K4B2X7G'))!;
    const office = (await store.organisations.findByCode('2200'))!;
    const draft = applicationInReview(runtime.clock.now().toISOString(), {
      id: 'contract-application',
      enterpriseId: enterprise.id,
      officeId: office.id,
      data: goodApplication('RC', 2),
      createdBy: 'contract',
      idempotencyKey: 'key-1',
    });
    await store.transaction((tx) => tx.applications.insert(draft));
    const approved = await store.transaction(async (tx) => {
      const read = (await tx.applications.findById(draft.id))!;
      const first = { ...read, status: 'approved' as const, certificateNumber: 'R262200000001', version: 4 };
      expect(await tx.applications.update(first, 3)).toBe(true);
      // A second change in the same transaction starts from the first, not from what was read.
      const second = { ...first, data: { ...first.data, remarks: 'Second change' }, version: 5 };
      expect(await tx.applications.update(second, 4)).toBe(true);
      expect(await tx.applications.update({ ...second, version: 6 }, 4)).toBe(false);
      return second;
    });
    expect(await store.applications.findById(draft.id)).toEqual(approved);
    expect(approved).toMatchObject({
      idempotencyKey: 'key-1',
      certificateNumber: 'R262200000001',
      version: 5,
    });
    expect(await store.applications.findByIdempotencyKey(enterprise.id, 'key-1')).toEqual(approved);
  });

  it('keeps certificate numbers unique while any number of applications have none yet', async () => {
    const { store } = runtime.deps;
    const enterprise = (await store.organisations.findByCode('91310115MA1K4B2X7G'))!;
    const office = (await store.organisations.findByCode('2200'))!;
    const now = runtime.clock.now().toISOString();
    const inReview = (id: string) =>
      applicationInReview(now, {
        id,
        enterpriseId: enterprise.id,
        officeId: office.id,
        data: goodApplication('RC', 1),
        createdBy: 'contract',
      });
    // Three without a number: the partial unique index (migration 0015) holds none of them.
    await store.transaction(async (tx) => {
      for (const id of ['unnumbered-1', 'unnumbered-2', 'unnumbered-3'])
        await tx.applications.insert(inReview(id));
    });
    const number = async (id: string) =>
      store.transaction(async (tx) => {
        const read = (await tx.applications.findById(id))!;
        return tx.applications.update({ ...read, certificateNumber: 'R262200000777', version: 4 }, 3);
      });
    expect(await number('unnumbered-1')).toBe(true);
    await expect(number('unnumbered-2')).rejects.toThrow(/unique/i);
    expect((await store.applications.findById('unnumbered-2'))!.certificateNumber).toBeNull();
    expect(
      (await store.applications.findByCertificateNumbers(['R262200000777'])).map((row) => row.id),
    ).toEqual(['unnumbered-1']);
  });

  if (dialect === 'sqlite') {
    it('backs up the embedded database online into a file that opens with the same data', async () => {
      const destination = path.join(path.dirname(runtime.handle.sqlite!.name), 'backup', 'copy.sqlite');
      await backupSqlite(runtime.handle, destination);
      const copy = new BetterSqlite3(destination, { readonly: true });
      try {
        const row = copy.prepare("select name_en from organisations where code = '3100'").get() as {
          name_en: string;
        };
        expect(row.name_en).toBe('Ningbo Customs');
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        copy.close();
      }
      expect(fs.statSync(destination).size).toBeGreaterThan(0);
    });
  }
});

describeEachDatabase('audit trail tamper evidence', (dialect) => {
  let runtime: TestRuntime;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect, { demo: true });
  });
  afterEach(async () => {
    await runtime.close();
  });

  it('finds an edited event, a deleted event and a deleted tail', async () => {
    const { db } = runtime.handle;
    const { seq: last } = await runtime.deps.store.audit.head();
    expect(await verifyAuditTrail(runtime.deps, operator)).toMatchObject({ intact: true, checked: last });

    await db
      .updateTable('audit_events')
      .set({ occurred_at: '2020-01-01T00:00:00.000Z' })
      .where('seq', '=', 4)
      .execute();
    expect((await verifyAuditTrail(runtime.deps, operator)).problems).toEqual([
      { seq: 4, reason: 'content does not match its hash (edited)' },
    ]);

    await db.deleteFrom('audit_events').where('seq', '=', 4).execute();
    expect((await verifyAuditTrail(runtime.deps, operator)).problems).toEqual([
      { seq: 5, reason: 'events 4 to 4 are missing (deleted)' },
      { seq: 5, reason: 'previous-hash link does not match the event before it' },
    ]);

    await db
      .deleteFrom('audit_events')
      .where('seq', '>=', last - 1)
      .execute();
    const tail = await verifyAuditTrail(runtime.deps, operator);
    expect(tail.intact).toBe(false);
    expect(tail.problems.at(-1)?.reason).toContain(`the chain head records event ${last}`);
  });
});

describeEachDatabase('purging expired records', (dialect) => {
  it('deletes expired sessions and stale throttle entries, and keeps live ones', async () => {
    const runtime = await openTestRuntime(dialect, { demo: true });
    try {
      const { store } = runtime.deps;
      const user = (await store.users.findByUsername('ent.clerk'))!;
      const session = (id: string, expiresAt: string) => ({
        id,
        userId: user.id,
        csrfToken: 'c',
        createdAt: '2026-03-01T00:00:00.000Z',
        expiresAt,
        lastSeenAt: '2026-03-01T00:00:00.000Z',
        clientAddress: null,
        userAgent: null,
      });
      await store.sessions.insert(session('expired', '2026-03-02T00:59:59.000Z'));
      await store.sessions.insert(session('live', '2026-03-02T02:00:00.000Z'));
      await store.loginThrottle.put('user:old', {
        failures: 2,
        windowStartedAt: '2026-03-01T00:00:00.000Z',
        lockedUntil: null,
      });
      await store.loginThrottle.put('user:locked', {
        failures: 0,
        windowStartedAt: '2026-03-01T00:00:00.000Z',
        lockedUntil: '2026-03-02T01:10:00.000Z',
      });
      await store.loginThrottle.put('user:recent', {
        failures: 1,
        windowStartedAt: '2026-03-02T00:55:00.000Z',
        lockedUntil: null,
      });

      expect(await purgeExpiredRecords(runtime.deps)).toEqual({ sessions: 1, throttleEntries: 1 });
      expect(await store.sessions.findPrincipal('live')).toBeDefined();
      expect(await store.sessions.findPrincipal('expired')).toBeUndefined();
      expect(await store.loginThrottle.get('user:old')).toBeUndefined();
      expect(await store.loginThrottle.get('user:locked')).toBeDefined();
      expect(await store.loginThrottle.get('user:recent')).toBeDefined();
    } finally {
      await runtime.close();
    }
  });
});
