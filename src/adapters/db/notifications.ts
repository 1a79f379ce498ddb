import type { Kysely, Transaction } from 'kysely';
import type { NotificationRecord, NotificationRepository } from '../../app/ports.js';
import type { Database, NotificationsTable } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

function toNotification(row: NotificationsTable): NotificationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    key: row.key,
    subjectType: row.subject_type as NotificationRecord['subjectType'],
    subjectId: row.subject_id,
    message: JSON.parse(row.message) as NotificationRecord['message'],
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** Notifications to people (officers), at most one per person and key. */
export function notifications(db: Executor): NotificationRepository {
  return {
    async insert(notification) {
      const result = await db
        .insertInto('notifications')
        .values({
          id: notification.id,
          user_id: notification.userId,
          key: notification.key,
          subject_type: notification.subjectType,
          subject_id: notification.subjectId,
          message: JSON.stringify(notification.message),
          created_at: notification.createdAt,
          read_at: notification.readAt,
        })
        .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async findById(id) {
      const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toNotification(row);
    },
    async listFor(userId, filter) {
      let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (filter.unreadOnly) query = query.where('read_at', 'is', null);
      const before = filter.before;
      if (before)
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', before.createdAt),
            eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
          ]),
        );
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .execute();
      return rows.map(toNotification);
    },
    async countUnread(userId) {
      const row = await db
        .selectFrom('notifications')
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async markRead(id, at) {
      await db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .execute();
    },
  };
}
