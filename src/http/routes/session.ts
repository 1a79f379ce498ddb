import { z } from 'zod';
import { getSession } from '../../app/identity/get-session.js';
import { logIn } from '../../app/identity/log-in.js';
import { logOut } from '../../app/identity/log-out.js';
import { SESSION_COOKIE, actorOf, principalOf } from '../auth.js';
import { Session, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const LoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** Login, the current session, logout. */
export function sessionRoutes(app: Api, { deps, config }: RouteContext): void {
  app.post(
    '/api/session',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'login',
        summary: 'Log in with username and password; sets the session cookie',
        tags: ['session'],
        body: LoginBody,
        response: { 200: Session, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { token, session } = await logIn(deps, {
        ...request.body,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        maxAge: config.sessionMaxHours * 3600,
      });
      return session;
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        operationId: 'getSession',
        summary: 'The logged-in user, their organisation and offices, and the CSRF token',
        tags: ['session'],
        response: { 200: Session, ...errorResponses(401) },
      },
    },
    async (request) => getSession(deps, actorOf(request), principalOf(request)),
  );

  app.delete(
    '/api/session',
    {
      schema: {
        operationId: 'logout',
        summary: 'End the session and clear the cookie',
        tags: ['session'],
        response: { 204: z.null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await logOut(deps, actorOf(request), principalOf(request).session.id);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
