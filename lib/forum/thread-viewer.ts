/** The part of a thread's page that is one signed-in reader's alone (lib/forum/thread-controls.ts). */
import 'server-only';
import { and, between, desc, eq, gt, sql } from 'drizzle-orm';
import { preparedQuery } from '@/db/client';
import { memberships, postingSuspensions, postReports, posts, threadFollows, threadReads, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canEdit, canModerate, canReport, canWrite, type MemberSeat } from './permissions';
import type { PostControls } from './thread-controls';
import { pageRange, threadHead } from './thread-queries';

/** What concerns a signed-in viewer on a thread: following, read up to, their seat, a suspension. */
const threadViewerQuery = preparedQuery((database) => {
  const suspension = database
    .select({ until: postingSuspensions.until, reason: postingSuspensions.reason })
    .from(postingSuspensions)
    .where(and(eq(postingSuspensions.userId, users.id), gt(postingSuspensions.until, sql`now()`)))
    .orderBy(desc(postingSuspensions.until))
    .limit(1)
    .as('suspension');
  return database
    .select({
      following: sql<boolean>`exists (${database
        .select({ one: sql`1` })
        .from(threadFollows)
        .where(and(eq(threadFollows.userId, users.id), eq(threadFollows.threadId, sql.placeholder('threadId'))))})`,
      lastRead: sql<number | null>`(${database
        .select({ n: threadReads.lastReadNumber })
        .from(threadReads)
        .where(and(eq(threadReads.userId, users.id), eq(threadReads.threadId, sql.placeholder('threadId'))))})`,
      membershipId: memberships.id,
      seatCommuneId: memberships.communeId,
      representation: memberships.representation,
      suspendedUntil: suspension.until,
      suspensionReason: suspension.reason,
    })
    .from(users)
    // At most one approved membership per person (forum_memberships_live_idx).
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.status, 'approved')))
    .leftJoinLateral(suspension, sql`true`)
    .where(eq(users.id, sql.placeholder('userId')))
    .limit(1)
    .prepare('forum_thread_viewer');
});

async function viewerState(viewer: CurrentUser, threadId: number) {
  const [row] = await threadViewerQuery().execute({ userId: viewer.id, threadId });
  const seat: MemberSeat | null =
    row?.membershipId != null && row.seatCommuneId != null && row.representation != null
      ? { membershipId: row.membershipId, communeId: row.seatCommuneId, representation: row.representation }
      : null;
  return {
    following: Boolean(row?.following),
    lastRead: row?.lastRead ?? null,
    seat,
    suspension: row?.suspendedUntil ? { until: row.suspendedUntil, reason: row.suspensionReason ?? '' } : null,
  };
}


/** A page's posts with what decides their controls. */
const viewerPostsQuery = preparedQuery((database) =>
  database
    .select({
      id: posts.id,
      authorId: posts.authorId,
      hidden: sql<boolean>`${posts.hiddenAt} is not null`,
      reported: sql<boolean>`exists (${database
        .select({ one: sql`1` })
        .from(postReports)
        .where(and(eq(postReports.postId, posts.id), eq(postReports.reporterId, sql.placeholder('viewerId'))))})`,
    })
    .from(posts)
    .where(and(eq(posts.threadId, sql.placeholder('threadId')), between(posts.number, sql.placeholder('from'), sql.placeholder('to'))))
    .prepare('forum_thread_viewer_posts'),
);

/**
 * What a signed-in reader may do on one page of a thread (the members' kept page shows it after
 * loading): follow, write, moderate, and per post edit or report. Reads only, like the page.
 * `suspension`: in force, with its end and reason. A hidden post's text is never in it: staff read
 * threads on pages rendered for them (proxy.ts), where getThread gives it to its moderators.
 */
export async function getThreadViewer({ viewer, threadId, page }: { viewer: CurrentUser; threadId: number; page?: number }) {
  const [thread, mine] = await Promise.all([threadHead(threadId), viewerState(viewer, threadId)]);
  if (!thread) throw new AppError('not_found:thread');
  const { from, to } = pageRange(thread.postCount, page);
  const rows = await viewerPostsQuery().execute({ threadId, from, to, viewerId: viewer.id });
  const controls: Record<string, PostControls> = {};
  for (const row of rows) {
    controls[String(row.id)] = {
      edit: canEdit(viewer, { authorId: row.authorId, hidden: row.hidden }, thread.locked),
      report: canReport(viewer, row.authorId) && !row.hidden,
      reported: Boolean(row.reported),
    };
  }
  return {
    threadId,
    following: mine.following,
    mayWrite: canWrite(viewer, mine.seat, thread.communeId) && !thread.locked,
    mayModerate: canModerate(viewer, thread.communeId),
    lastRead: mine.lastRead,
    suspension: mine.suspension,
    posts: controls,
  };
}
