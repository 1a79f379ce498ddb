import { z } from 'zod';
import {
  answerEvidenceRequest,
  askForMoreTime,
  extendEvidenceRequest,
  listEvidenceRequests,
  readEvidenceDocument,
  requestEvidence,
  uploadEvidenceDocument,
} from '../../app/evidence/evidence-requests.js';
import { SUPPORTING_DOCUMENT_KINDS } from '../../domain/certificate-types.js';
import { actorOf } from '../auth.js';
import { readDocumentUpload } from '../multipart.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const EvidenceDocument = z
  .object({
    id: z.string(),
    requestId: z.string(),
    kind: z.enum(SUPPORTING_DOCUMENT_KINDS),
    fileSha256: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'EvidenceDocument' });
const EvidenceRequest = z
  .object({
    id: z.string(),
    subjectType: z.enum(['application', 'pre_review', 'verification_case']),
    subjectId: z.string(),
    enterpriseId: z.string(),
    agencyId: z.string().nullable(),
    officeId: z.string(),
    questions: z.string(),
    evidenceWanted: z.array(z.enum(SUPPORTING_DOCUMENT_KINDS)),
    deadline: z.string(),
    status: z.enum(['open', 'answered', 'withdrawn']),
    askedBy: z.string(),
    askedAt: z.string(),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    extensionRequest: z
      .object({ days: z.number().int(), reason: z.string(), by: z.string(), at: z.string() })
      .nullable(),
    documents: z.array(EvidenceDocument),
    overdue: z.boolean(),
  })
  .meta({ id: 'EvidenceRequest' });

/** Requests for more material and their answers (review and pre-review; verification cases later). */
export function evidenceRoutes(app: Api, { deps, config }: RouteContext): void {
  app.post(
    '/api/evidence-requests',
    {
      schema: {
        operationId: 'requestEvidence',
        summary:
          'Ask the enterprise for more material about an application or a pre-review (officers of its office)',
        tags: ['evidence'],
        body: z.strictObject({
          subjectType: z.enum(['application', 'pre_review', 'verification_case']),
          subjectId: Id,
          questions: z.string().max(4000),
          evidenceWanted: z.array(z.enum(SUPPORTING_DOCUMENT_KINDS)).max(6),
          deadline: z.string().max(10).describe('Last day to answer, YYYY-MM-DD (China time)'),
        }),
        response: { 201: EvidenceRequest, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { subjectType, subjectId, ...rest } = request.body;
      return reply.status(201).send(
        await requestEvidence(deps, actorOf(request), {
          subject: { type: subjectType, id: subjectId },
          ...rest,
        }),
      );
    },
  );

  app.get(
    '/api/evidence-requests',
    {
      schema: {
        operationId: 'listEvidenceRequests',
        summary:
          'Requests for more material the caller may see (about one application or pre-review, or all of theirs)',
        tags: ['evidence'],
        querystring: z.strictObject({
          applicationId: Id.optional(),
          preReviewId: Id.optional(),
          verificationCaseId: Id.optional(),
          status: z.enum(['open', 'answered', 'withdrawn']).optional(),
        }),
        response: { 200: z.object({ items: z.array(EvidenceRequest) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listEvidenceRequests(deps, actorOf(request), request.query) }),
  );

  app.post(
    '/api/evidence-requests/:id/documents',
    {
      schema: {
        operationId: 'uploadEvidenceDocument',
        summary: 'Attach a document to an open request (multipart/form-data: kind, then file)',
        tags: ['evidence'],
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: Id }),
        response: { 201: EvidenceDocument, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const { kind, file } = await readDocumentUpload(request);
      const document = await uploadEvidenceDocument(deps, actorOf(request), {
        requestId: request.params.id,
        kind,
        fileName: file.filename,
        content: file.file,
        limitBytes: config.documentUploadLimitBytes,
      });
      return reply.status(201).send(document);
    },
  );

  app.post(
    '/api/evidence-requests/:id/answer',
    {
      schema: {
        operationId: 'answerEvidenceRequest',
        summary: 'Answer an open request, with the documents already attached',
        tags: ['evidence'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ answer: z.string().max(8000) }),
        response: { 200: EvidenceRequest, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      answerEvidenceRequest(deps, actorOf(request), {
        requestId: request.params.id,
        answer: request.body.answer,
      }),
  );

  app.get(
    '/api/evidence-requests/:id/documents/:documentId',
    {
      schema: {
        operationId: 'readEvidenceDocument',
        summary: 'Download a document of an answer',
        tags: ['evidence'],
        params: z.strictObject({ id: Id, documentId: Id }),
      },
    },
    async (request, reply) => {
      const { document, content } = await readEvidenceDocument(
        deps,
        actorOf(request),
        request.params.id,
        request.params.documentId,
      );
      return reply
        .header('content-type', document.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(document.fileName)}"`)
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.post(
    '/api/evidence-requests/:id/more-time',
    {
      schema: {
        operationId: 'askForMoreTime',
        summary: 'The enterprise asks for more time to answer an open request',
        tags: ['evidence'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ days: z.number().int(), reason: z.string().max(2000) }),
        response: { 200: EvidenceRequest, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      askForMoreTime(deps, actorOf(request), { requestId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/evidence-requests/:id/deadline',
    {
      schema: {
        operationId: 'extendEvidenceRequest',
        summary: 'An officer moves an open request’s deadline; the reminder and escalation follow it',
        tags: ['evidence'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ deadline: z.string().max(10) }),
        response: { 200: EvidenceRequest, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      extendEvidenceRequest(deps, actorOf(request), { requestId: request.params.id, ...request.body }),
  );
}
