/** Reads of the forum index and of one thread with its posts. */
import 'server-only';
import { and, asc, between, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  communes,
  consultations,
  postReports,
  postRevisions,
  posts,
  serviceAreas,
  threadAreas,
  threadFollows,
  threadReads,
  threads,
  users,
} from '@/db/schema';
import { type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { storedHtml } from '@/lib/markdown';
import { canEdit, canModerate, canReport, canSeeHidden, canWrite } from './permissions';
import { POSTS_PER_PAGE, THREADS_PER_PAGE } from './schema';
import { getSeat } from './seat';

async function areasOf(threadIds: number[]) {
  const byThread = new Map<number, { id: number; slug: string; namePl: string; nameEn: string }[]>();
  if (threadIds.length === 0) return byThread;
  const list = await db
    .select({ threadId: threadAreas.threadId, id: serviceAreas.id, slug: serviceAreas.slug, namePl: serviceAreas.namePl, nameEn: serviceAreas.nameEn })
    .from(threadAreas)
    .innerJoin(serviceAreas, eq(serviceAreas.id, threadAreas.serviceAreaId))
    .where(inArray(threadAreas.threadId, threadIds))
    .orderBy(asc(serviceAreas.position));
  for (const { threadId, ...area } of list) byThread.set(threadId, [...(byThread.get(threadId) ?? []), area]);
  return byThread;
}

/** A thread with its commune and consultation (left-joined on communes and consultations). */
const threadColumns = {
  id: threads.id,
  title: threads.title,
  communeId: threads.communeId,
  communeName: communes.name,
  pinned: threads.pinned,
  locked: threads.locked,
  postCount: threads.postCount,
  consultationId: consultations.id,
};

/**
 * One page of threads, pinned first then by latest post, filtered by commune ("county" for the
 * county's own threads) and service area; for a signed-in viewer, with unread counts. Keyset
 * pagination on (pinned, last_post_at, id); the cursor is "pinned.epochMicros.id".
 */
export async function listThreads({
  viewer,
  commune,
  areaId,
  cursor,
}: {
  viewer: CurrentUser | null;
  commune?: number | 'county';
  areaId?: number;
  cursor?: string;
}) {
  const conditions: SQL[] = [];
  if (commune === 'county') conditions.push(isNull(threads.communeId));
  else if (commune !== undefined) conditions.push(eq(threads.communeId, commune));
  if (areaId !== undefined) {
    conditions.push(sql`exists (select 1 from forum_thread_areas ta where ta.thread_id = ${threads.id} and ta.service_area_id = ${areaId})`);
  }
  if (cursor) {
    const [pinned, micros, id] = cursor.split('.');
    const pinnedValue = pinned === '1';
    conditions.push(
      sql`(${threads.pinned}, ${threads.lastPostAt}, ${threads.id}) < (${pinnedValue}, to_timestamp(${Number(micros) / 1e6}), ${Number(id)})`,
    );
  }
  const list = await db
    .select({
      ...threadColumns,
      lastPostAt: threads.lastPostAt,
      lastPostMicros: sql<string>`(extract(epoch from ${threads.lastPostAt}) * 1000000)::bigint::text`,
      lastRead: viewer ? sql<number | null>`${threadReads.lastReadNumber}` : sql<null>`null`,
    })
    .from(threads)
    .leftJoin(communes, eq(communes.id, threads.communeId))
    .leftJoin(consultations, eq(consultations.threadId, threads.id))
    .leftJoin(threadReads, viewer ? and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, viewer.id)) : sql`false`)
    .where(and(...conditions))
    .orderBy(desc(threads.pinned), desc(threads.lastPostAt), desc(threads.id))
    .limit(THREADS_PER_PAGE + 1);
  const page = list.slice(0, THREADS_PER_PAGE);
  const last = page[page.length - 1];
  const areas = await areasOf(page.map((t) => t.id));
  return {
    threads: page.map(({ lastRead, ...t }) => ({
      ...t,
      lastPostMicros: undefined,
      areas: areas.get(t.id) ?? [],
      unread: viewer ? t.postCount - (lastRead ?? 0) : null,
    })),
    nextCursor: list.length > THREADS_PER_PAGE && last ? `${last.pinned ? 1 : 0}.${last.lastPostMicros}.${last.id}` : null,
  };
}

export interface PostView {
  id: number;
  number: number;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  /** Safe HTML from lib/markdown; null when hidden from this viewer. */
  html: string | null;
  body: string | null;
  hidden: { reason: string | null; auto: boolean } | null;
  quoted: { id: number; number: number; authorName: string | null } | null;
  revisions: { id: number; html: string; writtenAt: Date }[];
  mayEdit: boolean;
  mayReport: boolean;
  reportedByViewer: boolean;
}

/**
 * A thread and one page of its posts. Pages are ranges of the gap-free post number, read through
 * the (thread_id, number) index: the last page of a 2,000-post thread costs what the first does.
 */
export async function getThread({ viewer, threadId, page }: { viewer: CurrentUser | null; threadId: number; page?: number }) {
  const [thread] = await db
    .select({ ...threadColumns, createdAt: threads.createdAt })
    .from(threads)
    .leftJoin(communes, eq(communes.id, threads.communeId))
    .leftJoin(consultations, eq(consultations.threadId, threads.id))
    .where(eq(threads.id, threadId))
    .limit(1);
  if (!thread) throw new AppError('not_found:thread');
  const pages = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const current = Math.min(Math.max(1, page ?? 1), pages);
  const from = (current - 1) * POSTS_PER_PAGE + 1;
  const to = current * POSTS_PER_PAGE;
  const list = await db
    .select({
      id: posts.id,
      number: posts.number,
      authorId: posts.authorId,
      authorName: users.name,
      body: posts.body,
      bodyHtml: posts.bodyHtml,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      hiddenAt: posts.hiddenAt,
      hiddenReason: posts.hiddenReason,
      hiddenAuto: posts.hiddenAuto,
      quotedPostId: posts.quotedPostId,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.threadId, threadId), between(posts.number, from, to)))
    .orderBy(asc(posts.number));
  const ids = list.map((p) => p.id);
  const quotedIds = list.map((p) => p.quotedPostId).filter((id): id is number => id !== null);
  const [revisionRows, quotedRows, reportedRows, seat, areas, followRow] = await Promise.all([
    ids.length
      ? db.select().from(postRevisions).where(inArray(postRevisions.postId, ids)).orderBy(desc(postRevisions.id))
      : Promise.resolve([]),
    quotedIds.length
      ? db.select({ id: posts.id, number: posts.number, authorName: users.name }).from(posts).leftJoin(users, eq(users.id, posts.authorId)).where(inArray(posts.id, quotedIds))
      : Promise.resolve([]),
    viewer && ids.length
      ? db.select({ postId: postReports.postId }).from(postReports).where(and(eq(postReports.reporterId, viewer.id), inArray(postReports.postId, ids)))
      : Promise.resolve([]),
    viewer ? getSeat(viewer.id) : Promise.resolve(null),
    areasOf([threadId]),
    viewer
      ? db.select({ userId: threadFollows.userId }).from(threadFollows).where(and(eq(threadFollows.userId, viewer.id), eq(threadFollows.threadId, threadId))).limit(1)
      : Promise.resolve([]),
  ]);
  const seeHidden = canSeeHidden(viewer, thread.communeId);
  const reported = new Set(reportedRows.map((r) => r.postId));
  const quoted = new Map(quotedRows.map((q) => [q.id, q]));
  const postViews: PostView[] = list.map((p) => {
    const hidden = p.hiddenAt ? { reason: p.hiddenReason, auto: p.hiddenAuto } : null;
    const visible = !hidden || seeHidden;
    return {
      id: p.id,
      number: p.number,
      authorId: p.authorId,
      authorName: p.authorName,
      createdAt: p.createdAt,
      editedAt: p.editedAt,
      html: visible ? storedHtml(p.bodyHtml, p.body) : null,
      body: visible && p.authorId === viewer?.id ? p.body : null,
      hidden,
      quoted: p.quotedPostId ? (quoted.get(p.quotedPostId) ?? null) : null,
      revisions: visible
        ? revisionRows.filter((r) => r.postId === p.id).map((r) => ({ id: r.id, html: storedHtml(r.bodyHtml, r.body), writtenAt: r.writtenAt }))
        : [],
      mayEdit: canEdit(viewer, { authorId: p.authorId, hidden: hidden !== null }, thread.locked),
      mayReport: canReport(viewer, p.authorId) && !hidden,
      reportedByViewer: reported.has(p.id),
    };
  });
  return {
    thread: { ...thread, areas: areas.get(threadId) ?? [] },
    posts: postViews,
    page: current,
    pages,
    mayWrite: canWrite(viewer, seat, thread.communeId) && !thread.locked,
    mayModerate: canModerate(viewer, thread.communeId),
    following: followRow.length > 0,
  };
}

/** Just the title of a thread (page metadata), or null. */
export async function getThreadTitle({ threadId }: { threadId: number }) {
  const [row] = await db.select({ title: threads.title }).from(threads).where(eq(threads.id, threadId)).limit(1);
  return row?.title ?? null;
}

/** The Markdown of a post to quote in a reply (visible posts only), as "> " lines. */
export async function getQuote({ threadId, postId }: { threadId: number; postId: number }) {
  const [row] = await db
    .select({ id: posts.id, number: posts.number, body: posts.body, hiddenAt: posts.hiddenAt, authorName: users.name })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId)))
    .limit(1);
  if (!row || row.hiddenAt) return null;
  const text = row.body.length > 1500 ? `${row.body.slice(0, 1500)}…` : row.body;
  return { id: row.id, number: row.number, authorName: row.authorName, markdown: `${text.split('\n').map((line) => `> ${line}`).join('\n')}\n\n` };
}
