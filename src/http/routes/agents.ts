import { z } from 'zod';
import { authoriseAgent } from '../../app/agents/authorise-agent.js';
import { listAgentAuthorisations, listPrincipals } from '../../app/agents/list-agent-authorisations.js';
import { revokeAgent } from '../../app/agents/revoke-agent.js';
import { actorOf } from '../auth.js';
import { Day, Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const Name = z.object({ en: z.string(), zh: z.string() });
const AgentAuthorisation = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    agencyId: z.string(),
    enterpriseName: Name,
    agencyName: Name,
    certificateTypes: z.array(z.string()),
    validFrom: z.string(),
    validUntil: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    state: z.enum(['active', 'pending', 'expired', 'revoked']),
  })
  .meta({ id: 'AgentAuthorisation' });

/** Agencies acting for enterprises: authorisation by the enterprise, revocation, the agency's principals. */
export function agentRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/enterprises/:id/agents',
    {
      schema: {
        operationId: 'listAgentAuthorisations',
        summary: 'Agencies the enterprise has authorised, past and present',
        tags: ['agents'],
        params: z.strictObject({ id: Id }),
        response: { 200: z.object({ items: z.array(AgentAuthorisation) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listAgentAuthorisations(deps, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/enterprises/:id/agents',
    {
      schema: {
        operationId: 'authoriseAgent',
        summary: 'Authorise an agency for certificate types over a period (days in China Standard Time)',
        tags: ['agents'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({
          agencyId: Id,
          certificateTypes: z.array(z.string().max(4)).max(50),
          validFrom: Day,
          validUntil: Day,
        }),
        response: { 201: AgentAuthorisation, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await authoriseAgent(deps, actorOf(request), { enterpriseId: request.params.id, ...request.body }),
        ),
  );

  app.post(
    '/api/agent-authorisations/:id/revoke',
    {
      schema: {
        operationId: 'revokeAgent',
        summary: 'Revoke an authorisation with immediate effect',
        tags: ['agents'],
        params: z.strictObject({ id: Id }),
        response: { 200: AgentAuthorisation, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => revokeAgent(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/agency/principals',
    {
      schema: {
        operationId: 'listPrincipals',
        summary: 'For agent staff: the enterprises their agency is authorised by',
        tags: ['agents'],
        response: { 200: z.object({ items: z.array(AgentAuthorisation) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listPrincipals(deps, actorOf(request)) }),
  );
}
