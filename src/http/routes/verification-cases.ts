import { z } from 'zod';
import { concludeVerificationCase } from '../../app/verification-cases/conclude-verification-case.js';
import {
  getVerificationCase,
  listVerificationCases,
  supervisionDashboard,
} from '../../app/verification-cases/list-verification-cases.js';
import { openVerificationCase } from '../../app/verification-cases/open-verification-case.js';
import { takeVerificationCase } from '../../app/verification-cases/take-verification-case.js';
import { renderVerificationReplyLetter } from '../../app/verification-cases/reply-letter.js';
import { listSamplingRates, setSamplingRate } from '../../app/verification-cases/sampling.js';
import {
  CASE_OUTCOMES,
  CASE_SOURCES,
  CASE_STATUSES,
  concludeCaseInputSchema,
  openCaseInputSchema,
} from '../../domain/verification-case.js';
import { actorOf } from '../auth.js';
import { Day, Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const VerificationCase = z
  .object({
    id: z.string(),
    officeId: z.string(),
    enterpriseId: z.string(),
    source: z.enum(CASE_SOURCES),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
    requestingCountry: z.string(),
    requestingAuthority: z.string(),
    foreignReference: z.string(),
    receivedOn: z.string(),
    replyDue: z.string().nullable(),
    questions: z.string(),
    riskRule: z.string(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable().describe('The owning officer’s display name; null when nobody owns it'),
    findings: z.string(),
    certificates: z.array(
      z.object({ applicationId: z.string(), certificateNumber: z.string(), typeCode: z.string() }),
    ),
    openedBy: z.string(),
    openedAt: z.string(),
    openedOn: z.string(),
    concludedBy: z.string().nullable(),
    concludedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'VerificationCase' });

const CaseQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  typeCode: z.string().max(3).optional(),
  enterpriseId: Id.optional(),
  officeId: Id.optional(),
  openedFrom: Day.optional(),
  openedTo: Day.optional(),
});

const CaseListQuery = CaseQuery.extend({
  owner: z
    .enum(['unowned', 'mine'])
    .optional()
    .describe('unowned: cases nobody has taken; mine: the caller’s own'),
  beforeOpenedAt: z.string().max(40).optional(),
  beforeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Outcomes = { confirmed: z.number(), not_confirmed: z.number(), inconclusive: z.number() };

/** Verification cases, their conclusion and reply letter, sampling rates and the supervision dashboard. */
export function verificationCaseRoutes(app: Api, { deps }: RouteContext): void {
  app.post(
    '/api/verification-cases',
    {
      schema: {
        operationId: 'openVerificationCase',
        summary: 'Open a verification case on issued certificates of one enterprise (officers of the office)',
        tags: ['verification'],
        body: openCaseInputSchema,
        response: { 201: VerificationCase, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openVerificationCase(deps, actorOf(request), request.body)),
  );

  app.get(
    '/api/verification-cases',
    {
      schema: {
        operationId: 'listVerificationCases',
        summary:
          'Verification cases the caller may see, newest first (officers: their offices; an enterprise: its ' +
          'own; agent staff: those naming a certificate their agency applied for)',
        tags: ['verification'],
        querystring: CaseListQuery,
        response: {
          200: z.object({
            items: z.array(VerificationCase),
            next: z.object({ openedAt: z.string(), id: z.string() }).nullable(),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { beforeOpenedAt, beforeId, ...query } = request.query;
      return listVerificationCases(deps, actorOf(request), {
        ...query,
        before: beforeOpenedAt && beforeId ? { openedAt: beforeOpenedAt, id: beforeId } : undefined,
      });
    },
  );

  app.post(
    '/api/verification-cases/:id/take',
    {
      schema: {
        operationId: 'takeVerificationCase',
        summary: 'Take an open case over (one nobody owns, or a colleague’s): officers of its office',
        tags: ['verification'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: z.number().int() }),
        response: { 200: VerificationCase, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      takeVerificationCase(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.get(
    '/api/verification-cases/:id',
    {
      schema: {
        operationId: 'getVerificationCase',
        summary: 'One verification case',
        tags: ['verification'],
        params: z.strictObject({ id: Id }),
        response: { 200: VerificationCase, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getVerificationCase(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/verification-cases/:id/conclusion',
    {
      schema: {
        operationId: 'concludeVerificationCase',
        summary:
          'Conclude a case: confirmed, not confirmed (certificates cancelled, stricter review), inconclusive',
        tags: ['verification'],
        params: z.strictObject({ id: Id }),
        body: concludeCaseInputSchema.extend({ expectedVersion: z.number().int() }),
        response: { 200: VerificationCase, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      concludeVerificationCase(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.get(
    '/api/verification-cases/:id/reply-letter.pdf',
    {
      schema: {
        operationId: 'renderVerificationReplyLetter',
        summary: 'The reply letter to the foreign authority of a concluded case, as PDF',
        tags: ['verification'],
        params: z.strictObject({ id: Id }),
        produces: ['application/pdf'],
        response: { 200: z.any().describe('application/pdf'), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const letter = await renderVerificationReplyLetter(deps, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="reply-${letter.caseId}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(letter.pdf);
    },
  );

  app.get(
    '/api/supervision/dashboard',
    {
      schema: {
        operationId: 'getSupervisionDashboard',
        summary:
          'Open cases by age and deadline, outcomes by type and enterprise, overdue requests (customs)',
        tags: ['verification'],
        querystring: CaseQuery,
        response: {
          200: z.object({
            cases: z.number().int(),
            openByAge: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
            openByDeadline: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
            outcomesByType: z.array(z.object({ typeCode: z.string(), ...Outcomes })),
            outcomesByEnterprise: z.array(z.object({ enterpriseId: z.string(), ...Outcomes })),
            overdueRequests: z.array(
              z.object({
                id: z.string(),
                subjectType: z.string(),
                subjectId: z.string(),
                enterpriseId: z.string(),
                officeId: z.string(),
                deadline: z.string(),
                escalatedAt: z.string().nullable(),
                questions: z.string(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => supervisionDashboard(deps, actorOf(request), request.query),
  );

  app.get(
    '/api/verification/sampling-rates',
    {
      schema: {
        operationId: 'listSamplingRates',
        summary: 'Random sampling rates per certificate type (customs administration)',
        tags: ['verification'],
        response: {
          200: z.object({
            items: z.array(
              z.object({ typeCode: z.string(), rate: z.number(), setBy: z.string(), setAt: z.string() }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({ items: await listSamplingRates(deps, actorOf(request)) }),
  );

  app.put(
    '/api/verification/sampling-rates/:typeCode',
    {
      schema: {
        operationId: 'setSamplingRate',
        summary: 'Set the share (percent) of a type’s certificates drawn for verification at issue',
        tags: ['verification'],
        params: z.strictObject({ typeCode: z.string().max(3) }),
        body: z.strictObject({ rate: z.number() }),
        response: {
          200: z.object({ typeCode: z.string(), rate: z.number() }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      setSamplingRate(deps, actorOf(request), { typeCode: request.params.typeCode, rate: request.body.rate }),
  );
}
