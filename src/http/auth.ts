import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateApiKey, authenticateSession } from '../app/identity/authenticate.js';
import type { Deps, SessionPrincipal } from '../app/ports.js';
import type { Actor } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';

export const SESSION_COOKIE = 'origo_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    principal: SessionPrincipal | null;
  }
  interface FastifyContextConfig {
    /** 'public' operations need no identity; everything else under /api requires one (deny by default). */
    auth?: 'public';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths under /api that are documents rather than operations. */
const PUBLIC_PREFIXES = ['/api/docs', '/api/openapi.json'];

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The acting identity, or UNAUTHENTICATED: for handlers of operations that are not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'Log in, or send an API key.');
  return request.actor;
}

export function principalOf(request: FastifyRequest): SessionPrincipal {
  if (!request.principal)
    throw new DomainError('UNAUTHENTICATED', 'This operation needs a logged-in session.');
  return request.principal;
}

/**
 * Resolves who is calling (an API key in `Authorization: Bearer`, or the session cookie) before the body
 * is read, refuses anonymous calls to non-public operations, and checks the CSRF token on
 * cookie-authenticated writes.
 */
export function registerAuthentication(
  app: FastifyInstance,
  deps: Pick<Deps, 'store' | 'clock' | 'sessions'>,
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // routeOptions builds a new object on every read: read it once.
    const { url, config } = request.routeOptions;
    if (!url?.startsWith('/api/') || PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    // An operation's answer is for its caller alone (a login answers the CSRF token): no browser or proxy
    // keeps it, so it cannot be read back from a shared computer's cache after logout. A route whose
    // answer may be kept says so itself.
    void reply.header('cache-control', 'no-store');
    // Public operations (login, later public verification) ignore any identity sent with them.
    if (config.auth === 'public') return;

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const presented = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const actor = presented ? await authenticateApiKey(deps, presented) : undefined;
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'The API key is unknown, malformed or revoked.');
      request.actor = actor;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    const resolved = token ? await authenticateSession(deps, token) : undefined;
    if (resolved) {
      request.actor = resolved.actor;
      request.principal = resolved.principal;
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, resolved.principal.session.csrfToken)) {
          throw new DomainError(
            'CSRF_TOKEN_INVALID',
            `Send the session's CSRF token in the ${CSRF_HEADER} header (GET /api/session returns it).`,
          );
        }
      }
      return;
    }
    throw new DomainError('UNAUTHENTICATED', 'Log in, or send an API key.');
  });
}
