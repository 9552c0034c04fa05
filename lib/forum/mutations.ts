import 'server-only';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db, rows } from '@/db/client';
import {
  communes,
  consultations,
  localities,
  memberships,
  notifications,
  postReports,
  postRevisions,
  posts,
  postingSuspensions,
  scorecards,
  serviceAreas,
  threadAreas,
  threadFollows,
  threadReads,
  threads,
  users,
  type Representation,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/rate-limit';
import {
  canCoordinate,
  canEdit,
  canManageMembers,
  canModerate,
  canRate,
  canReport,
  canTakePosition,
  canWrite,
  type MemberSeat,
} from './permissions';
import { foldText, postBody, quarterOf, type PositionValue, type ThreadFlag } from './schema';
import { getForumSettings } from './settings';

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** Checks one value with the forms' own rule, so a caller that skipped the form gets the same error. */
function checked<T>(field: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fieldError(field, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/** The user's approved membership, or null. */
export async function getSeat(userId: string, tx: Pick<Tx, 'select'> = db): Promise<MemberSeat | null> {
  const [row] = await tx
    .select({ membershipId: memberships.id, communeId: memberships.communeId, representation: memberships.representation })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'approved')))
    .limit(1);
  return row ?? null;
}

async function ensureNotSuspended(userId: string) {
  const [row] = await db
    .select({ id: postingSuspensions.id })
    .from(postingSuspensions)
    .where(and(eq(postingSuspensions.userId, userId), gt(postingSuspensions.until, sql`now()`)))
    .limit(1);
  if (row) throw new AppError('forbidden:suspended');
}

async function ensurePostingAllowed(userId: string) {
  await ensureNotSuspended(userId);
  const settings = await getForumSettings();
  const limit = await consumeRateLimit(`forum:post:${userId}`, settings.postsPerWindow, settings.postWindowSeconds);
  if (!limit.allowed) throw new AppError('rate_limited:posting');
}

// ─── Membership ────────────────────────────────────────────────────────────────────────────────

/** Which quota a representation counts against: villages/neighbourhoods, or NGOs and businesses together. */
export function quotaOf(representation: Representation): 'locality' | 'organisation' {
  return representation === 'locality' ? 'locality' : 'organisation';
}

/** Refusal to approve past a quota; carries what the coordinator needs to see. */
export class QuotaFullError extends AppError {
  constructor(
    readonly quota: 'locality' | 'organisation',
    readonly limit: number,
    readonly holders: string[],
  ) {
    super(`conflict:quota_full_${quota}`);
  }
}

export async function applyForMembership({
  actor,
  communeId,
  representation,
  localityId,
  organisation,
  statement,
}: {
  actor: CurrentUser;
  communeId: number;
  representation: Representation;
  localityId: number | null;
  organisation: string | null;
  statement: string;
}) {
  requireUser(actor);
  const [commune] = await db.select({ active: communes.active }).from(communes).where(eq(communes.id, communeId)).limit(1);
  if (!commune || !commune.active) throw fieldError('communeId', 'commune_inactive');
  if (representation === 'locality') {
    if (localityId === null) throw fieldError('localityId', 'locality_required');
    const [locality] = await db
      .select({ id: localities.id })
      .from(localities)
      .where(and(eq(localities.id, localityId), eq(localities.communeId, communeId), eq(localities.active, true)))
      .limit(1);
    if (!locality) throw fieldError('localityId', 'locality_not_in_commune');
  } else if (!organisation || organisation.trim().length < 2) {
    throw fieldError('organisation', 'organisation_required');
  }
  const [row] = await db
    .insert(memberships)
    .values({
      userId: actor.id,
      communeId,
      representation,
      localityId: representation === 'locality' ? localityId : null,
      organisation: representation === 'locality' ? null : organisation!.trim(),
      statement,
    })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  if (!row) throw new AppError('conflict:membership_exists');
  return row;
}

/**
 * Approves or rejects a pending application. Approval takes a lock on the commune row, so two
 * coordinators approving at the same moment are counted one after the other and a quota can
 * never be exceeded; past the quota it throws QuotaFullError naming the seat holders.
 */
export async function decideMembership({
  actor,
  membershipId,
  decision,
  reason,
}: {
  actor: CurrentUser;
  membershipId: number;
  decision: 'approve' | 'reject';
  reason: string;
}) {
  requireUser(actor);
  const [found] = await db.select().from(memberships).where(eq(memberships.id, membershipId)).limit(1);
  if (!found) throw new AppError('not_found:membership');
  ensure(canManageMembers(actor, found.communeId));
  if (decision === 'reject' && reason.trim().length < 3) throw fieldError('reason', 'reason_required');
  const settings = await getForumSettings();
  return db.transaction(async (tx) => {
    await tx.select({ id: communes.id }).from(communes).where(eq(communes.id, found.communeId)).for('update');
    if (decision === 'approve') {
      const quota = quotaOf(found.representation);
      const kinds: Representation[] = quota === 'locality' ? ['locality'] : ['ngo', 'business'];
      const holders = await tx
        .select({ name: users.name, organisation: memberships.organisation, locality: localities.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(localities, eq(localities.id, memberships.localityId))
        .where(and(eq(memberships.communeId, found.communeId), eq(memberships.status, 'approved'), inArray(memberships.representation, kinds)))
        .orderBy(memberships.decidedAt);
      const limit = quota === 'locality' ? settings.localityQuota : settings.organisationQuota;
      if (holders.length >= limit) {
        throw new QuotaFullError(
          quota,
          limit,
          holders.map((h) => `${h.name} (${h.locality ?? h.organisation ?? ''})`),
        );
      }
    }
    const [updated] = await tx
      .update(memberships)
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decidedAt: new Date(),
        decidedBy: actor.id,
        decisionReason: reason.trim() || null,
      })
      .where(and(eq(memberships.id, membershipId), eq(memberships.status, 'pending')))
      .returning({ id: memberships.id, userId: memberships.userId });
    if (!updated) throw new AppError('conflict:membership_decided');
    await tx.insert(notifications).values({
      userId: updated.userId,
      kind: 'decision',
      membershipId,
      details: { decision, reason: reason.trim() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision === 'approve' ? 'membership.approve' : 'membership.reject',
      targetType: 'membership',
      targetId: membershipId,
      details: { userId: updated.userId, communeId: found.communeId, reason: reason.trim() },
    });
    return updated;
  });
}

/** A coordinator ends an approved membership, with a reason (audited). */
export async function endMembership({ actor, membershipId, reason }: { actor: CurrentUser; membershipId: number; reason: string }) {
  requireUser(actor);
  const [found] = await db.select().from(memberships).where(eq(memberships.id, membershipId)).limit(1);
  if (!found) throw new AppError('not_found:membership');
  ensure(canManageMembers(actor, found.communeId));
  if (reason.trim().length < 3) throw fieldError('reason', 'reason_required');
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(memberships)
      .set({ status: 'ended', endedAt: new Date(), endedBy: actor.id, endReason: reason.trim() })
      .where(and(eq(memberships.id, membershipId), eq(memberships.status, 'approved')))
      .returning({ id: memberships.id });
    if (!updated) throw new AppError('conflict:membership_not_active');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.end',
      targetType: 'membership',
      targetId: membershipId,
      details: { userId: found.userId, communeId: found.communeId, reason: reason.trim() },
    });
  });
}

/** A member steps down (or withdraws a pending application); only their own, scoped in the WHERE. */
export async function stepDown({ actor, membershipId }: { actor: CurrentUser; membershipId: number }) {
  requireUser(actor);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(memberships)
      .set({ status: 'ended', endedAt: new Date(), endedBy: actor.id, endReason: null })
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, actor.id), inArray(memberships.status, ['pending', 'approved'])))
      .returning({ id: memberships.id, communeId: memberships.communeId });
    if (!updated) throw new AppError('not_found:membership');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.step_down',
      targetType: 'membership',
      targetId: membershipId,
      details: { communeId: updated.communeId },
    });
  });
}

// ─── Threads and posts ─────────────────────────────────────────────────────────────────────────

async function checkAreas(serviceAreaIds: number[]) {
  if (serviceAreaIds.length === 0) throw fieldError('areas', 'areas_required');
  const found = await db.select({ id: serviceAreas.id }).from(serviceAreas).where(inArray(serviceAreas.id, serviceAreaIds));
  if (found.length !== new Set(serviceAreaIds).size) throw fieldError('areas', 'areas_required');
}

async function checkCommune(communeId: number | null) {
  if (communeId === null) return;
  const [commune] = await db.select({ active: communes.active }).from(communes).where(eq(communes.id, communeId)).limit(1);
  if (!commune || !commune.active) throw fieldError('communeId', 'commune_inactive');
}

/** Creates the thread row, its areas and its first post inside `tx`. */
async function insertThread(
  tx: Tx,
  { authorId, title, communeId, serviceAreaIds, body }: { authorId: string; title: string; communeId: number | null; serviceAreaIds: number[]; body: string },
) {
  const [thread] = await tx
    .insert(threads)
    .values({ communeId, title, authorId, postCount: 1, searchText: foldText(title) })
    .returning({ id: threads.id });
  await tx.insert(threadAreas).values([...new Set(serviceAreaIds)].map((serviceAreaId) => ({ threadId: thread!.id, serviceAreaId })));
  await tx.insert(posts).values({ threadId: thread!.id, number: 1, authorId, body, searchText: foldText(body) });
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

async function getThreadRow(threadId: number) {
  const [thread] = await db.select().from(threads).where(eq(threads.id, threadId)).limit(1);
  if (!thread) throw new AppError('not_found:thread');
  return thread;
}

async function getPostRow(postId: number) {
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
  return db.transaction(async (tx) => {
    const [numbered] = await tx
      .update(threads)
      .set({ postCount: sql`${threads.postCount} + 1`, lastPostAt: new Date() })
      .where(and(eq(threads.id, threadId), eq(threads.locked, false)))
      .returning({ number: threads.postCount });
    if (!numbered) throw new AppError('conflict:thread_locked');
    const [post] = await tx
      .insert(posts)
      .values({ threadId, number: numbered.number, authorId: actor.id, body, quotedPostId, searchText: foldText(body) })
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
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(posts)
      .set({ body, editedAt: new Date(), searchText: foldText(body) })
      .where(and(eq(posts.id, postId), eq(posts.authorId, actor.id), isNull(posts.hiddenAt)))
      .returning({ id: posts.id });
    if (!updated) throw new AppError('conflict');
    await tx.insert(postRevisions).values({ postId, body: post.body, writtenAt: post.editedAt ?? post.createdAt });
  });
  return { threadId: post.threadId, number: post.number };
}

export async function setFollow({ actor, threadId, follow }: { actor: CurrentUser; threadId: number; follow: boolean }) {
  requireUser(actor);
  await getThreadRow(threadId);
  if (follow) await db.insert(threadFollows).values({ userId: actor.id, threadId }).onConflictDoNothing();
  else await db.delete(threadFollows).where(and(eq(threadFollows.userId, actor.id), eq(threadFollows.threadId, threadId)));
}

/** Remembers how far the reader has read (never moves backwards). */
export async function markThreadRead({ actor, threadId, upTo }: { actor: CurrentUser | null; threadId: number; upTo: number }) {
  if (!actor || upTo < 1) return;
  await db
    .insert(threadReads)
    .values({ userId: actor.id, threadId, lastReadNumber: upTo })
    .onConflictDoUpdate({ target: [threadReads.userId, threadReads.threadId], set: { lastReadNumber: sql`greatest(${threadReads.lastReadNumber}, ${upTo})` } });
}

// ─── Moderation ────────────────────────────────────────────────────────────────────────────────

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
          await tx.insert(notifications).values({ userId: post.authorId, kind: 'post_hidden', threadId: post.threadId, postId, details: { auto: true } });
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
      await tx.insert(notifications).values({ userId: post.authorId, kind: 'post_hidden', threadId: post.threadId, postId, details: { reason: reason.trim() } });
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

// ─── Notifications ─────────────────────────────────────────────────────────────────────────────

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

// ─── Consultations ─────────────────────────────────────────────────────────────────────────────

export async function openConsultation({
  actor,
  title,
  body,
  communeId,
  deadline,
  serviceAreaIds,
}: {
  actor: CurrentUser;
  title: string;
  body: string;
  communeId: number | null;
  deadline: Date;
  serviceAreaIds: number[];
}) {
  requireUser(actor);
  ensure(canCoordinate(actor, communeId));
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= Date.now()) throw fieldError('deadline', 'deadline_past');
  await checkCommune(communeId);
  await checkAreas(serviceAreaIds);
  return db.transaction(async (tx) => {
    const thread = await insertThread(tx, { authorId: actor.id, title: title.trim(), communeId, serviceAreaIds, body });
    const [consultation] = await tx
      .insert(consultations)
      .values({ threadId: thread.id, communeId, title: title.trim(), body, deadline, createdBy: actor.id })
      .returning({ id: consultations.id });
    await recordAudit(tx, { actorId: actor.id, action: 'consultation.open', targetType: 'consultation', targetId: consultation!.id, details: { communeId } });
    return consultation!;
  });
}

/**
 * Takes or changes the member's position. The deadline is checked by the database inside the
 * same statement (now() < deadline), so no position is written or changed after closing, even
 * by a request that started a moment before.
 */
export async function takePosition({
  actor,
  consultationId,
  position,
  justification,
}: {
  actor: CurrentUser;
  consultationId: number;
  position: PositionValue;
  justification: string;
}) {
  requireUser(actor);
  const [consultation] = await db.select({ communeId: consultations.communeId }).from(consultations).where(eq(consultations.id, consultationId)).limit(1);
  if (!consultation) throw new AppError('not_found:consultation');
  const seat = await getSeat(actor.id);
  ensure(canTakePosition(seat, consultation.communeId));
  const text = justification.trim();
  const result = await db.execute(sql`
    insert into forum_consultation_positions (consultation_id, user_id, commune_id, representation, position, justification)
    select ${consultationId}, ${actor.id}, ${seat!.communeId}, ${seat!.representation}, ${position}, ${text}
    where exists (select 1 from forum_consultations where id = ${consultationId} and deadline > now())
    on conflict (consultation_id, user_id) do update set
      position = excluded.position, justification = excluded.justification,
      commune_id = excluded.commune_id, representation = excluded.representation, updated_at = now()
    where (select deadline from forum_consultations where id = excluded.consultation_id) > now()
    returning id`);
  if (rows(result).length === 0) throw new AppError('conflict:consultation_closed');
}

/** The coordinator's summary of a closed consultation (the forum's published opinion). */
export async function addConsultationSummary({ actor, consultationId, summary }: { actor: CurrentUser; consultationId: number; summary: string }) {
  requireUser(actor);
  const [consultation] = await db
    .select({ communeId: consultations.communeId, closed: sql<boolean>`${consultations.deadline} <= now()` })
    .from(consultations)
    .where(eq(consultations.id, consultationId))
    .limit(1);
  if (!consultation) throw new AppError('not_found:consultation');
  ensure(canCoordinate(actor, consultation.communeId));
  if (!consultation.closed) throw new AppError('conflict:consultation_open');
  await db.transaction(async (tx) => {
    await tx.update(consultations).set({ summary: summary.trim(), summaryBy: actor.id, summaryAt: new Date() }).where(eq(consultations.id, consultationId));
    await recordAudit(tx, { actorId: actor.id, action: 'consultation.summary', targetType: 'consultation', targetId: consultationId });
  });
}

// ─── Scorecards ────────────────────────────────────────────────────────────────────────────────

/** A member rates one service area of their commune, once per quarter. */
export async function rateService({ actor, serviceAreaId, score, comment, at = new Date() }: { actor: CurrentUser; serviceAreaId: number; score: number; comment: string; at?: Date }) {
  requireUser(actor);
  const seat = await getSeat(actor.id);
  ensure(canRate(seat), 'forbidden:not_member');
  if (!Number.isInteger(score) || score < 1 || score > 5) throw fieldError('score', 'score_range');
  const [area] = await db.select({ id: serviceAreas.id }).from(serviceAreas).where(eq(serviceAreas.id, serviceAreaId)).limit(1);
  if (!area) throw fieldError('serviceAreaId', 'invalid');
  const [row] = await db
    .insert(scorecards)
    .values({ userId: actor.id, communeId: seat.communeId, serviceAreaId, quarter: quarterOf(at), score, comment: comment.trim() })
    .onConflictDoNothing()
    .returning({ id: scorecards.id });
  if (!row) throw new AppError('conflict:already_rated');
  return row;
}

