import { z } from 'zod';
import { createOrganisation } from '../../app/organisations/create-organisation.js';
import { getOrganisation } from '../../app/organisations/get-organisation.js';
import { listOrganisations } from '../../app/organisations/list-organisations.js';
import { actorOf } from '../auth.js';
import { Id, Organisation, OrganisationKind, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

/** Offices, enterprises and agencies. */
export function organisationRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        summary: 'Organisations the caller may see',
        tags: ['organisations'],
        querystring: z.strictObject({ kind: OrganisationKind.optional() }),
        response: { 200: z.object({ items: z.array(Organisation) }), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ items: await listOrganisations(deps, actorOf(request), request.query) }),
  );

  app.get(
    '/api/organisations/:id',
    {
      schema: {
        operationId: 'getOrganisation',
        summary: 'One organisation',
        tags: ['organisations'],
        params: z.strictObject({ id: Id }),
        response: { 200: Organisation, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getOrganisation(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/organisations',
    {
      schema: {
        operationId: 'createOrganisation',
        summary: 'Create an office (under the authority), an enterprise or an agency (under an office)',
        tags: ['organisations'],
        body: z.strictObject({
          kind: OrganisationKind,
          parentId: Id.nullable(),
          code: z.string().trim().max(32).nullable(),
          nameEn: z.string().trim().min(1).max(300),
          nameZh: z.string().trim().min(1).max(300),
        }),
        response: { 201: Organisation, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganisation(deps, actorOf(request), request.body)),
  );
}
