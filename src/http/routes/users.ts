import { z } from 'zod';
import { createUser } from '../../app/identity/create-user.js';
import { listUsers } from '../../app/identity/list-users.js';
import { setUserStatus } from '../../app/identity/set-user-status.js';
import { actorOf } from '../auth.js';
import { Id, Role, User, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

/** An organisation's users. */
export function userRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/organisations/:id/users',
    {
      schema: {
        operationId: 'listUsers',
        summary: 'Users of an organisation',
        tags: ['users'],
        params: z.strictObject({ id: Id }),
        response: { 200: z.object({ items: z.array(User) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listUsers(deps, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/organisations/:id/users',
    {
      schema: {
        operationId: 'createUser',
        summary: 'Create a user with roles the organisation allows',
        tags: ['users'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({
          username: z
            .string()
            .trim()
            .min(3)
            .max(64)
            .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, hyphens and underscores.'),
          displayName: z.string().trim().min(1).max(200),
          password: z.string().min(1).max(200),
          roles: z.array(Role).min(1).max(5),
          officeIds: z.array(Id).max(50).optional(),
          mustChangePassword: z.boolean().optional(),
        }),
        response: { 201: User, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createUser(deps, actorOf(request), { ...request.body, orgId: request.params.id })),
  );

  app.post(
    '/api/users/:id/status',
    {
      schema: {
        operationId: 'setUserStatus',
        summary: 'Enable or disable a user; disabling ends their sessions',
        tags: ['users'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ status: z.enum(['active', 'disabled']) }),
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => setUserStatus(deps, actorOf(request), { userId: request.params.id, ...request.body }),
  );
}
