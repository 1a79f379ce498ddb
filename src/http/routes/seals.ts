import { z } from 'zod';
import { authoriseSeal } from '../../app/seals/authorise-seal.js';
import { listSeals, readSealImage } from '../../app/seals/list-seals.js';
import { uploadSeal } from '../../app/seals/upload-seal.js';
import { DomainError } from '../../domain/errors.js';
import { SEAL_SHAPES } from '../../domain/seal-image.js';
import { actorOf } from '../auth.js';
import { fieldValue, imageUpload, uploadedFile } from '../multipart.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const Seal = z
  .object({
    id: z.string(),
    orgId: z.string(),
    kind: z.enum(['seal', 'signature']),
    shape: z.enum(SEAL_SHAPES).nullable(),
    signatoryName: z.string().nullable(),
    fileSha256: z.string(),
    widthPx: z.number().int(),
    heightPx: z.number().int(),
    dpi: z.number().int(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Seal' });
const SealAuthorisation = z
  .object({ id: z.string(), sealId: z.string(), signatureId: z.string(), authorisedAt: z.string() })
  .meta({ id: 'SealAuthorisation' });

// The text parts of the upload form, which come before the file part.
const uploadFields = z.object({
  kind: z.enum(['seal', 'signature']),
  shape: z.enum(SEAL_SHAPES).optional(),
  signatoryName: z.string().trim().max(50).optional(),
});

/** Seals and signatures for self-print. */
export function sealRoutes(app: Api, { deps, config }: RouteContext): void {
  app.get(
    '/api/enterprises/:id/seals',
    {
      schema: {
        operationId: 'listSeals',
        summary: 'The enterprise’s seals and signatures and the pair authorised for self-print',
        tags: ['seals'],
        params: z.strictObject({ id: Id }),
        response: {
          200: z.object({ items: z.array(Seal), authorisation: SealAuthorisation.nullable() }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => listSeals(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/enterprises/:id/seals',
    {
      schema: {
        operationId: 'uploadSeal',
        summary:
          'Upload a seal or signature image (multipart/form-data: kind, shape or signatoryName, then file)',
        description:
          'PNG or JPEG, recognised by content; 600 dpi or more; round seal at most 4.5 cm, rectangular 5.5 x 4 cm, ' +
          'oval 5.5 x 4.5 cm, signature 3.5 x 3 cm; seal in colour. Refused uploads leave nothing stored.',
        tags: ['seals'],
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: Id }),
        response: { 201: Seal, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await uploadedFile(request, imageUpload);
      const fields = uploadFields.safeParse({
        kind: fieldValue(file, 'kind'),
        shape: fieldValue(file, 'shape') || undefined,
        signatoryName: fieldValue(file, 'signatoryName') || undefined,
      });
      if (!fields.success) {
        file.file.resume();
        throw new DomainError(
          'VALIDATION_FAILED',
          'The form fields are not valid (send them before the file).',
          fields.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            code: issue.code,
            message: issue.message,
          })),
        );
      }
      const seal = await uploadSeal(deps, actor, {
        orgId: request.params.id,
        kind: fields.data.kind,
        shape: fields.data.shape ?? null,
        signatoryName: fields.data.signatoryName ?? null,
        content: file.file,
        limitBytes: config.sealUploadLimitBytes,
      });
      return reply.status(201).send(seal);
    },
  );

  app.get(
    '/api/seals/:id/image',
    {
      schema: {
        operationId: 'getSealImage',
        summary: 'The image of a seal or signature',
        tags: ['seals'],
        params: z.strictObject({ id: Id }),
      },
    },
    async (request, reply) => {
      const image = await readSealImage(deps, actorOf(request), request.params.id);
      return reply
        .type(image.contentType)
        .header('cache-control', 'private, max-age=3600')
        .send(image.content);
    },
  );

  app.post(
    '/api/enterprises/:id/seal-authorisation',
    {
      schema: {
        operationId: 'authoriseSeal',
        summary: 'Authorise the seal and signature used for self-print from now on (time-stamped)',
        tags: ['seals'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ sealId: Id, signatureId: Id }),
        response: { 201: SealAuthorisation, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await authoriseSeal(deps, actorOf(request), { orgId: request.params.id, ...request.body })),
  );
}
