/** Writes of threads and posts: creating, replying, editing, following, reading. */
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  communes,
  notifications,
  postRevisions,
  posts,
  serviceAreas,
  threadAreas,
  threadFollows,
  threadReads,
  threads,
} from '@/db/schema';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { renderMarkdown } from '@/lib/markdown';
import { canEdit, canWrite } from './permissions';
import { indexText } from '@/lib/search';
import { markReadSchema, postBody } from './schema';
import { type Tx, checked, ensureNotSuspended, ensurePostingAllowed, getSeat } from './seat';
import { mailForumNotifications } from '@/lib/mail/forum';

export async function checkAreas(serviceAreaIds: number[]) {
  if (serviceAreaIds.length === 0) throw fieldError('areas', 'areas_required');
  const found = await db.select({ id: serviceAreas.id }).from(serviceAreas).where(inArray(serviceAreas.id, serviceAreaIds));
  if (found.length !== new Set(serviceAreaIds).size) throw fieldError('areas', 'areas_required');
}

export async function checkCommune(communeId: number | null) {
  if (communeId === null) return;
  const [commune] = await db.select({ active: communes.active }).from(communes).where(eq(communes.id, communeId)).limit(1);
  if (!commune || !commune.active) throw fieldError('communeId', 'commune_inactive');
}

/** Creates the thread row, its areas and its first post inside `tx`. */
export async function insertThread(
  tx: Tx,
  { authorId, title, communeId, serviceAreaIds, body }: { authorId: string; title: string; communeId: number | null; serviceAreaIds: number[]; body: string },
) {
  const [thread] = await tx
    .insert(threads)
    .values({ communeId, title, authorId, postCount: 1, searchText: await indexText(title) })
    .returning({ id: threads.id });
  await tx.insert(threadAreas).values([...new Set(serviceAreaIds)].map((serviceAreaId) => ({ threadId: thread!.id, serviceAreaId })));
  await tx.insert(posts).values({ threadId: thread!.id, number: 1, authorId, body, bodyHtml: renderMarkdown(body), searchText: await indexText(body) });
  await tx.insert(threadFollows).values({ userId: authorId, threadId: thread!.id }).onConflictDoNothing();
  await tx.insert(threadReads).values({ userId: authorId, threadId: thread!.id, lastReadNumber: 1 }).onConflictDoNothing();
  return thread!;
}

export async function createThread({
  actor,
  title,
  communeId,
  serviceAreaIds,
  body,
}: {
  actor: CurrentUser;
  title: string;
  communeId: number | null;
  serviceAreaIds: number[];
  body: string;
}) {
  requireUser(actor);
  checked('body', postBody, body);
  ensure(canWrite(actor, await getSeat(actor.id), communeId));
  await checkCommune(communeId);
  await checkAreas(serviceAreaIds);
  await ensurePostingAllowed(actor.id);
  return db.transaction((tx) => insertThread(tx, { authorId: actor.id, title: title.trim(), communeId, serviceAreaIds, body }));
}

export async function getThreadRow(threadId: number) {
  const [thread] = await db.select().from(threads).where(eq(threads.id, threadId)).limit(1);
  if (!thread) throw new AppError('not_found:thread');
  return thread;
}

export async function getPostRow(postId: number) {
  const [row] = await db
    .select({ post: posts, communeId: threads.communeId, locked: threads.locked })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, postId))
    .limit(1);
  if (!row) throw new AppError('not_found:post');
  return row;
}

/**
 * Adds a reply. The thread row is updated first (post_count + 1, only while unlocked), which both
 * numbers the post and serialises concurrent replies to one thread. Followers are told; the
 * author of a quoted post is told that they were quoted.
 */
export async function addPost({ actor, threadId, body, quotedPostId }: { actor: CurrentUser; threadId: number; body: string; quotedPostId: number | null }) {
  requireUser(actor);
  checked('body', postBody, body);
  const thread = await getThreadRow(threadId);
  ensure(canWrite(actor, await getSeat(actor.id), thread.communeId));
  if (thread.locked) throw new AppError('conflict:thread_locked');
  let quotedAuthor: string | null = null;
  if (quotedPostId !== null) {
    const [quoted] = await db
      .select({ authorId: posts.authorId })
      .from(posts)
      .where(and(eq(posts.id, quotedPostId), eq(posts.threadId, threadId)))
      .limit(1);
    if (!quoted) throw new AppError('not_found:post');
    quotedAuthor = quoted.authorId;
  }
  await ensurePostingAllowed(actor.id);
  const searchText = await indexText(body);
  return db.transaction(async (tx) => {
    const [numbered] = await tx
      .update(threads)
      .set({ postCount: sql`${threads.postCount} + 1`, lastPostAt: new Date() })
      .where(and(eq(threads.id, threadId), eq(threads.locked, false)))
      .returning({ number: threads.postCount });
    if (!numbered) throw new AppError('conflict:thread_locked');
    const [post] = await tx
      .insert(posts)
      .values({ threadId, number: numbered.number, authorId: actor.id, body, bodyHtml: renderMarkdown(body), quotedPostId, searchText })
      .returning({ id: posts.id, number: posts.number });
    await tx.insert(threadFollows).values({ userId: actor.id, threadId }).onConflictDoNothing();
    await tx
      .insert(threadReads)
      .values({ userId: actor.id, threadId, lastReadNumber: post!.number })
      .onConflictDoUpdate({ target: [threadReads.userId, threadReads.threadId], set: { lastReadNumber: sql`greatest(${threadReads.lastReadNumber}, ${post!.number})` } });
    const followers = await tx.select({ userId: threadFollows.userId }).from(threadFollows).where(eq(threadFollows.threadId, threadId));
    const notify = followers
      .map((f) => f.userId)
      .filter((id) => id !== actor.id && id !== quotedAuthor)
          .map((userId) => ({ userId, kind: 'reply' as 'reply' | 'quote', threadId, postId: post!.id, details: { by: actor.name } }));
    if (quotedAuthor && quotedAuthor !== actor.id) {
      notify.push({ userId: quotedAuthor, kind: 'quote' as const, threadId, postId: post!.id, details: { by: actor.name } });
    }
    if (notify.length) await tx.insert(notifications).values(notify);
    await mailForumNotifications(tx, notify);
    return post!;
  });
}

/** The author edits a visible post of an open thread; the previous text goes to its history. */
export async function editPost({ actor, postId, body }: { actor: CurrentUser; postId: number; body: string }) {
  requireUser(actor);
  checked('body', postBody, body);
  const { post, locked } = await getPostRow(postId);
  ensure(canEdit(actor, { authorId: post.authorId, hidden: post.hiddenAt !== null }, locked));
  await ensureNotSuspended(actor.id);
  if (post.body === body) return { threadId: post.threadId, number: post.number };
  const searchText = await indexText(body);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(posts)
      .set({ body, bodyHtml: renderMarkdown(body), editedAt: new Date(), searchText })
      .where(and(eq(posts.id, postId), eq(posts.authorId, actor.id), isNull(posts.hiddenAt)))
      .returning({ id: posts.id });
    if (!updated) throw new AppError('conflict');
    await tx.insert(postRevisions).values({ postId, body: post.body, bodyHtml: post.bodyHtml ?? renderMarkdown(post.body), writtenAt: post.editedAt ?? post.createdAt });
  });
  return { threadId: post.threadId, number: post.number };
}

export async function setFollow({ actor, threadId, follow }: { actor: CurrentUser; threadId: number; follow: boolean }) {
  requireUser(actor);
  await getThreadRow(threadId);
  if (follow) await db.insert(threadFollows).values({ userId: actor.id, threadId }).onConflictDoNothing();
  else await db.delete(threadFollows).where(and(eq(threadFollows.userId, actor.id), eq(threadFollows.threadId, threadId)));
}

/**
 * Remembers how far a member has read a thread: never backwards, never past its last post, and
 * without a write when nothing moved. The thread page's client calls it (a POST) once the page has
 * been shown, so rendering a page never writes. The input comes from the browser: checked here.
 */
export async function markThreadRead({ actor, threadId, upTo }: { actor: CurrentUser | null; threadId: unknown; upTo: unknown }): Promise<{ moved: boolean }> {
  const reader = requireUser(actor);
  const input = markReadSchema.safeParse({ threadId, upTo });
  if (!input.success) throw new AppError('bad_request');
  const moved = await db
    .insert(threadReads)
    .select(
      db
        .select({ userId: sql`${reader.id}::uuid`.as('user_id'), threadId: threads.id, lastReadNumber: sql`least(${input.data.upTo}::int, ${threads.postCount})`.as('last_read_number') })
        .from(threads)
        .where(eq(threads.id, input.data.threadId)),
    )
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: { lastReadNumber: sql`excluded.last_read_number` },
      setWhere: sql`${threadReads.lastReadNumber} < excluded.last_read_number`,
    })
    .returning({ threadId: threadReads.threadId });
  return { moved: moved.length > 0 };
}
