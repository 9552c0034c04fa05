/** Writes of notifications: opening one, marking all read. */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { notifications, posts } from '@/db/schema';
import { requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/** Marks one notification (the actor's own) read and returns where it points. */
export async function openNotification({ actor, id }: { actor: CurrentUser; id: number }) {
  requireUser(actor);
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
    .returning({ kind: notifications.kind, threadId: notifications.threadId, postId: notifications.postId });
  if (!row) throw new AppError('not_found:notification');
  if (row.postId) {
    const [post] = await db.select({ number: posts.number }).from(posts).where(eq(posts.id, row.postId)).limit(1);
    return { threadId: row.threadId, number: post?.number ?? null };
  }
  return { threadId: row.threadId, number: null };
}

export async function markAllNotificationsRead({ actor }: { actor: CurrentUser }) {
  requireUser(actor);
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
}
