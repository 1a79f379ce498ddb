import { z } from 'zod';
import { decidePreReview } from '../../app/pre-review/decide-pre-review.js';
import { getPreReview, listPreReviews } from '../../app/pre-review/list-pre-reviews.js';
import { submitPreReview } from '../../app/pre-review/submit-pre-review.js';
import { withdrawPreReview } from '../../app/pre-review/withdraw-pre-review.js';
import { PRE_REVIEW_STATUSES, preReviewDecisionInputSchema } from '../../domain/pre-review.js';
import { actorOf } from '../auth.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const PreReviewResult = z.object({
  agreement: z.string(),
  conforms: z.boolean(),
  criterion: z.string(),
  engine: z.object({ status: z.enum(['MET', 'NOT_MET', 'UNKNOWN']), criterion: z.string() }),
  overridden: z.boolean(),
});

const PreReview = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    officeId: z.string(),
    status: z.enum(PRE_REVIEW_STATUSES),
    hsCode: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    model: z.string(),
    agreements: z.array(z.string()),
    bill: z.unknown().describe('The bill of materials as submitted (the evaluateOrigin format)'),
    evaluation: z
      .object({ rows: z.array(z.unknown()), determinations: z.array(z.unknown()) })
      .describe('The engine’s answer the decision stands on (as evaluateOrigin answers)'),
    evaluatedOn: z.string(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    decision: z
      .object({
        results: z.array(PreReviewResult),
        reason: z.string(),
        validFrom: z.string(),
        validUntil: z.string(),
        decidedBy: z.string(),
        decidedAt: z.string(),
      })
      .nullable(),
    version: z.number().int(),
    replyDue: z.string().describe('Customs replies by this day (two days after submission)'),
    inForce: z.boolean().describe('Decided and valid today'),
  })
  .meta({ id: 'PreReview' });

/** Product pre-review (advance origin verification): submit, queue, decide, withdraw. */
export function preReviewRoutes(app: Api, { deps }: RouteContext): void {
  app.post(
    '/api/pre-reviews',
    {
      schema: {
        operationId: 'submitPreReview',
        summary: 'Submit a product and its bill of materials for advance origin verification',
        description:
          'The bill is evaluated at once under each agreement (as evaluateOrigin does) and kept with the ' +
          'request; an officer of the enterprise’s office replies within two days.',
        tags: ['origin'],
        body: z.strictObject({
          enterpriseId: Id.optional().describe('The producing enterprise; the caller’s own by default'),
          bill: z.unknown(),
          agreements: z.array(z.string().max(20)).min(1).max(10),
        }),
        response: { 201: PreReview, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitPreReview(deps, actorOf(request), request.body)),
  );

  app.get(
    '/api/pre-reviews',
    {
      schema: {
        operationId: 'listPreReviews',
        summary: 'Pre-reviews the caller may see (officers: their offices’ queue, oldest first)',
        tags: ['origin'],
        querystring: z.strictObject({
          status: z.enum(PRE_REVIEW_STATUSES).optional(),
          usableFor: z
            .string()
            .max(20)
            .optional()
            .describe(
              'A certificate type: only those decided as conforming under its agreement and in force today',
            ),
        }),
        response: { 200: z.object({ items: z.array(PreReview) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await listPreReviews(deps, actorOf(request), request.query) }),
  );

  app.get(
    '/api/pre-reviews/:id',
    {
      schema: {
        operationId: 'getPreReview',
        summary: 'One pre-review with the engine’s answer and the decision',
        tags: ['origin'],
        params: z.strictObject({ id: Id }),
        response: { 200: PreReview, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getPreReview(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/pre-reviews/:id/decision',
    {
      schema: {
        operationId: 'decidePreReview',
        summary: 'Answer a pre-review per agreement: conforms or not, the criterion, the validity',
        description:
          'The bill is evaluated again under today’s rules; an answer that differs from the engine’s ' +
          '(conformity or criterion) is an override and needs a reason.',
        tags: ['origin'],
        params: z.strictObject({ id: Id }),
        body: preReviewDecisionInputSchema.extend({ version: z.number().int().optional() }),
        response: { 200: PreReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => decidePreReview(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/pre-reviews/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawPreReview',
        summary: 'Withdraw a pre-review customs has not decided',
        tags: ['origin'],
        params: z.strictObject({ id: Id }),
        response: { 200: PreReview, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => withdrawPreReview(deps, actorOf(request), request.params.id),
  );
}
