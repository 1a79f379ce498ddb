import { z } from 'zod';
import { listReceipts, markReceiptRead } from '../../app/receipts/inbox.js';
import {
  createWebhook,
  listWebhookDeliveries,
  listWebhooks,
  revokeWebhook,
} from '../../app/receipts/webhooks.js';
import { APPLICATION_STATUSES } from '../../app/ports.js';
import { actorOf } from '../auth.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const Receipt = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    agencyId: z.string().nullable(),
    applicationId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    certificateNumber: z.string().nullable(),
    message: z.object({ en: z.string(), zh: z.string() }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Receipt' });
const Webhook = z
  .object({
    id: z.string(),
    orgId: z.string(),
    url: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Webhook' });
const Delivery = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    receiptId: z.string(),
    attempt: z.number().int(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
    deliveredAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

/** Receipts of every status change: the portal inbox, and webhooks for system clients. */
export function receiptRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/inbox',
    {
      schema: {
        operationId: 'listReceipts',
        summary: 'Receipts of the caller’s enterprise or agency, newest first, with the unread count',
        tags: ['receipts'],
        querystring: z.strictObject({
          unreadOnly: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(Receipt), unread: z.number().int() }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) =>
      listReceipts(deps, actorOf(request), {
        unreadOnly: request.query.unreadOnly === 'true',
        limit: request.query.limit,
      }),
  );

  app.post(
    '/api/inbox/:id/read',
    {
      schema: {
        operationId: 'markReceiptRead',
        summary: 'Mark a receipt as read',
        tags: ['receipts'],
        params: z.strictObject({ id: Id }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await markReceiptRead(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organisations/:id/webhooks',
    {
      schema: {
        operationId: 'createWebhook',
        summary: 'Register a URL for the organisation’s receipts; the signing secret is shown once',
        description:
          'Each receipt is POSTed as JSON with x-origo-event-id, x-origo-timestamp and x-origo-signature: ' +
          'sha256=HMAC-SHA256(secret, timestamp + "." + body) in hex. A non-2xx answer is retried with backoff.',
        tags: ['receipts'],
        params: z.strictObject({ id: Id }),
        body: z.strictObject({ url: z.string().max(500) }),
        response: {
          201: z.object({ webhook: Webhook, secret: z.string() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createWebhook(deps, actorOf(request), { orgId: request.params.id, url: request.body.url }),
        ),
  );

  app.get(
    '/api/organisations/:id/webhooks',
    {
      schema: {
        operationId: 'listWebhooks',
        summary: 'The organisation’s webhooks (secrets are never shown again)',
        tags: ['receipts'],
        params: z.strictObject({ id: Id }),
        response: { 200: z.object({ items: z.array(Webhook) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listWebhooks(deps, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/webhooks/:id/revoke',
    {
      schema: {
        operationId: 'revokeWebhook',
        summary: 'Stop deliveries to a webhook',
        tags: ['receipts'],
        params: z.strictObject({ id: Id }),
        response: { 200: Webhook, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => revokeWebhook(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: 'The delivery log: every attempt with its answer or error, newest first',
        tags: ['receipts'],
        params: z.strictObject({ id: Id }),
        response: { 200: z.object({ items: z.array(Delivery) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listWebhookDeliveries(deps, actorOf(request), request.params.id) }),
  );
}
