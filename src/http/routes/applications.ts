import { z } from 'zod';
import { createApplication } from '../../app/applications/create-application.js';
import { getApplication } from '../../app/applications/get-application.js';
import { importApplicationMessages } from '../../app/applications/import-application-messages.js';
import { listApplications } from '../../app/applications/list-applications.js';
import { listCertificateTypes, searchHsCodes } from '../../app/applications/list-certificate-types.js';
import { readSupportingDocument } from '../../app/applications/read-supporting-document.js';
import { removeSupportingDocument } from '../../app/applications/remove-supporting-document.js';
import { submitApplication } from '../../app/applications/submit-application.js';
import { updateApplication } from '../../app/applications/update-application.js';
import { uploadSupportingDocument } from '../../app/applications/upload-supporting-document.js';
import { validateApplication } from '../../app/applications/validate-application.js';
import { APPLICATION_CHANNELS, APPLICATION_KINDS, APPLICATION_STATUSES } from '../../app/ports.js';
import { applicationDataSchema } from '../../domain/application.js';
import { RULE_NAMES } from '../../domain/certificate-rules.js';
import { CHECK_NAMES } from '../../domain/automated-checks.js';
import { SUPPORTING_DOCUMENT_KINDS, certificateTypeSchema } from '../../domain/certificate-types.js';
import { actorOf } from '../auth.js';
import { readDocumentUpload } from '../multipart.js';
import { messagesFromJson, messagesFromXml } from '../message-file.js';
import { Blocker, Finding, Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const CertificateType = certificateTypeSchema.meta({ id: 'CertificateType' });
const ApplicationData = applicationDataSchema.meta({ id: 'ApplicationData' });
const SupportingDocument = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    kind: z.enum(SUPPORTING_DOCUMENT_KINDS),
    fileSha256: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'SupportingDocument' });
export const ReviewDecision = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    action: z.enum(['approve', 'return', 'reject']),
    boxes: z.array(z.string()),
    reasons: z.array(z.string()),
    note: z.string(),
    decidedBy: z.string(),
    automatic: z.boolean(),
    decidedAt: z.string(),
  })
  .meta({ id: 'ReviewDecision' });
export const Application = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    officeId: z.string(),
    typeCode: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    data: ApplicationData,
    version: z.number().int().describe('Send it back as expectedVersion when you save or submit'),
    channel: z.enum(APPLICATION_CHANNELS),
    agencyId: z.string().nullable(),
    createdBy: z.string(),
    copiedFrom: z.string().nullable(),
    profileVersion: z
      .number()
      .int()
      .nullable()
      .describe('The enterprise information version it was submitted on'),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    reviewerId: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    approvedAt: z.string().nullable(),
    automatic: z.boolean().nullable().describe('Whether the approval was automatic'),
    kind: z.enum(APPLICATION_KINDS),
    replacesId: z.string().nullable(),
    replacedById: z.string().nullable(),
    voidReason: z.string().nullable(),
    checks: z
      .array(
        z.object({
          check: z.enum(CHECK_NAMES),
          outcome: z.enum(['pass', 'warn', 'fail', 'not_applicable']),
          evidence: z.string(),
        }),
      )
      .nullable()
      .describe('The automated checks at the last submission, with their evidence'),
    certificateText: z.object({ route: z.string(), packages: z.array(z.string()) }),
    decisions: z.array(ReviewDecision),
    endorsements: z.array(z.object({ box: z.string(), text: z.string() })),
    prints: z
      .object({
        count: z.number().int(),
        reprints: z.number().int().describe('Prints after the first, each audited'),
        lastPrintedAt: z.string().nullable(),
      })
      .describe('How often the issued certificate was printed'),
    findings: z.array(Finding),
    blockers: z.array(Blocker),
    submittable: z.boolean(),
    documents: z.array(SupportingDocument),
  })
  .meta({ id: 'Application' });
const Assessment = z
  .object({ findings: z.array(Finding), blockers: z.array(Blocker), submittable: z.boolean() })
  .meta({ id: 'Assessment' });
const Cursor = z.object({ updatedAt: z.string(), id: z.string() });
const ApplicationSummary = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    typeCode: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    version: z.number().int(),
    channel: z.enum(APPLICATION_CHANNELS),
    agencyId: z.string().nullable(),
    destinationCountry: z.string(),
    consigneeName: z.string(),
    invoiceNumbers: z.array(z.string()),
    itemCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    warnings: z.array(Finding).nullable(),
  })
  .meta({ id: 'ApplicationSummary' });
const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

const MessageReceipt = z
  .object({
    index: z.number().int(),
    messageId: z.string().nullable(),
    status: z.enum(['accepted', 'rejected']),
    applicationId: z.string().nullable(),
    applicationStatus: z.enum(APPLICATION_STATUSES).nullable(),
    duplicate: z.boolean(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    findings: z.array(Finding),
  })
  .meta({ id: 'MessageReceipt' });

/** Certificate types, the HS nomenclature, and applications from draft to submission. */
export function applicationRoutes(app: Api, { deps, config }: RouteContext): void {
  // XML message files arrive as text and are read by the import route itself.
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/certificate-types',
    {
      schema: {
        operationId: 'listCertificateTypes',
        summary: 'The certificate types issued, with boxes, countries and rules, and the field rules applied',
        tags: ['applications'],
        response: {
          200: z.object({
            items: z.array(CertificateType),
            rules: z.array(z.object({ name: z.enum(RULE_NAMES), purpose: z.string() })),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const { items, rules } = listCertificateTypes(deps, actorOf(request));
      return { items: [...items], rules: [...rules] };
    },
  );

  app.get(
    '/api/hs-codes',
    {
      schema: {
        operationId: 'searchHsCodes',
        summary: 'Search HS 2022 headings and subheadings by code prefix or description words',
        tags: ['applications'],
        querystring: z.strictObject({
          q: z.string().max(100),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                description: z.string(),
                level: z.number().int(),
                parent: z.string(),
              }),
            ),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({
      items: searchHsCodes(deps, actorOf(request), request.query.q, request.query.limit),
    }),
  );

  app.get(
    '/api/applications',
    {
      schema: {
        operationId: 'listApplications',
        summary: 'Applications the caller may see, newest first (an enterprise’s own, an agency’s own)',
        tags: ['applications'],
        querystring: z.strictObject({
          status: z.enum(APPLICATION_STATUSES).optional(),
          typeCode: z.string().max(4).optional(),
          beforeUpdatedAt: z.string().max(40).optional(),
          beforeId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(ApplicationSummary), next: Cursor.nullable() }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const { beforeUpdatedAt, beforeId, ...query } = request.query;
      return listApplications(deps, actorOf(request), {
        ...query,
        before: beforeUpdatedAt && beforeId ? { updatedAt: beforeUpdatedAt, id: beforeId } : undefined,
      });
    },
  );

  app.post(
    '/api/applications',
    {
      schema: {
        operationId: 'createApplication',
        summary: 'Start an application (a draft), optionally copied from an earlier one',
        description:
          'With an Idempotency-Key header the same request again returns the application it created (200) ' +
          'instead of creating another; the same key with a different request is a CONFLICT.',
        tags: ['applications'],
        headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }),
        body: z.strictObject({
          enterpriseId: Id,
          typeCode: z.string().min(1).max(4),
          data: z.unknown().optional().describe('ApplicationData; may be partial while drafting'),
          copyFrom: Id.optional(),
        }),
        response: { 200: Application, 201: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { application, created } = await createApplication(deps, actor, {
        ...request.body,
        // People use the portal; system clients come with an API key.
        channel: actor.kind === 'apiKey' ? 'api' : 'portal',
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.status(created ? 201 : 200).send(application);
    },
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        operationId: 'getApplication',
        summary: 'One application: boxes, findings, what blocks submission, documents',
        tags: ['applications'],
        params: z.strictObject({ id: Id }),
        response: { 200: Application, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getApplication(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/applications/:id',
    {
      schema: {
        operationId: 'updateApplication',
        summary: 'Save a draft’s boxes (all of them), naming the version edited',
        tags: ['applications'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({
          expectedVersion: z.number().int().min(1),
          data: z.unknown().describe('ApplicationData'),
        }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.get(
    '/api/applications/:id/validation',
    {
      schema: {
        operationId: 'validateApplication',
        summary: 'Run the field rules and submission conditions over the stored application',
        tags: ['applications'],
        params: z.strictObject({ id: Id }),
        response: { 200: Assessment, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => validateApplication(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        operationId: 'submitApplication',
        summary: 'Send a draft to customs (refused with every finding while anything blocks it)',
        tags: ['applications'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ expectedVersion: z.number().int().min(1).optional() }).default({}),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => submitApplication(deps, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/applications/:id/documents',
    {
      schema: {
        operationId: 'uploadSupportingDocument',
        summary: 'Attach a supporting document (multipart/form-data: kind, then file)',
        description:
          'PDF, JPEG, PNG or XLSX, recognised by content; at most 20 MB (ORIGO_DOCUMENT_UPLOAD_LIMIT_BYTES); ' +
          'stored by SHA-256. Refused uploads leave nothing stored.',
        tags: ['applications'],
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: Id }),
        response: { 201: SupportingDocument, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const { kind, file } = await readDocumentUpload(request);
      const document = await uploadSupportingDocument(deps, actorOf(request), {
        applicationId: request.params.id,
        kind,
        fileName: file.filename,
        content: file.file,
        limitBytes: config.documentUploadLimitBytes,
      });
      return reply.status(201).send(document);
    },
  );

  app.delete(
    '/api/applications/:id/documents/:documentId',
    {
      schema: {
        operationId: 'removeSupportingDocument',
        summary: 'Remove a document from a draft (or a returned application)',
        tags: ['applications'],
        params: z.strictObject({ id: Id, documentId: Id }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeSupportingDocument(deps, actorOf(request), {
        applicationId: request.params.id,
        documentId: request.params.documentId,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/applications/:id/documents/:documentId',
    {
      schema: {
        operationId: 'readSupportingDocument',
        summary: 'Download a supporting document',
        tags: ['applications'],
        params: z.strictObject({ id: Id, documentId: Id }),
      },
    },
    async (request, reply) => {
      const { document, content } = await readSupportingDocument(
        deps,
        actorOf(request),
        request.params.id,
        request.params.documentId,
      );
      return reply
        .header('content-type', document.contentType)
        .header('content-length', String(document.size))
        .header('content-disposition', `attachment; filename="${encodeURIComponent(document.fileName)}"`)
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.post(
    '/api/applications/imports',
    {
      bodyLimit: config.importLimitBytes,
      schema: {
        operationId: 'importApplicationMessages',
        summary: 'Import application messages (JSON or XML, docs/messages.md): one receipt per message',
        description:
          'Each message becomes an application (submitted when its header says so) in its own transaction; ' +
          'a rejected message leaves nothing behind. A message id imported again returns its first receipt.',
        tags: ['applications'],
        consumes: ['application/json', 'application/xml'],
        response: {
          200: z.object({
            receipts: z.array(MessageReceipt),
            accepted: z.number().int(),
            rejected: z.number().int(),
          }),
          ...errorResponses(400, 401, 413),
        },
      },
    },
    async (request) => {
      const messages =
        typeof request.body === 'string' ? messagesFromXml(request.body) : messagesFromJson(request.body);
      return importApplicationMessages(deps, actorOf(request), {
        messages,
        documentLimitBytes: config.documentUploadLimitBytes,
      });
    },
  );
}
