import type { Kysely, Transaction } from 'kysely';
import type { DirectReads } from './direct-reads.js';
import { insertRow, prepared, preparedWrite, updateRows } from './prepared-query.js';
import { preReviews } from './pre-reviews.js';
import { verificationCases } from './verification-cases.js';
import { printing } from './printing.js';
import { officeSeals } from './office-seals.js';
import { notifications } from './notifications.js';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import type { AuditEventInput } from '../../domain/audit.js';
import { hashAuditEvent } from '../../domain/audit.js';
import type { OrganisationKind, Role } from '../../domain/roles.js';
import { ROLES } from '../../domain/roles.js';
import type { EnterpriseProfileData, FieldChange, SyncStatus } from '../../domain/enterprise-profile.js';
import type { AgentAuthorisation } from '../../domain/agent-authorisation.js';
import { applicationDataSchema } from '../../domain/application.js';
import type { Finding } from '../../domain/certificate-rules.js';
import type { SupportingDocumentKind } from '../../domain/certificate-types.js';
import type { CheckResult } from '../../domain/automated-checks.js';
import type { DecisionRow } from '../../domain/review-statistics.js';
import type {
  ApplicationChannel,
  ApplicationRecord,
  ApplicationRepository,
  ApplicationStatus,
  ReviewDecisionRecord,
  EvidenceRequestRecord,
  EvidenceRequestRepository,
  RuleTableRecord,
  RuleTableRepository,
  ReceiptRecord,
  ReceiptRepository,
  WebhookRecord,
  AgentAuthorisationRepository,
  SealRecord,
  SealRepository,
  ApiKeyRecord,
  EnterpriseProfileRepository,
  EnterpriseProfileState,
  ApiKeyRepository,
  AuditLog,
  JobRecord,
  JobRepository,
  JobStatus,
  LoginThrottleRepository,
  OrganisationRecord,
  OrganisationRepository,
  IssuedCertificateRecord,
  Repositories,
  SessionRepository,
  Store,
  StoredAuditEvent,
  UserRecord,
  UserRepository,
  UserStatus,
} from '../../app/ports.js';
import { pingDatabase } from './connection.js';
import { certificateSignatures, signingKeys } from './signing-repositories.js';
import type { Database, JobsTable, OrganisationsTable, UsersTable } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;
type Dialect = 'sqlite' | 'postgres';

// JSON columns are checked on the way out, like any other boundary. Role lists repeat, so each distinct
// text is parsed once.
const rolesColumn = z.array(z.enum(ROLES));
const parsedRoles = new Map<string, Role[]>();
const parseRoles = (text: string): Role[] => {
  let roles = parsedRoles.get(text);
  if (!roles) {
    roles = rolesColumn.parse(JSON.parse(text));
    if (parsedRoles.size < 1000) parsedRoles.set(text, roles);
  }
  return [...roles];
};

function toOrganisation(row: OrganisationsTable): OrganisationRecord {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    parentId: row.parent_id,
    code: row.code,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    createdAt: row.created_at,
  };
}

function toUser(row: UsersTable): UserRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: parseRoles(row.roles),
    status: row.status as UserStatus,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
  };
}

function toJob(row: JobsTable): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedUntil: row.locked_until,
    lockedBy: row.locked_by,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const organisationById = (db: Executor) => db.selectFrom('organisations').selectAll().where('id', '=', '');

function organisations(db: Executor, direct: DirectReads | undefined): OrganisationRepository {
  const byId = prepared(db, direct, organisationById);
  return {
    async insert(organisation) {
      await db
        .insertInto('organisations')
        .values({
          id: organisation.id,
          kind: organisation.kind,
          parent_id: organisation.parentId,
          code: organisation.code,
          name_en: organisation.nameEn,
          name_zh: organisation.nameZh,
          created_at: organisation.createdAt,
        })
        .execute();
    },
    async findById(id) {
      const [row] = await byId(id);
      return row && toOrganisation(row);
    },
    async updateIdentity(id, identity) {
      await db
        .updateTable('organisations')
        .set({
          code: identity.code,
          name_en: identity.nameEn,
          name_zh: identity.nameZh,
          parent_id: identity.parentId,
        })
        .where('id', '=', id)
        .execute();
    },
    async findByCode(code) {
      const row = await db
        .selectFrom('organisations')
        .selectAll()
        .where('code', '=', code)
        .executeTakeFirst();
      return row && toOrganisation(row);
    },
    async list(filter) {
      let query = db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name_en');
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (filter.ids || filter.parentIds) {
        const ids = filter.ids ?? [];
        const parentIds = filter.parentIds ?? [];
        if (ids.length === 0 && parentIds.length === 0) return [];
        query = query.where((eb) =>
          eb.or([
            ...(ids.length ? [eb('id', 'in', ids)] : []),
            ...(parentIds.length ? [eb('parent_id', 'in', parentIds)] : []),
          ]),
        );
      }
      return (await query.execute()).map(toOrganisation);
    },
    async count() {
      const row = await db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

const officeMembershipsOfUser = (db: Executor) =>
  db.selectFrom('office_memberships').select('office_id').where('user_id', '=', '').orderBy('office_id');

function users(db: Executor, direct: DirectReads | undefined): UserRepository {
  const memberships = prepared(db, direct, officeMembershipsOfUser);
  const officeIdsOf = async (userId: string) => (await memberships(userId)).map((row) => row.office_id);
  return {
    async insert(user, officeIds) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          org_id: user.orgId,
          username: user.username,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          roles: JSON.stringify(user.roles),
          status: user.status,
          must_change_password: user.mustChangePassword ? 1 : 0,
          created_at: user.createdAt,
          updated_at: user.updatedAt,
          password_changed_at: user.passwordChangedAt,
        })
        .execute();
      if (officeIds.length > 0) {
        await db
          .insertInto('office_memberships')
          .values(officeIds.map((officeId) => ({ user_id: user.id, office_id: officeId })))
          .execute();
      }
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async findByIds(ids) {
      if (ids.length === 0) return [];
      return (await db.selectFrom('users').selectAll().where('id', 'in', ids).execute()).map(toUser);
    },
    async findByUsername(username) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row && toUser(row);
    },
    async listByOrganisation(orgId) {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('username')
        .execute();
      const memberships = rows.length
        ? await db
            .selectFrom('office_memberships')
            .selectAll()
            .where(
              'user_id',
              'in',
              rows.map((row) => row.id),
            )
            .execute()
        : [];
      return rows.map((row) => ({
        ...toUser(row),
        officeIds: memberships
          .filter((membership) => membership.user_id === row.id)
          .map((membership) => membership.office_id)
          .sort(),
      }));
    },
    officeIdsOf,
    async listOfficeMembers(officeId) {
      const rows = await db
        .selectFrom('users')
        .innerJoin('office_memberships', 'office_memberships.user_id', 'users.id')
        .selectAll('users')
        .where('office_memberships.office_id', '=', officeId)
        .where('users.status', '=', 'active')
        .orderBy('users.display_name')
        .execute();
      return rows.map(toUser);
    },
    async updatePassword(id, passwordHash, at) {
      await db
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          password_changed_at: at,
          updated_at: at,
          must_change_password: 0,
        })
        .where('id', '=', id)
        .execute();
    },
    async updateStatus(id, status, at) {
      await db.updateTable('users').set({ status, updated_at: at }).where('id', '=', id).execute();
    },
  };
}

/** One round trip for the common case: session, user and organisation joined. */
const principalBySessionId = (db: Executor) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select([
      's.id as s_id',
      's.csrf_token',
      's.created_at as s_created_at',
      's.expires_at',
      's.last_seen_at',
      's.client_address',
      's.user_agent',
      'u.id',
      'u.org_id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.status',
      'u.must_change_password',
      'u.created_at',
      'u.updated_at',
      'u.password_changed_at',
      'o.kind as o_kind',
      'o.parent_id as o_parent_id',
      'o.code as o_code',
      'o.name_en as o_name_en',
      'o.name_zh as o_name_zh',
      'o.created_at as o_created_at',
    ])
    .where('s.id', '=', '');

function sessions(db: Executor, direct: DirectReads | undefined): SessionRepository {
  const officeIdsOf = users(db, direct).officeIdsOf;
  const principalById = prepared(db, direct, principalBySessionId);
  return {
    async insert(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
          client_address: session.clientAddress,
          user_agent: session.userAgent,
        })
        .execute();
    },
    async findPrincipal(id) {
      const [row] = await principalById(id);
      if (!row) return undefined;
      const { passwordHash: _unread, ...user } = toUser({ ...row, password_hash: '' });
      const officeIds = user.roles.includes('customs_officer') ? await officeIdsOf(user.id) : [];
      return {
        session: {
          id: row.s_id,
          userId: row.id,
          csrfToken: row.csrf_token,
          createdAt: row.s_created_at,
          expiresAt: row.expires_at,
          lastSeenAt: row.last_seen_at,
          clientAddress: row.client_address,
          userAgent: row.user_agent,
        },
        user,
        organisation: toOrganisation({
          id: row.org_id,
          kind: row.o_kind,
          parent_id: row.o_parent_id,
          code: row.o_code,
          name_en: row.o_name_en,
          name_zh: row.o_name_zh,
          created_at: row.o_created_at,
        }),
        officeIds,
      };
    },
    async touch(id, lastSeenAt) {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId, exceptId) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) query = query.where('id', '!=', exceptId);
      await query.execute();
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toApiKey(row: Database['api_keys']): ApiKeyRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    prefix: row.prefix,
    secretHash: row.secret_hash,
    roles: parseRoles(row.roles),
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

function apiKeys(db: Executor): ApiKeyRepository {
  return {
    async insert(apiKey) {
      await db
        .insertInto('api_keys')
        .values({
          id: apiKey.id,
          org_id: apiKey.orgId,
          name: apiKey.name,
          prefix: apiKey.prefix,
          secret_hash: apiKey.secretHash,
          roles: JSON.stringify(apiKey.roles),
          created_by_user_id: apiKey.createdByUserId,
          created_at: apiKey.createdAt,
          revoked_at: apiKey.revokedAt,
          last_used_at: apiKey.lastUsedAt,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toApiKey(row);
    },
    async findByPrefix(prefix) {
      const row = await db
        .selectFrom('api_keys as k')
        .innerJoin('organisations as o', 'o.id', 'k.org_id')
        .selectAll('k')
        .select('o.kind as org_kind')
        .where('k.prefix', '=', prefix)
        .executeTakeFirst();
      return row && { ...toApiKey(row), orgKind: row.org_kind as OrganisationKind };
    },
    async listByOrganisation(orgId) {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toApiKey);
    },
    async revoke(id, at) {
      await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
    },
    async touch(id, at) {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

function loginThrottle(db: Executor): LoginThrottleRepository {
  return {
    async get(key) {
      const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      return (
        row && {
          failures: row.failures,
          windowStartedAt: row.window_started_at,
          lockedUntil: row.locked_until,
        }
      );
    },
    async put(key, state) {
      const values = {
        failures: state.failures,
        window_started_at: state.windowStartedAt,
        locked_until: state.lockedUntil,
      };
      await db
        .insertInto('login_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    },
    async clear(key) {
      await db.deleteFrom('login_throttle').where('key', '=', key).execute();
    },
    async deleteStale(windowStartedBefore, now) {
      const result = await db
        .deleteFrom('login_throttle')
        .where('window_started_at', '<', windowStartedBefore)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toAuditEvent(row: Database['audit_events']): StoredAuditEvent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorUserId: row.actor_user_id,
    actorOrgId: row.actor_org_id,
    actorLabel: row.actor_label,
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: JSON.parse(row.data) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const auditHead = (db: Executor) => db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
/** Locking the head row orders concurrent appenders on PostgreSQL; SQLite has one writer anyway. */
const auditHeadLocked = (db: Executor) => auditHead(db).forUpdate();
const moveAuditHead = (db: Executor) =>
  db.updateTable('audit_head').set({ seq: 0, hash: '' }).where('id', '=', 1);

function auditLog(db: Executor, dialect: Dialect, inTransaction: boolean): AuditLog {
  const readHead = prepared(db, undefined, dialect === 'postgres' ? auditHeadLocked : auditHead);
  return {
    async append(actor: Actor, occurredAt: string, event: AuditEventInput) {
      if (!inTransaction) throw new Error('audit events are appended inside the transaction of their change');
      const [head] = await readHead(1);
      if (!head) throw new Error('the audit head row is missing');
      const fields = {
        seq: Number(head.seq) + 1,
        occurredAt,
        actorKind: actor.kind,
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorOrgId: actor.kind === 'system' ? null : actor.orgId,
        actorLabel: actorLabel(actor),
        type: event.type,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        data: event.data as unknown,
        prevHash: head.hash,
      };
      const hash = hashAuditEvent(fields);
      const row = {
        seq: fields.seq,
        occurred_at: fields.occurredAt,
        actor_kind: fields.actorKind,
        actor_user_id: fields.actorUserId,
        actor_org_id: fields.actorOrgId,
        actor_label: fields.actorLabel,
        type: fields.type,
        subject_type: fields.subjectType,
        subject_id: fields.subjectId,
        data: JSON.stringify(fields.data),
        prev_hash: fields.prevHash,
        hash,
      };
      if (dialect === 'postgres') {
        // One round trip instead of two while the head row is locked: the lock is what concurrent
        // writers queue on, so every statement held under it costs all of them.
        await db
          .with('appended', (db) => db.insertInto('audit_events').values(row))
          .updateTable('audit_head')
          .set({ seq: fields.seq, hash })
          .where('id', '=', 1)
          .execute();
      } else {
        await insertRow(db, 'audit_events', row);
        await preparedWrite(db, moveAuditHead, [fields.seq, hash, 1]);
      }
      return { ...fields, hash };
    },
    async readForward(afterSeq, limit) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toAuditEvent);
    },
    async listNewestFirst(filter) {
      let query = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(filter.limit);
      if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
      return (await query.execute()).map(toAuditEvent);
    },
    async listForSubject(subjectType, subjectId) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('subject_type', '=', subjectType)
        .where('subject_id', '=', subjectId)
        .orderBy('seq')
        .execute();
      return rows.map(toAuditEvent);
    },
    async head() {
      const head = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { seq: Number(head.seq), hash: head.hash };
    },
  };
}

function jobs(db: Executor, dialect: Dialect): JobRepository {
  return {
    async enqueue(job) {
      await db
        .insertInto('jobs')
        .values({
          id: job.id,
          kind: job.kind,
          payload: JSON.stringify(job.payload ?? null),
          status: 'queued',
          attempts: 0,
          max_attempts: job.maxAttempts,
          run_at: job.runAt,
          locked_until: null,
          locked_by: null,
          last_error: null,
          created_at: job.createdAt,
          updated_at: job.createdAt,
        })
        .execute();
    },
    async claimDue(now, workerId, limit, leaseUntil) {
      // Due: queued and its time has come, or running with a lease that expired (its worker died).
      const due = db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
          ]),
        )
        .orderBy('run_at')
        .limit(limit);
      const lockedDue = dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      const rows = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_by: workerId,
          locked_until: leaseUntil,
          updated_at: now,
        }))
        .where('id', 'in', lockedDue)
        .returningAll()
        .execute();
      return rows.map(toJob).sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : 0));
    },
    async markSucceeded(id, at) {
      await db
        .updateTable('jobs')
        .set({ status: 'succeeded', locked_by: null, locked_until: null, last_error: null, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async markFailed(id, at, error, retryAt) {
      await db
        .updateTable('jobs')
        .set({
          status: retryAt ? 'queued' : 'failed',
          run_at: retryAt ?? at,
          locked_by: null,
          locked_until: null,
          last_error: error,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    },
    async list(filter) {
      let query = db.selectFrom('jobs').selectAll().orderBy('updated_at', 'desc').limit(filter.limit);
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(toJob);
    },
    async requeue(id, at) {
      await db
        .updateTable('jobs')
        .set({
          status: 'queued',
          attempts: 0,
          run_at: at,
          locked_by: null,
          locked_until: null,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

function toProfileState(row: Database['enterprise_profiles']): EnterpriseProfileState {
  return {
    orgId: row.org_id,
    version: row.version,
    data: JSON.parse(row.data) as EnterpriseProfileData,
    syncStatus: row.sync_status as SyncStatus,
    syncedVersion: row.synced_version,
    syncError: row.sync_error,
    syncReceipt: row.sync_receipt,
    syncUpdatedAt: row.sync_updated_at,
    updatedAt: row.updated_at,
  };
}

function enterpriseProfiles(db: Executor): EnterpriseProfileRepository {
  return {
    async find(orgId) {
      const row = await db
        .selectFrom('enterprise_profiles')
        .selectAll()
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return row && toProfileState(row);
    },
    async saveVersion(state, version) {
      const values = {
        version: state.version,
        data: JSON.stringify(state.data),
        sync_status: state.syncStatus,
        synced_version: state.syncedVersion,
        sync_error: state.syncError,
        sync_receipt: state.syncReceipt,
        sync_updated_at: state.syncUpdatedAt,
        updated_at: state.updatedAt,
      };
      await db
        .insertInto('enterprise_profiles')
        .values({ org_id: state.orgId, ...values })
        .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
        .execute();
      await db
        .insertInto('enterprise_profile_versions')
        .values({
          org_id: version.orgId,
          version: version.version,
          data: JSON.stringify(version.data),
          changes: JSON.stringify(version.changes),
          changed_by_user_id: version.changedByUserId,
          changed_by_label: version.changedByLabel,
          changed_at: version.changedAt,
        })
        .execute();
    },
    async setSync(orgId, sync) {
      await db
        .updateTable('enterprise_profiles')
        .set({
          sync_status: sync.status,
          sync_error: sync.error,
          sync_updated_at: sync.at,
          ...(sync.syncedVersion !== undefined ? { synced_version: sync.syncedVersion } : {}),
          ...(sync.receipt !== undefined ? { sync_receipt: sync.receipt } : {}),
        })
        .where('org_id', '=', orgId)
        .execute();
    },
    async history(orgId) {
      const rows = await db
        .selectFrom('enterprise_profile_versions')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((row) => ({
        orgId: row.org_id,
        version: row.version,
        data: JSON.parse(row.data) as EnterpriseProfileData,
        changes: JSON.parse(row.changes) as FieldChange[],
        changedByUserId: row.changed_by_user_id,
        changedByLabel: row.changed_by_label,
        changedAt: row.changed_at,
      }));
    },
  };
}

const certificateTypesColumn = z.array(z.string());

function toAgentAuthorisation(row: Database['agent_authorisations']): AgentAuthorisation {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    agencyId: row.agency_id,
    certificateTypes: certificateTypesColumn.parse(JSON.parse(row.certificate_types)),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

function agentAuthorisations(db: Executor): AgentAuthorisationRepository {
  const list = async (filter: { enterpriseId?: string; agencyId?: string }) => {
    let query = db.selectFrom('agent_authorisations').selectAll().orderBy('created_at', 'desc').orderBy('id');
    if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
    if (filter.agencyId) query = query.where('agency_id', '=', filter.agencyId);
    return (await query.execute()).map(toAgentAuthorisation);
  };
  return {
    async insert(authorisation) {
      await db
        .insertInto('agent_authorisations')
        .values({
          id: authorisation.id,
          enterprise_id: authorisation.enterpriseId,
          agency_id: authorisation.agencyId,
          certificate_types: JSON.stringify(authorisation.certificateTypes),
          valid_from: authorisation.validFrom,
          valid_until: authorisation.validUntil,
          created_by_user_id: authorisation.createdByUserId,
          created_at: authorisation.createdAt,
          revoked_at: authorisation.revokedAt,
          revoked_by_user_id: null,
        })
        .execute();
    },
    async findById(id) {
      const row = await db
        .selectFrom('agent_authorisations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toAgentAuthorisation(row);
    },
    listByEnterprise: (enterpriseId) => list({ enterpriseId }),
    listByAgency: (agencyId) => list({ agencyId }),
    listBetween: (agencyId, enterpriseId) => list({ agencyId, enterpriseId }),
    async revoke(id, at, byUserId) {
      await db
        .updateTable('agent_authorisations')
        .set({ revoked_at: at, revoked_by_user_id: byUserId })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

function toSeal(row: Database['seals']): SealRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind as SealRecord['kind'],
    shape: row.shape as SealRecord['shape'],
    signatoryName: row.signatory_name,
    fileSha256: row.file_sha256,
    widthPx: row.width_px,
    heightPx: row.height_px,
    dpi: row.dpi,
    uploadedByUserId: row.uploaded_by_user_id,
    uploadedAt: row.uploaded_at,
  };
}

function seals(db: Executor): SealRepository {
  return {
    async recordFile(file) {
      await db
        .insertInto('stored_files')
        .values({
          sha256: file.sha256,
          size: file.size,
          content_type: file.contentType,
          created_at: file.createdAt,
        })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    },
    async insert(seal) {
      await db
        .insertInto('seals')
        .values({
          id: seal.id,
          org_id: seal.orgId,
          kind: seal.kind,
          shape: seal.shape,
          signatory_name: seal.signatoryName,
          file_sha256: seal.fileSha256,
          width_px: seal.widthPx,
          height_px: seal.heightPx,
          dpi: seal.dpi,
          uploaded_by_user_id: seal.uploadedByUserId,
          uploaded_at: seal.uploadedAt,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('seals').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSeal(row);
    },
    async listByOrganisation(orgId) {
      const rows = await db
        .selectFrom('seals')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('uploaded_at', 'desc')
        .execute();
      return rows.map(toSeal);
    },
    async authorise(authorisation) {
      await db
        .insertInto('seal_authorisations')
        .values({
          id: authorisation.id,
          org_id: authorisation.orgId,
          seal_id: authorisation.sealId,
          signature_id: authorisation.signatureId,
          authorised_by_user_id: authorisation.authorisedByUserId,
          authorised_at: authorisation.authorisedAt,
        })
        .execute();
    },
    async contentTypeOf(sha256) {
      const row = await db
        .selectFrom('stored_files')
        .select('content_type')
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      return row?.content_type;
    },
    async currentAuthorisation(orgId) {
      const row = await db
        .selectFrom('seal_authorisations')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('authorised_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          orgId: row.org_id,
          sealId: row.seal_id,
          signatureId: row.signature_id,
          authorisedByUserId: row.authorised_by_user_id,
          authorisedAt: row.authorised_at,
        }
      );
    },
  };
}

function toApplication(row: Database['applications']): ApplicationRecord {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    officeId: row.office_id,
    typeCode: row.type_code,
    status: row.status as ApplicationStatus,
    data: applicationDataSchema.parse(JSON.parse(row.data)),
    version: row.version,
    channel: row.channel as ApplicationChannel,
    agencyId: row.agency_id,
    createdBy: row.created_by,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    copiedFrom: row.copied_from,
    profileVersion: row.profile_version,
    findings: row.findings === null ? null : (JSON.parse(row.findings) as Finding[]),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    reviewerId: row.reviewer_id,
    certificateNumber: row.certificate_number,
    approvedAt: row.approved_at,
    automatic: row.automatic === null ? null : row.automatic === 1,
    kind: row.kind as ApplicationRecord['kind'],
    replacesId: row.replaces_id,
    replacedById: row.replaced_by_id,
    voidReason: row.void_reason,
    checks: row.checks === null ? null : (JSON.parse(row.checks) as CheckResult[]),
    firstSubmittedAt: row.first_submitted_at,
  };
}

function applicationRow(application: ApplicationRecord): Database['applications'] {
  return {
    id: application.id,
    enterprise_id: application.enterpriseId,
    office_id: application.officeId,
    type_code: application.typeCode,
    status: application.status,
    data: JSON.stringify(application.data),
    version: application.version,
    channel: application.channel,
    agency_id: application.agencyId,
    created_by: application.createdBy,
    idempotency_key: application.idempotencyKey,
    request_hash: application.requestHash,
    copied_from: application.copiedFrom,
    profile_version: application.profileVersion,
    findings: application.findings === null ? null : JSON.stringify(application.findings),
    // Kept in columns for the officers' queue and duplicate-invoice checks of the review issue.
    first_invoice: application.data.invoices[0]?.number ?? null,
    destination_country: application.data.destinationCountry || null,
    created_at: application.createdAt,
    updated_at: application.updatedAt,
    submitted_at: application.submittedAt,
    reviewer_id: application.reviewerId,
    certificate_number: application.certificateNumber,
    approved_at: application.approvedAt,
    automatic: application.automatic === null ? null : application.automatic ? 1 : 0,
    kind: application.kind,
    replaces_id: application.replacesId,
    replaced_by_id: application.replacedById,
    void_reason: application.voidReason,
    checks: application.checks === null ? null : JSON.stringify(application.checks),
    first_submitted_at: application.firstSubmittedAt,
  };
}

function toIssuedCertificate(row: IssuedRow): IssuedCertificateRecord {
  return {
    applicationId: row.id,
    certificateNumber: row.certificate_number ?? '',
    typeCode: row.type_code,
    status: row.status as ApplicationStatus,
    dataJson: row.data,
    replacedById: row.replaced_by_id,
    updatedAt: row.updated_at,
    voidReason: row.void_reason,
    jws: row.jws,
  };
}

type IssuedRow = Pick<
  Database['applications'],
  | 'id'
  | 'certificate_number'
  | 'type_code'
  | 'status'
  | 'data'
  | 'replaced_by_id'
  | 'updated_at'
  | 'void_reason'
> & { jws: string | null };

/**
 * The columns of `after` that differ from `before`. SQLite rewrites every index on a column named in an
 * UPDATE's SET, changed or not: an approval that set all columns rewrote nine index entries where four
 * change, and each rewritten index page is another page in the write-ahead log at commit.
 */
function changedColumns<Row extends object>(before: Row, after: Row): Partial<Row> {
  const changes: Partial<Row> = {};
  for (const column of Object.keys(after) as Array<keyof Row>) {
    if (after[column] !== before[column]) changes[column] = after[column];
  }
  return changes;
}

/** Public verification's read: the columns it needs and the signed payload, in one query. */
const issuedQuery = (db: Executor) =>
  db
    .selectFrom('applications as a')
    .leftJoin('certificate_signatures as cs', 'cs.certificate_number', 'a.certificate_number')
    .select([
      'a.id',
      'a.certificate_number',
      'a.type_code',
      'a.status',
      'a.data',
      'a.replaced_by_id',
      'a.updated_at',
      'a.void_reason',
      'cs.jws',
    ]);
const issuedByNumberQuery = (db: Executor) => issuedQuery(db).where('a.certificate_number', '=', '');
const applicationById = (db: Executor) => db.selectFrom('applications').selectAll().where('id', '=', '');
const decisionsOfApplication = (db: Executor) =>
  db
    .selectFrom('review_decisions')
    .selectAll()
    .where('application_id', '=', '')
    .orderBy('decided_at')
    .orderBy('id');
const documentsOfApplication = (db: Executor) =>
  db
    .selectFrom('supporting_documents')
    .selectAll()
    .where('application_id', '=', '')
    .orderBy('uploaded_at')
    .orderBy('id');
/** The next serial of an office's counter for a type and year, created at 1. */
const nextSerialQuery = (db: Executor) =>
  db
    .insertInto('certificate_serials')
    .values({ office_id: '', type_code: '', year: 0, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['office_id', 'type_code', 'year'])
        .doUpdateSet((eb) => ({ last_serial: eb('certificate_serials.last_serial', '+', 1) })),
    )
    .returning('last_serial');

function applications(db: Executor, direct?: DirectReads, inTransaction = false): ApplicationRepository {
  // Inside a transaction, the rows read by id: an update of a row read at the version it expects sets only
  // the columns that changed (every change bumps the version, so a row at a version never differs from
  // what was read at it).
  const readRows = inTransaction ? new Map<string, Database['applications']>() : undefined;
  const issuedByNumber = prepared(db, direct, issuedByNumberQuery);
  const byId = prepared(db, direct, applicationById);
  const decisions = prepared(db, direct, decisionsOfApplication);
  const documents = prepared(db, direct, documentsOfApplication);
  return {
    async findIssuedByCertificateNumbers(numbers) {
      if (numbers.length === 0) return [];
      const rows =
        numbers.length === 1
          ? await issuedByNumber(numbers[0])
          : await issuedQuery(db)
              .where('a.certificate_number', 'in', [...numbers])
              .execute();
      return rows.map(toIssuedCertificate);
    },
    async insert(application) {
      await db.insertInto('applications').values(applicationRow(application)).execute();
    },
    async findById(id) {
      const [row] = await byId(id);
      if (row) readRows?.set(id, row);
      return row && toApplication(row);
    },
    async findByCertificateNumbers(numbers) {
      if (numbers.length === 0) return [];
      const rows = await db
        .selectFrom('applications')
        .selectAll()
        .where('certificate_number', 'in', [...numbers])
        .execute();
      return rows.map(toApplication);
    },
    async findByIdempotencyKey(enterpriseId, key) {
      const row = await db
        .selectFrom('applications')
        .selectAll()
        .where('enterprise_id', '=', enterpriseId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return row && toApplication(row);
    },
    async update(application, expectedVersion) {
      const row = applicationRow(application);
      const { id: _id, created_at: _created, ...columns } = row;
      const before = readRows?.get(application.id);
      const changes = before?.version === expectedVersion ? changedColumns(before, columns) : columns;
      if (Object.keys(changes).length === 0) changes.version = columns.version; // nothing changed: still a write
      const updated =
        (await updateRows(db, 'applications', changes, { id: application.id, version: expectedVersion })) ===
        1;
      if (updated) readRows?.set(application.id, row);
      else readRows?.delete(application.id);
      return updated;
    },
    async list(filter) {
      let query = db.selectFrom('applications').selectAll();
      if (filter.enterpriseIds) {
        if (filter.enterpriseIds.length === 0) return [];
        query = query.where('enterprise_id', 'in', filter.enterpriseIds);
      }
      if (filter.agencyId) query = query.where('agency_id', '=', filter.agencyId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.statuses) {
        if (filter.statuses.length === 0) return [];
        query = query.where('status', 'in', filter.statuses);
      }
      if (filter.certificateNumber) {
        // A prefix as a range, so the unique index serves it whatever the database's collation.
        const prefix = filter.certificateNumber;
        const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
        query = query.where('certificate_number', '>=', prefix).where('certificate_number', '<', next);
      }
      if (filter.destinationCountry)
        query = query.where('destination_country', '=', filter.destinationCountry);
      if (filter.invoiceNumber) query = query.where('first_invoice', '=', filter.invoiceNumber);
      if (filter.createdFrom) query = query.where('created_at', '>=', filter.createdFrom);
      if (filter.createdUntil) query = query.where('created_at', '<', filter.createdUntil);
      const column = filter.order === 'created' ? 'created_at' : 'updated_at';
      const before = filter.before;
      if (before)
        query = query.where((eb) =>
          eb.or([eb(column, '<', before.at), eb.and([eb(column, '=', before.at), eb('id', '<', before.id)])]),
        );
      const rows = await query.orderBy(column, 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
      return rows.map(toApplication);
    },
    async insertDocument(document) {
      await db
        .insertInto('supporting_documents')
        .values({
          id: document.id,
          application_id: document.applicationId,
          kind: document.kind,
          file_sha256: document.fileSha256,
          file_name: document.fileName,
          content_type: document.contentType,
          size: document.size,
          uploaded_by: document.uploadedBy,
          uploaded_at: document.uploadedAt,
        })
        .execute();
    },
    async nextSerial(officeId, typeCode, year) {
      // The counter's key, the first serial (1) and the step (1).
      const rows = await preparedWrite(db, nextSerialQuery, [officeId, typeCode, year, 1, 1]);
      if (!rows[0]) throw new Error('the serial counter returned no row');
      return Number(rows[0].last_serial);
    },
    async insertDecision(decision) {
      await insertRow(db, 'review_decisions', {
        id: decision.id,
        application_id: decision.applicationId,
        action: decision.action,
        boxes: JSON.stringify(decision.boxes),
        reasons: JSON.stringify(decision.reasons),
        note: decision.note,
        decided_by: decision.decidedBy,
        automatic: decision.automatic ? 1 : 0,
        decided_at: decision.decidedAt,
      });
    },
    async listDecisions(applicationId) {
      const rows = await decisions(applicationId);
      return rows.map((row) => ({
        id: row.id,
        applicationId: row.application_id,
        action: row.action as ReviewDecisionRecord['action'],
        boxes: JSON.parse(row.boxes) as string[],
        reasons: JSON.parse(row.reasons) as string[],
        note: row.note,
        decidedBy: row.decided_by,
        automatic: row.automatic === 1,
        decidedAt: row.decided_at,
      }));
    },
    async queue(filter) {
      if (filter.officeIds.length === 0 || filter.statuses.length === 0) return [];
      let query = db
        .selectFrom('applications')
        .selectAll()
        .where('office_id', 'in', filter.officeIds)
        .where('status', 'in', filter.statuses);
      if (filter.typeCode) query = query.where('type_code', '=', filter.typeCode);
      if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
      if (filter.submittedBefore) query = query.where('submitted_at', '<=', filter.submittedBefore);
      if (filter.reviewerId) query = query.where('reviewer_id', '=', filter.reviewerId);
      // The checks are stored as JSON written by Origo itself, so a failed one reads exactly like this.
      if (filter.flaggedOnly) query = query.where('checks', 'like', '%"outcome":"fail"%');
      const after = filter.after;
      if (after)
        query = query.where((eb) =>
          eb.or([
            eb('submitted_at', '>', after.submittedAt),
            eb.and([eb('submitted_at', '=', after.submittedAt), eb('id', '>', after.id)]),
          ]),
        );
      const rows = await query.orderBy('submitted_at').orderBy('id').limit(filter.limit).execute();
      return rows.map(toApplication);
    },
    async statisticsRows(officeIds, from, until) {
      if (officeIds.length === 0) return { issued: [], decisions: [] };
      const issued = await db
        .selectFrom('applications')
        .select(['type_code', 'approved_at'])
        .where('office_id', 'in', officeIds)
        .where('approved_at', '>=', from)
        .where('approved_at', '<', until)
        .execute();
      const decisions = await db
        .selectFrom('review_decisions')
        .innerJoin('applications', 'applications.id', 'review_decisions.application_id')
        .select([
          'review_decisions.application_id',
          'review_decisions.action',
          'review_decisions.reasons',
          'review_decisions.decided_at',
          'applications.first_submitted_at',
        ])
        .where('applications.office_id', 'in', officeIds)
        .where('review_decisions.decided_at', '>=', from)
        .where('review_decisions.decided_at', '<', until)
        .execute();
      return {
        issued: issued.map((row) => ({ typeCode: row.type_code, approvedAt: row.approved_at! })),
        decisions: decisions.map((row) => ({
          applicationId: row.application_id,
          action: row.action as DecisionRow['action'],
          reasons: JSON.parse(row.reasons) as string[],
          decidedAt: row.decided_at,
          submittedAt: row.first_submitted_at,
        })),
      };
    },
    async findByInvoice(enterpriseId, invoiceNumber, statuses) {
      if (statuses.length === 0) return [];
      const rows = await db
        .selectFrom('applications')
        .selectAll()
        .where('enterprise_id', '=', enterpriseId)
        .where('first_invoice', '=', invoiceNumber)
        .where('status', 'in', statuses)
        .limit(20)
        .execute();
      return rows.map(toApplication);
    },
    async autoApproval(officeId, typeCode) {
      const row = await db
        .selectFrom('office_review_settings')
        .select('auto_approve')
        .where('office_id', '=', officeId)
        .where('type_code', '=', typeCode)
        .executeTakeFirst();
      return row?.auto_approve === 1;
    },
    async setAutoApproval(setting) {
      const values = {
        auto_approve: setting.autoApprove ? 1 : 0,
        updated_by: setting.updatedBy,
        updated_at: setting.updatedAt,
      };
      await db
        .insertInto('office_review_settings')
        .values({ office_id: setting.officeId, type_code: setting.typeCode, ...values })
        .onConflict((oc) => oc.columns(['office_id', 'type_code']).doUpdateSet(values))
        .execute();
    },
    async listAutoApproval(officeId) {
      const rows = await db
        .selectFrom('office_review_settings')
        .selectAll()
        .where('office_id', '=', officeId)
        .orderBy('type_code')
        .execute();
      return rows.map((row) => ({
        typeCode: row.type_code,
        autoApprove: row.auto_approve === 1,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      }));
    },
    async deleteDocument(applicationId, documentId) {
      const result = await db
        .deleteFrom('supporting_documents')
        .where('application_id', '=', applicationId)
        .where('id', '=', documentId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async listDocuments(applicationId) {
      const rows = await documents(applicationId);
      return rows.map((row) => ({
        id: row.id,
        applicationId: row.application_id,
        kind: row.kind as SupportingDocumentKind,
        fileSha256: row.file_sha256,
        fileName: row.file_name,
        contentType: row.content_type,
        size: row.size,
        uploadedBy: row.uploaded_by,
        uploadedAt: row.uploaded_at,
      }));
    },
  };
}

function toReceipt(row: Database['receipts']): ReceiptRecord {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    agencyId: row.agency_id,
    applicationId: row.application_id,
    status: row.status as ApplicationStatus,
    certificateNumber: row.certificate_number,
    message: JSON.parse(row.message) as ReceiptRecord['message'],
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

function toWebhook(row: Database['webhooks']): WebhookRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    url: row.url,
    secret: row.secret,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

const activeWebhooksOfOrganisation = (db: Executor) =>
  db.selectFrom('webhooks').selectAll().where('org_id', '=', '').where('revoked_at', 'is', null);

function receipts(db: Executor): ReceiptRepository {
  const activeWebhooksOfOne = prepared(db, undefined, activeWebhooksOfOrganisation);
  const ofOrganisation = (orgId: string) =>
    db
      .selectFrom('receipts')
      .where((eb) => eb.or([eb('enterprise_id', '=', orgId), eb('agency_id', '=', orgId)]));
  return {
    async insert(receipt) {
      await insertRow(db, 'receipts', {
        id: receipt.id,
        enterprise_id: receipt.enterpriseId,
        agency_id: receipt.agencyId,
        application_id: receipt.applicationId,
        status: receipt.status,
        certificate_number: receipt.certificateNumber,
        message: JSON.stringify(receipt.message),
        created_at: receipt.createdAt,
        read_at: receipt.readAt,
      });
    },
    async findById(id) {
      const row = await db.selectFrom('receipts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toReceipt(row);
    },
    async listFor(orgId, filter) {
      let query = ofOrganisation(orgId).selectAll();
      if (filter.unreadOnly) query = query.where('read_at', 'is', null);
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .execute();
      return rows.map(toReceipt);
    },
    async countUnread(orgId) {
      const row = await ofOrganisation(orgId)
        .where('read_at', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async markRead(id, at) {
      await db
        .updateTable('receipts')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .execute();
    },
    async insertWebhook(webhook) {
      await db
        .insertInto('webhooks')
        .values({
          id: webhook.id,
          org_id: webhook.orgId,
          url: webhook.url,
          secret: webhook.secret,
          created_at: webhook.createdAt,
          revoked_at: webhook.revokedAt,
        })
        .execute();
    },
    async findWebhook(id) {
      const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toWebhook(row);
    },
    async activeWebhooks(orgIds) {
      if (orgIds.length === 0) return [];
      // One owner (an enterprise without an agent) is every receipt's common case.
      const rows =
        orgIds.length === 1
          ? await activeWebhooksOfOne(orgIds[0])
          : await db
              .selectFrom('webhooks')
              .selectAll()
              .where('org_id', 'in', orgIds)
              .where('revoked_at', 'is', null)
              .execute();
      return rows.map(toWebhook);
    },
    async listWebhooks(orgId) {
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toWebhook);
    },
    async revokeWebhook(id, at) {
      await db
        .updateTable('webhooks')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async insertDelivery(delivery) {
      await db
        .insertInto('webhook_deliveries')
        .values({
          id: delivery.id,
          webhook_id: delivery.webhookId,
          receipt_id: delivery.receiptId,
          attempt: delivery.attempt,
          status_code: delivery.statusCode,
          error: delivery.error,
          duration_ms: delivery.durationMs,
          delivered_at: delivery.deliveredAt,
        })
        .execute();
    },
    async listDeliveries(webhookId, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('webhook_id', '=', webhookId)
        .orderBy('delivered_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        webhookId: row.webhook_id,
        receiptId: row.receipt_id,
        attempt: row.attempt,
        statusCode: row.status_code,
        error: row.error,
        durationMs: row.duration_ms,
        deliveredAt: row.delivered_at,
      }));
    },
  };
}

function toRuleTable(row: Database['rule_tables']): RuleTableRecord {
  return {
    id: row.id,
    agreement: row.agreement,
    version: row.version,
    sourceName: row.source_name,
    format: row.format as RuleTableRecord['format'],
    content: row.content,
    rowCount: row.row_count,
    status: row.status as RuleTableRecord['status'],
    diff: JSON.parse(row.diff) as RuleTableRecord['diff'],
    importedBy: row.imported_by,
    importedAt: row.imported_at,
    activatedBy: row.activated_by,
    activatedAt: row.activated_at,
  };
}

function ruleTables(db: Executor): RuleTableRepository {
  return {
    async insert(table) {
      await db
        .insertInto('rule_tables')
        .values({
          id: table.id,
          agreement: table.agreement,
          version: table.version,
          source_name: table.sourceName,
          format: table.format,
          content: table.content,
          row_count: table.rowCount,
          status: table.status,
          diff: JSON.stringify(table.diff),
          imported_by: table.importedBy,
          imported_at: table.importedAt,
          activated_by: table.activatedBy,
          activated_at: table.activatedAt,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('rule_tables').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRuleTable(row);
    },
    async active(agreement) {
      const row = await db
        .selectFrom('rule_tables')
        .selectAll()
        .where('agreement', '=', agreement)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return row && toRuleTable(row);
    },
    async latestVersion(agreement) {
      const row = await db
        .selectFrom('rule_tables')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('agreement', '=', agreement)
        .executeTakeFirst();
      return Number(row?.version ?? 0);
    },
    async list(agreement) {
      const rows = await db
        .selectFrom('rule_tables')
        .selectAll()
        .where('agreement', '=', agreement)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toRuleTable);
    },
    async setStatus(id, status, activated) {
      await db
        .updateTable('rule_tables')
        .set({
          status,
          ...(activated ? { activated_by: activated.by, activated_at: activated.at } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

function toEvidenceRequest(row: Database['evidence_requests']): EvidenceRequestRecord {
  return {
    id: row.id,
    subjectType: row.subject_type as EvidenceRequestRecord['subjectType'],
    subjectId: row.subject_id,
    enterpriseId: row.enterprise_id,
    agencyId: row.agency_id,
    officeId: row.office_id,
    questions: row.questions,
    evidenceWanted: JSON.parse(row.evidence_wanted) as SupportingDocumentKind[],
    deadline: row.deadline,
    status: row.status as EvidenceRequestRecord['status'],
    askedBy: row.asked_by,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    remindedAt: row.reminded_at,
    escalatedAt: row.escalated_at,
    extensionRequest:
      row.extension_request === null
        ? null
        : (JSON.parse(row.extension_request) as EvidenceRequestRecord['extensionRequest']),
  };
}

function evidenceRequests(db: Executor): EvidenceRequestRepository {
  return {
    async insert(request) {
      await db
        .insertInto('evidence_requests')
        .values({
          id: request.id,
          subject_type: request.subjectType,
          subject_id: request.subjectId,
          enterprise_id: request.enterpriseId,
          agency_id: request.agencyId,
          office_id: request.officeId,
          questions: request.questions,
          evidence_wanted: JSON.stringify(request.evidenceWanted),
          deadline: request.deadline,
          status: request.status,
          asked_by: request.askedBy,
          asked_at: request.askedAt,
          answer: request.answer,
          answered_by: request.answeredBy,
          answered_at: request.answeredAt,
          reminded_at: request.remindedAt,
          escalated_at: request.escalatedAt,
          extension_request:
            request.extensionRequest === null ? null : JSON.stringify(request.extensionRequest),
        })
        .execute();
    },
    async findById(id) {
      const row = await db
        .selectFrom('evidence_requests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toEvidenceRequest(row);
    },
    async list(filter) {
      let query = db.selectFrom('evidence_requests').selectAll();
      if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
      if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
      const agencyId = filter.agencyId;
      if (agencyId)
        // Its own applications' requests, and those of cases naming a certificate it applied for (a case's
        // request records only the agency of the case's first certificate).
        query = query.where((eb) =>
          eb.or([
            eb('agency_id', '=', agencyId),
            eb.and([
              eb('subject_type', '=', 'verification_case'),
              eb(
                'subject_id',
                'in',
                eb
                  .selectFrom('verification_case_certificates')
                  .innerJoin(
                    'applications',
                    'applications.id',
                    'verification_case_certificates.application_id',
                  )
                  .select('verification_case_certificates.case_id')
                  .where('applications.agency_id', '=', agencyId),
              ),
            ]),
          ]),
        );
      if (filter.officeIds) {
        if (filter.officeIds.length === 0) return [];
        query = query.where('office_id', 'in', filter.officeIds);
      }
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.escalated) query = query.where('escalated_at', 'is not', null);
      const rows = await query
        .orderBy('asked_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .execute();
      return rows.map(toEvidenceRequest);
    },
    async answer(id, answer) {
      const result = await db
        .updateTable('evidence_requests')
        .set({ status: 'answered', answer: answer.text, answered_by: answer.by, answered_at: answer.at })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async updateTracking(id, fields) {
      const set: Partial<Database['evidence_requests']> = {};
      if (fields.deadline !== undefined) set.deadline = fields.deadline;
      if (fields.remindedAt !== undefined) set.reminded_at = fields.remindedAt;
      if (fields.escalatedAt !== undefined) set.escalated_at = fields.escalatedAt;
      if (fields.extensionRequest !== undefined)
        set.extension_request =
          fields.extensionRequest === null ? null : JSON.stringify(fields.extensionRequest);
      if (Object.keys(set).length === 0) return;
      await db.updateTable('evidence_requests').set(set).where('id', '=', id).execute();
    },
    async insertDocument(document) {
      await db
        .insertInto('evidence_documents')
        .values({
          id: document.id,
          request_id: document.requestId,
          kind: document.kind,
          file_sha256: document.fileSha256,
          file_name: document.fileName,
          content_type: document.contentType,
          size: document.size,
          uploaded_by: document.uploadedBy,
          uploaded_at: document.uploadedAt,
        })
        .execute();
    },
    async listDocuments(requestId) {
      const rows = await db
        .selectFrom('evidence_documents')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('uploaded_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        requestId: row.request_id,
        kind: row.kind as SupportingDocumentKind,
        fileSha256: row.file_sha256,
        fileName: row.file_name,
        contentType: row.content_type,
        size: row.size,
        uploadedBy: row.uploaded_by,
        uploadedAt: row.uploaded_at,
      }));
    },
  };
}

function repositories(
  db: Executor,
  dialect: Dialect,
  inTransaction: boolean,
  directReads: DirectReads | undefined,
): Repositories {
  const direct = inTransaction ? undefined : directReads;
  return {
    notifications: notifications(db),
    applications: applications(db, direct, inTransaction),
    evidenceRequests: evidenceRequests(db),
    preReviews: preReviews(db),
    verificationCases: verificationCases(db),
    printing: printing(db, direct),
    ruleTables: ruleTables(db),
    receipts: receipts(db),
    agentAuthorisations: agentAuthorisations(db),
    seals: seals(db),
    officeSeals: officeSeals(db),
    enterpriseProfiles: enterpriseProfiles(db),
    organisations: organisations(db, direct),
    users: users(db, direct),
    sessions: sessions(db, direct),
    apiKeys: apiKeys(db),
    loginThrottle: loginThrottle(db),
    audit: auditLog(db, dialect, inTransaction),
    jobs: jobs(db, dialect),
    signingKeys: signingKeys(db, direct),
    certificateSignatures: certificateSignatures(db, direct),
  };
}

/**
 * The Store port over Kysely, for SQLite and PostgreSQL alike. `directReads` runs hot reads straight on
 * the raw SQLite handle behind `db` (DirectReads).
 */
export function createKyselyStore(db: Kysely<Database>, dialect: Dialect, directReads?: DirectReads): Store {
  return {
    ...repositories(db, dialect, false, directReads),
    transaction: (work) =>
      db.transaction().execute((trx) => work(repositories(trx, dialect, true, undefined))),
    ping: () => pingDatabase(db),
  };
}
