import { z } from 'zod';
import { evaluateOrigin } from '../../app/origin/evaluate-origin.js';
import { actorOf } from '../auth.js';
import { errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.');

/** The rules-of-origin engine over HTTP. */
export function originRoutes(app: Api, { deps }: RouteContext): void {
  app.post(
    '/api/origin/evaluations',
    {
      schema: {
        operationId: 'evaluateOrigin',
        summary: 'Determine origin from a bill of materials under one or more agreements, side by side',
        description:
          'Every branch tried with its arithmetic, the origin criterion for the certificate, whether the FOB ' +
          'value must be printed, and what would change the answer. Nothing is stored. The bill of materials ' +
          'is described in src/origin/bill-of-materials.ts (schema) and docs/origin.md.',
        tags: ['origin'],
        body: z.strictObject({
          bill: z.unknown(),
          agreements: z.array(z.string().max(20)).max(10),
          date: Day.optional().describe('The day whose rules apply (China time); today by default'),
        }),
        response: {
          200: z.object({
            date: z.string(),
            rows: z
              .array(z.unknown())
              .describe(
                'One line per agreement: status, country, criterion, whether FOB is printed, rule source',
              ),
            determinations: z
              .array(z.unknown())
              .describe(
                'Per agreement: every branch with its arithmetic, materials, advice (OriginDetermination)',
              ),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => evaluateOrigin(deps, actorOf(request), request.body),
  );
}
