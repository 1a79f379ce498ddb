import { z } from 'zod';
import { createApiKey } from '../../app/api-keys/create-api-key.js';
import { listApiKeys } from '../../app/api-keys/list-api-keys.js';
import { revokeApiKey } from '../../app/api-keys/revoke-api-key.js';
import { actorOf } from '../auth.js';
import { ApiKey, Id, Role, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

/** API keys for system clients (ERPs, Single Window message import). */
export function apiKeyRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/organisations/:id/api-keys',
    {
      schema: {
        operationId: 'listApiKeys',
        summary: 'API keys of an organisation (secrets are never shown again)',
        tags: ['api keys'],
        params: z.strictObject({ id: Id }),
        response: { 200: z.object({ items: z.array(ApiKey) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listApiKeys(deps, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/organisations/:id/api-keys',
    {
      schema: {
        operationId: 'createApiKey',
        summary: 'Create an API key; the secret is in this response only',
        tags: ['api keys'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          roles: z.array(Role).max(5).optional(),
        }),
        response: {
          201: z.object({
            apiKey: ApiKey,
            secret: z.string().describe('Send as `Authorization: Bearer <secret>`'),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createApiKey(deps, actorOf(request), { ...request.body, orgId: request.params.id })),
  );

  app.post(
    '/api/api-keys/:id/revoke',
    {
      schema: {
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key at once',
        tags: ['api keys'],
        params: z.strictObject({ id: Id }),
        response: { 200: ApiKey, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => revokeApiKey(deps, actorOf(request), request.params.id),
  );
}
