import { z } from 'zod';
import { listAuditEvents } from '../../app/audit/list-audit-events.js';
import { verifyAuditTrail } from '../../app/audit/verify-audit-trail.js';
import { listJobs } from '../../app/jobs/list-jobs.js';
import { retryJob } from '../../app/jobs/retry-job.js';
import type { JobRecord, StoredAuditEvent } from '../../app/ports.js';
import { actorOf } from '../auth.js';
import { AuditEvent, Id, Job, JobStatus, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const toAuditEventBody = (event: StoredAuditEvent & { actorUsername: string | null }) => ({
  seq: event.seq,
  occurredAt: event.occurredAt,
  type: event.type,
  actor: {
    kind: event.actorKind,
    userId: event.actorUserId,
    username: event.actorUsername,
    orgId: event.actorOrgId,
    label: event.actorLabel,
  },
  subjectType: event.subjectType,
  subjectId: event.subjectId,
  data: event.data,
  prevHash: event.prevHash,
  hash: event.hash,
});

const toJobBody = ({
  payload: _payload,
  lockedBy: _lockedBy,
  lockedUntil: _lockedUntil,
  ...job
}: JobRecord) => job;

/** The audit trail and background jobs, for the customs administration. */
export function adminRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/audit-events',
    {
      schema: {
        operationId: 'listAuditEvents',
        summary: 'The audit trail, newest first',
        tags: ['audit'],
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.coerce.number().int().min(1).optional(),
        }),
        response: {
          200: z.object({ items: z.array(AuditEvent), nextBefore: z.number().int().nullable() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const page = await listAuditEvents(deps, actorOf(request), {
        limit: request.query.limit,
        beforeSeq: request.query.before,
      });
      return { items: page.items.map(toAuditEventBody), nextBefore: page.nextBefore };
    },
  );

  app.post(
    '/api/audit-events/verify',
    {
      schema: {
        operationId: 'verifyAuditTrail',
        summary: 'Recompute the hash chain of the whole audit trail',
        tags: ['audit'],
        response: {
          200: z.object({
            intact: z.boolean(),
            checked: z.number().int(),
            problems: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => verifyAuditTrail(deps, actorOf(request)),
  );

  app.get(
    '/api/jobs',
    {
      schema: {
        operationId: 'listJobs',
        summary: 'Background jobs, most recently changed first',
        tags: ['jobs'],
        querystring: z.strictObject({
          status: JobStatus.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(Job) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: (await listJobs(deps, actorOf(request), request.query)).map(toJobBody) }),
  );

  app.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        operationId: 'retryJob',
        summary: 'Queue a failed job again',
        tags: ['jobs'],
        params: z.strictObject({ id: Id }),
        response: { 200: Job, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => toJobBody(await retryJob(deps, actorOf(request), request.params.id)),
  );
}
