import { z } from 'zod';
import { getEnterpriseProfile } from '../../app/enterprises/get-enterprise-profile.js';
import { listEnterpriseProfileHistory } from '../../app/enterprises/list-enterprise-profile-history.js';
import { lookupRegisteredEnterprise } from '../../app/enterprises/lookup-registered-enterprise.js';
import { retryEnterpriseSync } from '../../app/enterprises/retry-enterprise-sync.js';
import { saveEnterpriseProfile } from '../../app/enterprises/save-enterprise-profile.js';
import { APPLICATION_MODES, SYNC_STATUSES } from '../../domain/enterprise-profile.js';
import { actorOf } from '../auth.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const text = (max: number) => z.string().max(max);

const EnterpriseProfileData = z
  .strictObject({
    uscc: text(18),
    customsCode: text(10),
    nameZh: text(100),
    nameEn: text(250),
    addressZh: text(200),
    addressEn: text(350),
    divisionCode: text(6),
    affiliatedOfficeId: Id,
    applicationMode: z.enum(APPLICATION_MODES),
    telephone: text(30),
    fax: text(30).nullable(),
    email: text(200),
    legalRepresentative: text(50),
    legalRepresentativeTelephone: text(30),
    contactPerson: text(50),
    contactTelephone: text(30),
    signatories: z.array(z.strictObject({ name: text(50), idNumber: text(18), telephone: text(30) })).max(10),
    applicantCommitment: z.boolean(),
  })
  .meta({ id: 'EnterpriseProfileData' });

const EnterpriseProfile = z
  .object({
    orgId: z.string(),
    maintained: z.boolean(),
    version: z.number().int(),
    data: EnterpriseProfileData.nullable(),
    sync: z.object({
      status: z
        .enum(SYNC_STATUSES)
        .describe('not_synchronised | synchronising | synchronised (Synchronization Successful) | failed'),
      syncedVersion: z.number().int().nullable(),
      error: z.string().nullable(),
      receipt: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
    mayApply: z.boolean(),
    mayApplyReason: z.string().nullable(),
  })
  .meta({ id: 'EnterpriseProfile' });

const ProfileVersion = z.object({
  version: z.number().int(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  changedBy: z.string(),
  changedAt: z.string(),
});

const Division = z.object({ code: z.string(), name: z.string(), children: z.array(z.unknown()).optional() });

/** Enterprise basic information: registry pre-fill, maintenance, synchronisation, history. */
export function enterpriseRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/enterprise-registry/:uscc',
    {
      schema: {
        operationId: 'lookupRegisteredEnterprise',
        summary:
          'What the enterprise qualification registry knows of a USCC, to pre-fill first-time maintenance',
        tags: ['enterprises'],
        params: z.strictObject({ uscc: z.string().max(40) }),
        response: {
          200: z.object({
            registered: z.object({
              uscc: z.string(),
              customsCode: z.string(),
              nameZh: z.string(),
              nameEn: z.string().nullable(),
              addressZh: z.string(),
              addressEn: z.string().nullable(),
              divisionCode: z.string(),
              customsDistrict: z.string(),
              legalRepresentative: z.string(),
              telephone: z.string(),
              email: z.string(),
              status: z.enum(['active', 'suspended']),
            }),
            affiliatedOfficeId: z.string().nullable(),
          }),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => lookupRegisteredEnterprise(deps, actorOf(request), request.params.uscc),
  );

  app.get(
    '/api/enterprises/:id/profile',
    {
      schema: {
        operationId: 'getEnterpriseProfile',
        summary: 'The enterprise basic information and its synchronisation status',
        tags: ['enterprises'],
        params: z.strictObject({ id: Id }),
        response: { 200: EnterpriseProfile, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getEnterpriseProfile(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/enterprises/:id/profile',
    {
      schema: {
        operationId: 'saveEnterpriseProfile',
        summary: 'Save a new version (first-time maintenance or a change); queues the synchronisation',
        tags: ['enterprises'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({
          expectedVersion: z
            .number()
            .int()
            .min(0)
            .describe('The version the form was opened on; 0 the first time'),
          data: EnterpriseProfileData,
        }),
        response: { 200: EnterpriseProfile, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      saveEnterpriseProfile(deps, actorOf(request), { orgId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/enterprises/:id/profile/sync',
    {
      schema: {
        operationId: 'retryEnterpriseSync',
        summary: 'Try the synchronisation of the current version again now',
        tags: ['enterprises'],
        params: z.strictObject({ id: Id }),
        response: { 200: EnterpriseProfile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => retryEnterpriseSync(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/enterprises/:id/profile/history',
    {
      schema: {
        operationId: 'listEnterpriseProfileHistory',
        summary: 'Every version of the enterprise basic information: who, when, which fields, old and new',
        tags: ['enterprises'],
        params: z.strictObject({ id: Id }),
        response: { 200: z.object({ items: z.array(ProfileVersion) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      items: (await listEnterpriseProfileHistory(deps, actorOf(request), request.params.id)).map(
        (version) => ({
          version: version.version,
          changes: version.changes,
          changedBy: version.changedByLabel,
          changedAt: version.changedAt,
        }),
      ),
    }),
  );

  app.get(
    '/api/reference/administrative-divisions',
    {
      schema: {
        operationId: 'listAdministrativeDivisions',
        summary: 'Provinces > cities > counties with their GB/T 2260 codes (data package in data/)',
        tags: ['reference'],
        response: { 200: z.object({ items: z.array(Division) }), ...errorResponses(401) },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'private, max-age=86400');
      return { items: [...deps.divisions.tree()] };
    },
  );
}
