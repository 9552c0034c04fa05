/** Reads of the forum index and of one thread with its posts. */
import 'server-only';
import { and, asc, between, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cache } from 'react';
import { db, preparedQuery } from '@/db/client';
import {
  communes,
  consultations,
  postRevisions,
  posts,
  serviceAreas,
  threadAreas,
  threadReads,
  threads,
  users,
} from '@/db/schema';
import { type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { storedHtml } from '@/lib/markdown';
import { canSeeHidden } from './permissions';
import { POSTS_PER_PAGE, THREADS_PER_PAGE } from './schema';

type ThreadArea = { id: number; slug: string; namePl: string; nameEn: string };

/** A thread's service areas in their order, as one json value: read in the thread's own statement. */
const areasOfThread = sql<ThreadArea[] | string>`(
  select coalesce(json_agg(json_build_object('id', sa.id, 'slug', sa.slug, 'namePl', sa.name_pl, 'nameEn', sa.name_en) order by sa.position), '[]'::json)
  from ${threadAreas} ta join ${serviceAreas} sa on sa.id = ta.service_area_id
  where ta.thread_id = ${threads.id})`;

/** json arrives parsed from postgres.js and PGlite alike; a string would be a driver's choice. */
function parsedAreas(value: ThreadArea[] | string): ThreadArea[] {
  return typeof value === 'string' ? (JSON.parse(value) as ThreadArea[]) : value;
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
/** Which page of the forum's list: a commune (or the county's own threads), an area, where the previous page ended. */
export interface ListFilters {
  commune?: number | 'county';
  areaId?: number;
  cursor?: string;
}

/** The list's filters as SQL; its order is ORDER_OF_LIST. */
function listConditions({ commune, areaId, cursor }: ListFilters): SQL[] {
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
  return conditions;
}

const ORDER_OF_LIST = [desc(threads.pinned), desc(threads.lastPostAt), desc(threads.id)];

export async function listThreads({ viewer, ...filters }: { viewer: CurrentUser | null } & ListFilters) {
  const conditions = listConditions(filters);
  const list = await db
    .select({
      ...threadColumns,
      lastPostAt: threads.lastPostAt,
      lastPostMicros: sql<string>`(extract(epoch from ${threads.lastPostAt}) * 1000000)::bigint::text`,
      lastRead: viewer ? sql<number | null>`${threadReads.lastReadNumber}` : sql<null>`null`,
      areas: areasOfThread,
    })
    .from(threads)
    .leftJoin(communes, eq(communes.id, threads.communeId))
    .leftJoin(consultations, eq(consultations.threadId, threads.id))
    .leftJoin(threadReads, viewer ? and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, viewer.id)) : sql`false`)
    .where(and(...conditions))
    .orderBy(...ORDER_OF_LIST)
    .limit(THREADS_PER_PAGE + 1);
  const page = list.slice(0, THREADS_PER_PAGE);
  const last = page[page.length - 1];
  return {
    threads: page.map(({ lastRead, areas, ...t }) => ({
      ...t,
      lastPostMicros: undefined,
      areas: parsedAreas(areas),
      unread: viewer ? t.postCount - (lastRead ?? 0) : null,
    })),
    nextCursor: list.length > THREADS_PER_PAGE && last ? `${last.pinned ? 1 : 0}.${last.lastPostMicros}.${last.id}` : null,
  };
}

/**
 * How many posts of each thread on a page of the list the reader has not read: what a members'
 * kept list lacks (app/_http/viewer.ts), read without the rest of what the list shows.
 */
export async function unreadOfList({ viewer, ...filters }: { viewer: CurrentUser } & ListFilters): Promise<{ id: number; unread: number }[]> {
  const rows = await db
    .select({ id: threads.id, postCount: threads.postCount, lastRead: threadReads.lastReadNumber })
    .from(threads)
    .leftJoin(threadReads, and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, viewer.id)))
    .where(and(...listConditions(filters)))
    .orderBy(...ORDER_OF_LIST)
    .limit(THREADS_PER_PAGE);
  return rows.map((row) => ({ id: row.id, unread: row.postCount - (row.lastRead ?? 0) }));
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
}

// The thread page is the forum's most read page, so its reads are few and prepared once per
// connection (db/client.ts preparedQuery): the thread with its areas (one row), one page of posts
// with their authors and quoted posts (one statement); an edited post's history only when the page
// has one. What concerns a signed-in reader is read apart (lib/forum/thread-viewer.ts): the page a
// member is shown is kept and shared, and only their controls are read for them.

/** A thread with its commune, consultation and service areas. */
const threadHeadQuery = preparedQuery((database) =>
  database
    .select({
      ...threadColumns,
      createdAt: threads.createdAt,
      areas: areasOfThread,
    })
    .from(threads)
    .leftJoin(communes, eq(communes.id, threads.communeId))
    .leftJoin(consultations, eq(consultations.threadId, threads.id))
    .where(eq(threads.id, sql.placeholder('threadId')))
    .limit(1)
    .prepare('forum_thread_head'),
);

/**
 * The thread's row, once per request (React's cache): the page's title (generateMetadata) and the
 * page itself read it together.
 */
export const threadHead = cache(async (threadId: number) => {
  const [row] = await threadHeadQuery().execute({ threadId });
  return row ? { ...row, areas: parsedAreas(row.areas) } : null;
});

const quotedPosts = alias(posts, 'quoted_post');
const quotedAuthors = alias(users, 'quoted_author');

/** An author's name as pages show it: a deleted account keeps an empty name (lib/auth/mutations.ts), which pages name "deleted". */
const shownName = (name: string | null): string | null => name || null;

/** Posts numbered from..to of a thread, with what each shows beside its text. */
const threadPostsQuery = preparedQuery((database) =>
  database
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
      quotedId: quotedPosts.id,
      quotedNumber: quotedPosts.number,
      quotedAuthorName: quotedAuthors.name,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(quotedPosts, eq(quotedPosts.id, posts.quotedPostId))
    .leftJoin(quotedAuthors, eq(quotedAuthors.id, quotedPosts.authorId))
    .where(and(eq(posts.threadId, sql.placeholder('threadId')), between(posts.number, sql.placeholder('from'), sql.placeholder('to'))))
    .orderBy(asc(posts.number))
    .prepare('forum_thread_posts'),
);

/** Which page of a thread's posts is shown (the last if asked past it), and its range of numbers. */
export function pageRange(postCount: number, page: number | undefined) {
  const pages = Math.max(1, Math.ceil(postCount / POSTS_PER_PAGE));
  const current = Math.min(Math.max(1, page ?? 1), pages);
  return { pages, current, from: (current - 1) * POSTS_PER_PAGE + 1, to: current * POSTS_PER_PAGE };
}

/**
 * A thread and one page of its posts. Pages are ranges of the gap-free post number, read through
 * the (thread_id, number) index: the last page of a 2,000-post thread costs what the first does.
 * `viewer` decides only what text is shown: a hidden post's to its moderators, a post's Markdown
 * to its author (the edit form); what they may do is lib/forum/thread-viewer.ts's. Reads only.
 */
export async function getThread({ viewer, threadId, page }: { viewer: CurrentUser | null; threadId: number; page?: number }) {
  const thread = await threadHead(threadId);
  if (!thread) throw new AppError('not_found:thread');
  const { pages, current, from, to } = pageRange(thread.postCount, page);
  const list = await threadPostsQuery().execute({ threadId, from, to });
  // Only an edited post has earlier versions (editPost writes both in one transaction).
  const edited = list.filter((p) => p.editedAt !== null).map((p) => p.id);
  const revisionRows = edited.length
    ? await db.select().from(postRevisions).where(inArray(postRevisions.postId, edited)).orderBy(desc(postRevisions.id))
    : [];
  const seeHidden = canSeeHidden(viewer, thread.communeId);
  const postViews: PostView[] = list.map((p) => {
    const hidden = p.hiddenAt ? { reason: p.hiddenReason, auto: p.hiddenAuto } : null;
    const visible = !hidden || seeHidden;
    return {
      id: p.id,
      number: p.number,
      authorId: p.authorId,
      authorName: shownName(p.authorName),
      createdAt: p.createdAt,
      editedAt: p.editedAt,
      html: visible ? storedHtml(p.bodyHtml, p.body) : null,
      body: visible && p.authorId === viewer?.id ? p.body : null,
      hidden,
      quoted: p.quotedId !== null && p.quotedNumber !== null ? { id: p.quotedId, number: p.quotedNumber, authorName: shownName(p.quotedAuthorName) } : null,
      revisions: visible
        ? revisionRows.filter((r) => r.postId === p.id).map((r) => ({ id: r.id, html: storedHtml(r.bodyHtml, r.body), writtenAt: r.writtenAt }))
        : [],
    };
  });
  return {
    thread,
    posts: postViews,
    page: current,
    pages,
  };
}

/** Just the title of a thread (page metadata), or null; shares the page's read of the thread. */
export async function getThreadTitle({ threadId }: { threadId: number }) {
  return (await threadHead(threadId))?.title ?? null;
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
  return { id: row.id, number: row.number, authorName: shownName(row.authorName), markdown: `${text.split('\n').map((line) => `> ${line}`).join('\n')}\n\n` };
}
