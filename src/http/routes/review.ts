import { z } from 'zod';
import { approveApplication } from '../../app/review/approve-application.js';
import { claimApplication } from '../../app/review/claim-application.js';
import { listReviewQueue } from '../../app/review/list-review-queue.js';
import { listReturnReasons } from '../../app/review/list-return-reasons.js';
import { rejectApplication } from '../../app/review/reject-application.js';
import { returnApplication } from '../../app/review/return-application.js';
import { APPLICATION_STATUSES } from '../../app/ports.js';
import { actorOf } from '../auth.js';
import { Id, errorResponses } from '../schemas.js';
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
    warnings: z.number().int(),
  })
  .meta({ id: 'QueueItem' });
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
          flaggedOnly: z.enum(['true', 'false']).optional(),
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
}
