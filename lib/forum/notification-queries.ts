/** Reads of a member's notifications. */
import 'server-only';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { db, preparedQuery } from '@/db/client';
import { communes, memberships, notifications, threads } from '@/db/schema';
import { requireUser, type CurrentUser } from '@/lib/auth/permissions';

const unreadQuery = preparedQuery((database) =>
  database
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare('unread_notifications'),
);

export async function countUnreadNotifications({ actor }: { actor: CurrentUser }) {
  const [row] = await unreadQuery().execute({ userId: actor.id });
  return row?.n ?? 0;
}

/** The viewer's notifications, newest first; keyset on id. */
export async function listNotifications({ actor, cursor }: { actor: CurrentUser; cursor?: number }) {
  requireUser(actor);
  const list = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      threadId: notifications.threadId,
      threadTitle: threads.title,
      details: notifications.details,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      communeName: communes.name,
    })
    .from(notifications)
    .leftJoin(threads, eq(threads.id, notifications.threadId))
    .leftJoin(memberships, eq(memberships.id, notifications.membershipId))
    .leftJoin(communes, eq(communes.id, memberships.communeId))
    .where(and(eq(notifications.userId, actor.id), cursor ? lt(notifications.id, cursor) : undefined))
    .orderBy(desc(notifications.id))
    .limit(31);
  return { notifications: list.slice(0, 30), nextCursor: list.length > 30 ? list[29]!.id : null };
}
