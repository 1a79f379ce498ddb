import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

/** Liveness and readiness for load balancers and orchestrators. */
export function healthRoutes(app: Api, { deps, readiness }: RouteContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'healthz',
        summary: 'Liveness: the process answers',
        tags: ['operations'],
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'readyz',
        summary: 'Readiness: the database answers and its schema is current',
        tags: ['operations'],
        response: { 200: z.object({ status: z.literal('ready') }), ...errorResponses(503) },
      },
    },
    async () => {
      try {
        await deps.store.ping();
      } catch (error) {
        throw new DomainError('NOT_READY', `The database does not answer: ${(error as Error).message}`);
      }
      const problem = await readiness();
      if (problem) throw new DomainError('NOT_READY', problem);
      return { status: 'ready' as const };
    },
  );
}
