/** Moderation writes: reports, hiding and restoring posts, thread flags, suspensions. */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { notifications, postReports, posts, postingSuspensions, threads } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { canModerate, canReport } from './permissions';
import { type ThreadFlag } from './schema';
import { getForumSettings } from './settings';
import { getPostRow, getThreadRow } from './thread-mutations';
import { mailForumNotifications } from '@/lib/mail/forum';

/**
 * Reports a post. When the number of different members with an open report on it reaches the
 * deployment's threshold, the post is hidden at once pending review and its author is told.
 */
export async function reportPost({ actor, postId, reason }: { actor: CurrentUser; postId: number; reason: string }) {
  requireUser(actor);
  const { post } = await getPostRow(postId);
  ensure(canReport(actor, post.authorId), 'forbidden:own_post');
  const settings = await getForumSettings();
  return db.transaction(async (tx) => {
    const [report] = await tx.insert(postReports).values({ postId, reporterId: actor.id, reason: reason.trim() }).onConflictDoNothing().returning({ id: postReports.id });
    if (!report) throw new AppError('conflict:already_reported');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(distinct ${postReports.reporterId})::int` })
      .from(postReports)
      .where(and(eq(postReports.postId, postId), isNull(postReports.resolvedAt)));
    let hidden = false;
    if (n >= settings.autoHideReports) {
      const [auto] = await tx
        .update(posts)
        .set({ hiddenAt: new Date(), hiddenAuto: true, hiddenBy: null, hiddenReason: null })
        .where(and(eq(posts.id, postId), isNull(posts.hiddenAt)))
        .returning({ id: posts.id });
      if (auto) {
        hidden = true;
        if (post.authorId) {
          const notice = { userId: post.authorId, kind: 'post_hidden' as const, threadId: post.threadId, postId, details: { auto: true } };
          await tx.insert(notifications).values(notice);
          await mailForumNotifications(tx, [notice]);
        }
        await recordAudit(tx, { actorId: null, action: 'post.auto_hide', targetType: 'post', targetId: postId, details: { reports: n } });
      }
    }
    return { hidden };
  });
}

/** A moderator of the thread's scope hides a post (with a reason) or restores it; open reports are resolved. */
export async function moderatePost({ actor, postId, action, reason }: { actor: CurrentUser; postId: number; action: 'hide' | 'restore'; reason: string }) {
  requireUser(actor);
  const { post, communeId } = await getPostRow(postId);
  ensure(canModerate(actor, communeId));
  if (action === 'hide' && reason.trim().length < 3) throw fieldError('reason', 'reason_required');
  await db.transaction(async (tx) => {
    await tx
      .update(posts)
      .set(
        action === 'hide'
          ? { hiddenAt: new Date(), hiddenBy: actor.id, hiddenReason: reason.trim(), hiddenAuto: false }
          : { hiddenAt: null, hiddenBy: null, hiddenReason: null, hiddenAuto: false },
      )
      .where(eq(posts.id, postId));
    await tx.update(postReports).set({ resolvedAt: new Date(), resolvedBy: actor.id }).where(and(eq(postReports.postId, postId), isNull(postReports.resolvedAt)));
    if (action === 'hide' && post.authorId && post.authorId !== actor.id) {
      const notice = { userId: post.authorId, kind: 'post_hidden' as const, threadId: post.threadId, postId, details: { reason: reason.trim() } };
      await tx.insert(notifications).values(notice);
      await mailForumNotifications(tx, [notice]);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: action === 'hide' ? 'post.hide' : 'post.restore',
      targetType: 'post',
      targetId: postId,
      details: { threadId: post.threadId, reason: reason.trim() },
    });
  });
  return { threadId: post.threadId, number: post.number };
}

export async function setThreadFlag({ actor, threadId, flag }: { actor: CurrentUser; threadId: number; flag: ThreadFlag }) {
  requireUser(actor);
  const thread = await getThreadRow(threadId);
  ensure(canModerate(actor, thread.communeId));
  const change = flag === 'lock' ? { locked: true } : flag === 'unlock' ? { locked: false } : flag === 'pin' ? { pinned: true } : { pinned: false };
  await db.transaction(async (tx) => {
    await tx.update(threads).set(change).where(eq(threads.id, threadId));
    await recordAudit(tx, { actorId: actor.id, action: `thread.${flag}`, targetType: 'thread', targetId: threadId });
  });
}

/** Suspends the posting of a post's author for `days` days; moderators of the post's scope. */
export async function suspendPosting({ actor, postId, days, reason }: { actor: CurrentUser; postId: number; days: number; reason: string }) {
  requireUser(actor);
  const { post, communeId } = await getPostRow(postId);
  ensure(canModerate(actor, communeId));
  if (!post.authorId || post.authorId === actor.id) throw new AppError('forbidden:self');
  const until = new Date(Date.now() + days * 24 * 3600 * 1000);
  await db.transaction(async (tx) => {
    await tx.insert(postingSuspensions).values({ userId: post.authorId!, until, reason: reason.trim(), createdBy: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.suspend_posting',
      targetType: 'user',
      targetId: post.authorId,
      details: { postId, days, until: until.toISOString(), reason: reason.trim() },
    });
  });
  return { until };
}
