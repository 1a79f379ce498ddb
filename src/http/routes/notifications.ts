import { z } from 'zod';
import { listNotifications } from '../../app/notifications/list-notifications.js';
import { markNotificationRead } from '../../app/notifications/mark-notification-read.js';
import { actorOf } from '../auth.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const Notification = z
  .object({
    id: z.string(),
    userId: z.string(),
    key: z.string(),
    subjectType: z.enum(['application', 'pre_review', 'verification_case']),
    subjectId: z.string(),
    message: z.object({ en: z.string(), zh: z.string() }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

/** A person's notifications (officers: overdue requests for evidence escalated to them). */
export function notificationRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        summary: 'The caller’s own notifications, newest first, with the unread count',
        tags: ['notifications'],
        querystring: z.strictObject({
          unreadOnly: z.enum(['true', 'false']).optional(),
          beforeCreatedAt: z.string().max(40).optional(),
          beforeId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(Notification),
            unread: z.number().int(),
            next: z.object({ createdAt: z.string(), id: z.string() }).nullable(),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { unreadOnly, beforeCreatedAt, beforeId, limit } = request.query;
      return listNotifications(deps, actorOf(request), {
        unreadOnly: unreadOnly === 'true',
        before: beforeCreatedAt && beforeId ? { createdAt: beforeCreatedAt, id: beforeId } : undefined,
        limit,
      });
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        summary: 'Mark one of the caller’s notifications as read',
        tags: ['notifications'],
        params: z.strictObject({ id: Id }),
        response: { 204: z.null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await markNotificationRead(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
