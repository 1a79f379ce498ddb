import { z } from 'zod';
import { approveApplication } from '../../app/review/approve-application.js';
import { assignApplication } from '../../app/review/assign-application.js';
import { listOfficeOfficers } from '../../app/review/list-office-officers.js';
import { claimApplication } from '../../app/review/claim-application.js';
import { listReviewQueue } from '../../app/review/list-review-queue.js';
import { listReturnReasons } from '../../app/review/list-return-reasons.js';
import { rejectApplication } from '../../app/review/reject-application.js';
import { returnApplication } from '../../app/review/return-application.js';
import { APPLICATION_KINDS, APPLICATION_STATUSES } from '../../app/ports.js';
import { withdrawApplication } from '../../app/applications/withdraw-application.js';
import { CANCELLATION_CATEGORIES, cancelCertificate } from '../../app/review/cancel-certificate.js';
import {
  applicationTimeline,
  certificateQueryCsv,
  queryCertificates,
} from '../../app/review/query-certificates.js';
import { requestReplacement } from '../../app/review/request-replacement.js';
import { getReviewStatistics } from '../../app/review/review-statistics.js';
import { listAutoApproval, setAutoApproval } from '../../app/review/set-auto-approval.js';
import { actorOf } from '../auth.js';
import { Day, Id, errorResponses } from '../schemas.js';
import { Application } from './applications.js';
import type { Api, RouteContext } from './types.js';

const QueueItem = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    officeId: z.string(),
    typeCode: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    version: z.number().int(),
    destinationCountry: z.string(),
    invoiceNumbers: z.array(z.string()),
    itemCount: z.number().int(),
    submittedAt: z.string(),
    ageHours: z.number().int(),
    reviewerId: z.string().nullable(),
    checksFailed: z.number().int(),
    warnings: z.number().int(),
  })
  .meta({ id: 'QueueItem' });
const CertificateRow = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    enterpriseId: z.string(),
    typeCode: z.string(),
    kind: z.enum(APPLICATION_KINDS),
    status: z.enum(APPLICATION_STATUSES),
    certificateNumber: z.string().nullable(),
    destinationCountry: z.string(),
    consigneeName: z.string(),
    invoiceNumbers: z.array(z.string()),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    replacedById: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CertificateQueryRow' });
const Version = z.number().int().min(1).describe('The version the officer read (optimistic locking)');
const Reasons = z.array(z.string().max(60)).max(20);
const Note = z.string().max(2000);

/** The officer console: the queue, claiming, and the decisions. */
export function reviewRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/review/queue',
    {
      schema: {
        operationId: 'listReviewQueue',
        summary: 'The review queue of the caller’s offices, oldest submission first',
        tags: ['review'],
        querystring: z.strictObject({
          officeId: Id.optional(),
          typeCode: z.string().max(4).optional(),
          enterpriseId: Id.optional(),
          minAgeHours: z.coerce.number().int().min(0).max(100_000).optional(),
          flaggedOnly: z
            .enum(['true', 'false'])
            .optional()
            .describe('Only applications with a failed automated check'),
          mine: z.enum(['true', 'false']).optional(),
          afterSubmittedAt: z.string().max(40).optional(),
          afterId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(QueueItem),
            next: z.object({ submittedAt: z.string(), id: z.string() }).nullable(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const { afterSubmittedAt, afterId, flaggedOnly, mine, ...query } = request.query;
      return listReviewQueue(deps, actorOf(request), {
        ...query,
        flaggedOnly: flaggedOnly === 'true',
        mine: mine === 'true',
        after: afterSubmittedAt && afterId ? { submittedAt: afterSubmittedAt, id: afterId } : undefined,
      });
    },
  );

  app.get(
    '/api/review/return-reasons',
    {
      schema: {
        operationId: 'listReturnReasons',
        summary: 'The catalogue of return reasons (data/review/return-reasons.json)',
        tags: ['review'],
        response: {
          200: z.object({ items: z.array(z.object({ code: z.string(), en: z.string(), zh: z.string() })) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({ items: [...listReturnReasons(deps, actorOf(request))] }),
  );

  app.post(
    '/api/applications/:id/claim',
    {
      schema: {
        operationId: 'claimApplication',
        summary: 'Take an application from the queue; only the claiming officer decides it',
        tags: ['review'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: Version }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => claimApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.get(
    '/api/offices/:id/officers',
    {
      schema: {
        operationId: 'listOfficeOfficers',
        summary: 'The officers of an office (for its officers, to assign applications)',
        tags: ['review'],
        params: z.strictObject({ id: Id }),
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({ items: await listOfficeOfficers(deps, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/applications/:id/assign',
    {
      schema: {
        operationId: 'assignApplication',
        summary: 'Hand an application to an officer of its office (claimed for them, or changing hands)',
        tags: ['review'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: Version, officerId: Id }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => assignApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/applications/:id/approve',
    {
      schema: {
        operationId: 'approveApplication',
        summary: 'Approve a claimed application: the certificate is numbered',
        tags: ['review'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: Version, note: Note.optional() }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => approveApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/applications/:id/return',
    {
      schema: {
        operationId: 'returnApplication',
        summary: 'Send a claimed application back: the boxes at fault, catalogue reasons and a note',
        tags: ['review'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({
          expectedVersion: Version,
          boxes: z.array(z.string().max(3)).max(20),
          reasons: Reasons,
          note: Note.default(''),
        }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => returnApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/applications/:id/reject',
    {
      schema: {
        operationId: 'rejectApplication',
        summary: 'Refuse a claimed application, with reasons and a note',
        tags: ['review'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: Version, reasons: Reasons, note: Note }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => rejectApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawApplication',
        summary: 'Take an application back before review (or give up a returned one)',
        tags: ['applications'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: Version }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withdrawApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  for (const kind of ['amendment', 'reissue'] as const) {
    app.post(
      `/api/certificates/:id/${kind}`,
      {
        schema: {
          operationId: kind === 'amendment' ? 'requestAmendment' : 'requestReissue',
          summary:
            kind === 'amendment'
              ? 'Ask to amend an issued certificate: a new application with the corrected boxes, reviewed like any other'
              : 'Ask for a certified true copy of a lost certificate: a new application with the same boxes',
          tags: ['certificates'],
          params: z.strictObject({ id: Id }),
          body:
            kind === 'amendment'
              ? z.strictObject({ reason: z.string().max(2000), data: z.unknown().optional() })
              : z.strictObject({ reason: z.string().max(2000) }),
          response: { 201: Application, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = request.body as { reason: string; data?: unknown };
        const replacement = await requestReplacement(deps, actor, {
          certificateId: request.params.id,
          kind,
          reason: body.reason,
          ...(body.data === undefined ? {} : { data: body.data }),
          channel: actor.kind === 'apiKey' ? 'api' : 'portal',
        });
        return reply.status(201).send(replacement);
      },
    );
  }

  app.post(
    '/api/certificates/:id/cancel',
    {
      schema: {
        operationId: 'cancelCertificate',
        summary: 'Cancel an issued certificate (officers of its office), with a category and the reason',
        tags: ['certificates'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({
          expectedVersion: Version,
          category: z.enum(CANCELLATION_CATEGORIES),
          note: Note,
        }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelCertificate(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  const queryString = z.strictObject({
    certificateNumber: z.string().max(40).optional(),
    status: z.union([z.enum(APPLICATION_STATUSES), z.array(z.enum(APPLICATION_STATUSES))]).optional(),
    typeCode: z.string().max(4).optional(),
    destinationCountry: z.string().max(2).optional(),
    invoiceNumber: z.string().max(80).optional(),
    from: Day.optional(),
    until: Day.optional(),
    beforeCreatedAt: z.string().max(40).optional(),
    beforeId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });
  const toQuery = ({ status, beforeCreatedAt, beforeId, ...rest }: z.infer<typeof queryString>) => ({
    ...rest,
    statuses: status === undefined ? undefined : Array.isArray(status) ? status : [status],
    before: beforeCreatedAt && beforeId ? { createdAt: beforeCreatedAt, id: beforeId } : undefined,
  });

  app.get(
    '/api/certificates',
    {
      schema: {
        operationId: 'queryCertificates',
        summary: 'Certificate Query: own applications and certificates, filtered, newest application first',
        tags: ['certificates'],
        querystring: queryString,
        response: {
          200: z.object({
            items: z.array(CertificateRow),
            next: z.object({ createdAt: z.string(), id: z.string() }).nullable(),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => queryCertificates(deps, actorOf(request), toQuery(request.query)),
  );

  app.get(
    '/api/certificates/export.csv',
    {
      schema: {
        operationId: 'exportCertificates',
        summary: 'Certificate Query as CSV (up to 10,000 rows)',
        tags: ['certificates'],
        querystring: queryString.omit({ limit: true, beforeCreatedAt: true, beforeId: true }),
      },
    },
    async (request, reply) => {
      const { items } = await queryCertificates(deps, actorOf(request), {
        ...toQuery({ ...request.query, limit: 10_000 }),
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="certificates.csv"')
        .send(certificateQueryCsv(items));
    },
  );

  app.get(
    '/api/applications/:id/timeline',
    {
      schema: {
        operationId: 'getApplicationTimeline',
        summary: 'Every recorded step of an application, oldest first',
        tags: ['certificates'],
        params: z.strictObject({ id: Id }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number().int(),
                at: z.string(),
                type: z.string(),
                actor: z.string(),
                data: z.unknown(),
              }),
            ),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => ({ items: await applicationTimeline(deps, actorOf(request), request.params.id) }),
  );

  const AutoApproval = z.object({
    typeCode: z.string(),
    autoApprove: z.boolean(),
    updatedBy: z.string(),
    updatedAt: z.string(),
  });

  app.get(
    '/api/offices/:id/auto-approval',
    {
      schema: {
        operationId: 'listAutoApproval',
        summary: 'Which certificate types the office approves automatically when every check passes',
        tags: ['review'],
        params: z.strictObject({ id: Id }),
        response: { 200: z.object({ items: z.array(AutoApproval) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listAutoApproval(deps, actorOf(request), request.params.id) }),
  );

  app.put(
    '/api/offices/:id/auto-approval/:typeCode',
    {
      schema: {
        operationId: 'setAutoApproval',
        summary:
          'Switch automatic approval on or off for an office and certificate type (customs administration)',
        tags: ['review'],
        params: z.strictObject({ id: Id, typeCode: z.string().max(4) }),
        body: z.strictObject({ autoApprove: z.boolean() }),
        response: { 200: AutoApproval, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      setAutoApproval(deps, actorOf(request), {
        officeId: request.params.id,
        typeCode: request.params.typeCode,
        autoApprove: request.body.autoApprove,
      }),
  );

  app.get(
    '/api/review/statistics',
    {
      schema: {
        operationId: 'getReviewStatistics',
        summary: 'Issued per type and week, median time to decision, most common return reasons',
        tags: ['review'],
        querystring: z.strictObject({ officeId: Id.optional(), from: Day, until: Day }),
        response: {
          200: z.object({
            from: z.string(),
            until: z.string(),
            officeIds: z.array(z.string()),
            issuedPerWeek: z.array(
              z.object({ week: z.string(), typeCode: z.string(), count: z.number().int() }),
            ),
            medianHoursToDecision: z.number().nullable(),
            decisions: z.number().int(),
            returnReasons: z.array(z.object({ code: z.string(), count: z.number().int() })),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => getReviewStatistics(deps, actorOf(request), request.query),
  );
}
