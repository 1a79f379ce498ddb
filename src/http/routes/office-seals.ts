import { z } from 'zod';
import { getOfficeSeal, readOfficeSealImage } from '../../app/office-seals/get-office-seal.js';
import {
  getOfficerSignature,
  readOfficerSignatureImage,
} from '../../app/office-seals/get-officer-signature.js';
import { uploadOfficeSeal } from '../../app/office-seals/upload-office-seal.js';
import { uploadOfficerSignature } from '../../app/office-seals/upload-officer-signature.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../auth.js';
import { fieldValue, imageUpload, uploadedFile } from '../multipart.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const OfficeSeal = z
  .object({
    id: z.string(),
    officeId: z.string(),
    fileSha256: z.string(),
    widthPx: z.number().int(),
    heightPx: z.number().int(),
    dpi: z.number().int(),
    validFrom: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'OfficeSeal' });
const OfficerSignature = z
  .object({
    id: z.string(),
    userId: z.string(),
    fileSha256: z.string(),
    widthPx: z.number().int(),
    heightPx: z.number().int(),
    dpi: z.number().int(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'OfficerSignature' });

const IMAGE_RULES = 'PNG with a transparent background, recognised by content; 600 dpi or more; ';

/** The issuing offices' electronic seals and the officers' signatures that self-print draws. */
export function officeSealRoutes(app: Api, { deps, config }: RouteContext): void {
  app.get(
    '/api/offices/:id/seal',
    {
      schema: {
        operationId: 'getOfficeSeal',
        summary: 'The office’s electronic seal in force now and every version',
        tags: ['seals'],
        params: z.strictObject({ id: Id }),
        response: {
          200: z.object({ current: OfficeSeal.nullable(), versions: z.array(OfficeSeal) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => getOfficeSeal(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/offices/:id/seal',
    {
      schema: {
        operationId: 'uploadOfficeSeal',
        summary:
          'Upload a new version of the office’s electronic seal (multipart/form-data: validFrom, then file)',
        description:
          IMAGE_RULES +
          'round, in colour, at most 4.5 cm across. `validFrom` (ISO instant, optional) is now or later; the ' +
          'version with the latest valid-from at or before an approval certifies that certificate. Customs administrators only.',
        tags: ['seals'],
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: Id }),
        response: { 201: OfficeSeal, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await uploadedFile(request, imageUpload);
      const validFrom = z.iso
        .datetime({ offset: true })
        .optional()
        .safeParse(fieldValue(file, 'validFrom') || undefined);
      if (!validFrom.success) {
        file.file.resume();
        throw new DomainError('VALIDATION_FAILED', 'validFrom is not an ISO instant.', [
          {
            path: 'validFrom',
            code: 'invalid',
            message: 'Give an ISO instant such as 2026-04-01T00:00:00+08:00.',
          },
        ]);
      }
      const seal = await uploadOfficeSeal(deps, actor, {
        officeId: request.params.id,
        validFrom: validFrom.data,
        content: file.file,
        limitBytes: config.sealUploadLimitBytes,
      });
      return reply.status(201).send(seal);
    },
  );

  app.get(
    '/api/office-seals/:id/image',
    {
      schema: {
        operationId: 'getOfficeSealImage',
        summary: 'The PNG of an office seal version (customs administrators, officers of the office)',
        tags: ['seals'],
        params: z.strictObject({ id: Id }),
      },
    },
    async (request, reply) =>
      reply
        .type('image/png')
        .header('cache-control', 'private, max-age=3600')
        .send(await readOfficeSealImage(deps, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/users/:id/signature',
    {
      schema: {
        operationId: 'getOfficerSignature',
        summary: 'An officer’s signature in force and every version (the officer, customs administrators)',
        tags: ['seals'],
        params: z.strictObject({ id: Id }),
        response: {
          200: z.object({ current: OfficerSignature.nullable(), versions: z.array(OfficerSignature) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => getOfficerSignature(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/signature',
    {
      schema: {
        operationId: 'uploadOfficerSignature',
        summary: 'Upload a new version of an officer’s signature (multipart/form-data: file)',
        description:
          IMAGE_RULES +
          'at most 3.5 x 3 cm. In force from now; certificates approved earlier keep the signature of their approval.',
        tags: ['seals'],
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: Id }),
        response: { 201: OfficerSignature, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await uploadedFile(request, imageUpload);
      const signature = await uploadOfficerSignature(deps, actor, {
        userId: request.params.id,
        content: file.file,
        limitBytes: config.sealUploadLimitBytes,
      });
      return reply.status(201).send(signature);
    },
  );

  app.get(
    '/api/officer-signatures/:id/image',
    {
      schema: {
        operationId: 'getOfficerSignatureImage',
        summary: 'The PNG of an officer’s signature version (the officer, customs administrators)',
        tags: ['seals'],
        params: z.strictObject({ id: Id }),
      },
    },
    async (request, reply) =>
      reply
        .type('image/png')
        .header('cache-control', 'private, max-age=3600')
        .send(await readOfficerSignatureImage(deps, actorOf(request), request.params.id)),
  );
}
