import { z } from 'zod';
import { changePassword } from '../../app/identity/change-password.js';
import { actorOf } from '../auth.js';
import { errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

/** The caller's own account. */
export function accountRoutes(app: Api, { deps }: RouteContext): void {
  app.post(
    '/api/account/password',
    {
      schema: {
        operationId: 'changePassword',
        summary: 'Change one’s own password; other sessions of the user end',
        tags: ['session'],
        body: z.strictObject({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await changePassword(deps, actorOf(request), {
        ...request.body,
        currentSessionId: request.principal?.session.id,
      });
      return reply.status(204).send(null);
    },
  );
}
