import 'server-only';
import { and, asc, between, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, preparedQuery, rows } from '@/db/client';
import {
  communes,
  consultations,
  localities,
  memberships,
  notifications,
  postReports,
  postRevisions,
  posts,
  positions,
  postingSuspensions,
  scorecards,
  serviceAreas,
  threadAreas,
  threadFollows,
  threadReads,
  threads,
  users,
} from '@/db/schema';
import { communesWithRole, ensure, hasRole, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { markdownToText, renderMarkdown } from '@/lib/markdown';
import { getSeat } from './mutations';
import { canEdit, canManageMembers, canModerate, canReport, canSeeHidden, canWrite, isModerator } from './permissions';
import { highlight, POSTS_PER_PAGE, searchTerms, THREADS_PER_PAGE, type Segment } from './schema';
import { getForumSettings } from './settings';

export { getSeat };

// ─── Membership ────────────────────────────────────────────────────────────────────────────────

/** A membership with its commune and locality (joined on communes and, left, localities). */
const membershipColumns = {
  id: memberships.id,
  status: memberships.status,
  communeId: memberships.communeId,
  communeName: communes.name,
  representation: memberships.representation,
  localityName: localities.name,
  organisation: memberships.organisation,
  createdAt: memberships.createdAt,
  decidedAt: memberships.decidedAt,
};

/** The viewer's latest membership or application (any status), for the membership page. */
export async function getMyMembership({ actor }: { actor: CurrentUser }) {
  requireUser(actor);
  const [row] = await db
    .select({ ...membershipColumns, decisionReason: memberships.decisionReason, endReason: memberships.endReason })
    .from(memberships)
    .innerJoin(communes, eq(communes.id, memberships.communeId))
    .leftJoin(localities, eq(localities.id, memberships.localityId))
    .where(eq(memberships.userId, actor.id))
    .orderBy(desc(memberships.id))
    .limit(1);
  return row ?? null;
}

/** A member's row as the member pages show it (with users joined for the name). */
const memberColumns = { ...membershipColumns, userName: users.name, statement: memberships.statement };

/** Public: the approved members of one commune (name, representation, since when). */
export async function listCommuneMembers({ communeSlug }: { communeSlug: string }) {
  const [commune] = await db.select({ id: communes.id, name: communes.name, slug: communes.slug }).from(communes).where(eq(communes.slug, communeSlug)).limit(1);
  if (!commune) throw new AppError('not_found:commune');
  const members = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(communes, eq(communes.id, memberships.communeId))
    .leftJoin(localities, eq(localities.id, memberships.localityId))
    .where(and(eq(memberships.communeId, commune.id), eq(memberships.status, 'approved')))
    .orderBy(asc(memberships.representation), asc(memberships.decidedAt));
  const settings = await getForumSettings();
  return { commune, members, quotas: { locality: settings.localityQuota, organisation: settings.organisationQuota } };
}

/** Public: communes with their number of approved members. */
export async function listCommunesWithMembers() {
  return db
    .select({
      id: communes.id,
      slug: communes.slug,
      name: communes.name,
      members: sql<number>`(select count(*)::int from forum_memberships m where m.commune_id = ${communes.id} and m.status = 'approved')`,
    })
    .from(communes)
    .where(eq(communes.active, true))
    .orderBy(asc(communes.name));
}

/** Applications and members a coordinator manages: pending ones and approved ones, in their communes. */
export async function listManagedMemberships({ actor }: { actor: CurrentUser }) {
  requireUser(actor);
  const scope = communesWithRole(actor, 'coordinator');
  ensure(scope === 'all' || scope.length > 0);
  const where = and(
    inArray(memberships.status, ['pending', 'approved']),
    scope === 'all' ? undefined : inArray(memberships.communeId, scope),
  );
  const list = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(communes, eq(communes.id, memberships.communeId))
    .leftJoin(localities, eq(localities.id, memberships.localityId))
    .where(where)
    .orderBy(asc(communes.name), asc(memberships.createdAt))
    .limit(500);
  return {
    pending: list.filter((m) => m.status === 'pending' && canManageMembers(actor, m.communeId)),
    approved: list.filter((m) => m.status === 'approved' && canManageMembers(actor, m.communeId)),
  };
}

/** Every active locality of every active commune, for the application form (filtered by commune there). */
export async function listAllActiveLocalities() {
  const list = await db
    .select({ id: localities.id, name: localities.name, kind: localities.kind, communeId: localities.communeId })
    .from(localities)
    .innerJoin(communes, eq(communes.id, localities.communeId))
    .where(and(eq(localities.active, true), eq(communes.active, true)));
  const collator = new Intl.Collator('pl');
  return list.sort((a, b) => collator.compare(a.name, b.name));
}

// ─── Forum index ───────────────────────────────────────────────────────────────────────────────

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

// ─── A thread ──────────────────────────────────────────────────────────────────────────────────

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
      html: visible ? renderMarkdown(p.body) : null,
      body: visible && p.authorId === viewer?.id ? p.body : null,
      hidden,
      quoted: p.quotedPostId ? (quoted.get(p.quotedPostId) ?? null) : null,
      revisions: visible
        ? revisionRows.filter((r) => r.postId === p.id).map((r) => ({ id: r.id, html: renderMarkdown(r.body), writtenAt: r.writtenAt }))
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

// ─── Moderation ────────────────────────────────────────────────────────────────────────────────

/** Posts with open reports or hidden automatically, in the threads the moderator's scope reaches. */
export async function listModerationQueue({ actor }: { actor: CurrentUser }) {
  requireUser(actor);
  ensure(isModerator(actor));
  const scope = communesWithRole(actor, 'moderator');
  const scopeCondition = scope === 'all' ? undefined : scope.length ? inArray(threads.communeId, scope) : sql`false`;
  const list = await db
    .select({
      postId: posts.id,
      number: posts.number,
      threadId: threads.id,
      threadTitle: threads.title,
      communeId: threads.communeId,
      communeName: communes.name,
      body: posts.body,
      authorName: users.name,
      hiddenAt: posts.hiddenAt,
      hiddenAuto: posts.hiddenAuto,
      reports: sql<number>`(select count(*)::int from forum_post_reports r where r.post_id = ${posts.id} and r.resolved_at is null)`,
      reasons: sql<string[]>`(select coalesce(array_agg(r.reason order by r.id), '{}') from forum_post_reports r where r.post_id = ${posts.id} and r.resolved_at is null)`,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .leftJoin(communes, eq(communes.id, threads.communeId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        or(
          sql`exists (select 1 from forum_post_reports r where r.post_id = ${posts.id} and r.resolved_at is null)`,
          and(eq(posts.hiddenAuto, true), sql`${posts.hiddenAt} is not null`),
        ),
        scopeCondition,
      ),
    )
    .orderBy(desc(posts.id))
    .limit(100);
  return list.map((item) => ({ ...item, html: renderMarkdown(item.body) }));
}

/** Is the user's posting suspended now? (until when) */
export async function getPostingSuspension({ actor }: { actor: CurrentUser }) {
  const [row] = await db
    .select({ until: postingSuspensions.until, reason: postingSuspensions.reason })
    .from(postingSuspensions)
    .where(and(eq(postingSuspensions.userId, actor.id), sql`${postingSuspensions.until} > now()`))
    .orderBy(desc(postingSuspensions.until))
    .limit(1);
  return row ?? null;
}

// ─── Notifications ─────────────────────────────────────────────────────────────────────────────

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

// ─── Consultations ─────────────────────────────────────────────────────────────────────────────

export async function listConsultations() {
  return db
    .select({
      id: consultations.id,
      title: consultations.title,
      communeName: communes.name,
      deadline: consultations.deadline,
      closed: sql<boolean>`${consultations.deadline} <= now()`,
      positions: sql<number>`(select count(*)::int from forum_consultation_positions p where p.consultation_id = ${consultations.id})`,
    })
    .from(consultations)
    .leftJoin(communes, eq(communes.id, consultations.communeId))
    .orderBy(desc(consultations.deadline), desc(consultations.id))
    .limit(200);
}

/**
 * A consultation. It is closed once its deadline has passed by the database's clock (nothing has to
 * run to close it); then the forum's opinion is shown: counts by position, by commune and
 * representation, with the justifications. While open, a member sees only their own position.
 */
export async function getConsultation({ viewer, consultationId }: { viewer: CurrentUser | null; consultationId: number }) {
  const [consultation] = await db
    .select({
      id: consultations.id,
      threadId: consultations.threadId,
      title: consultations.title,
      body: consultations.body,
      communeId: consultations.communeId,
      communeName: communes.name,
      deadline: consultations.deadline,
      summary: consultations.summary,
      summaryAt: consultations.summaryAt,
      closed: sql<boolean>`${consultations.deadline} <= now()`,
    })
    .from(consultations)
    .leftJoin(communes, eq(communes.id, consultations.communeId))
    .where(eq(consultations.id, consultationId))
    .limit(1);
  if (!consultation) throw new AppError('not_found:consultation');
  const seat = viewer ? await getSeat(viewer.id) : null;
  const [mine] = viewer
    ? await db
        .select({ position: positions.position, justification: positions.justification, updatedAt: positions.updatedAt })
        .from(positions)
        .where(and(eq(positions.consultationId, consultationId), eq(positions.userId, viewer.id)))
        .limit(1)
    : [];
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(positions)
    .where(eq(positions.consultationId, consultationId));
  let opinion = null;
  if (consultation.closed) {
    const [counts, justifications] = await Promise.all([
      db
        .select({
          position: positions.position,
          communeName: communes.name,
          representation: positions.representation,
          n: sql<number>`count(*)::int`,
        })
        .from(positions)
        .innerJoin(communes, eq(communes.id, positions.communeId))
        .where(eq(positions.consultationId, consultationId))
        .groupBy(positions.position, communes.name, positions.representation)
        .orderBy(asc(communes.name), asc(positions.representation), asc(positions.position)),
      db
        .select({
          id: positions.id,
          position: positions.position,
          justification: positions.justification,
          representation: positions.representation,
          communeName: communes.name,
          userName: users.name,
        })
        .from(positions)
        .innerJoin(communes, eq(communes.id, positions.communeId))
        .innerJoin(users, eq(users.id, positions.userId))
        .where(eq(positions.consultationId, consultationId))
        .orderBy(asc(positions.position), asc(positions.id)),
    ]);
    const byPosition: Record<string, number> = {};
    for (const c of counts) byPosition[c.position] = (byPosition[c.position] ?? 0) + c.n;
    opinion = { counts, byPosition, justifications };
  }
  return {
    consultation: { ...consultation, bodyHtml: renderMarkdown(consultation.body), summaryHtml: consultation.summary ? renderMarkdown(consultation.summary) : null },
    total,
    mine: mine ?? null,
    mayTakePosition: !consultation.closed && seat !== null && (consultation.communeId === null || seat.communeId === consultation.communeId),
    maySummarise: consultation.closed && hasRole(viewer, 'coordinator', consultation.communeId),
    opinion,
  };
}

// ─── Scorecards ────────────────────────────────────────────────────────────────────────────────

/**
 * The current score of every area in every commune: the mean of the ratings of the latest quarter
 * that has any, with how many members rated and which quarter it is.
 */
export async function listCurrentScores() {
  const result = await db.execute(sql`
    with latest as (
      select commune_id, service_area_id, max(quarter) as quarter
      from forum_scorecards group by commune_id, service_area_id
    )
    select s.commune_id as "communeId", s.service_area_id as "serviceAreaId", l.quarter,
           round(avg(s.score)::numeric, 2)::float8 as score, count(*)::int as ratings
    from forum_scorecards s
    join latest l on l.commune_id = s.commune_id and l.service_area_id = s.service_area_id and l.quarter = s.quarter
    group by s.commune_id, s.service_area_id, l.quarter`);
  return rows<{ communeId: number; serviceAreaId: number; quarter: number; score: number; ratings: number }>(result);
}

/** The time series of one commune: mean score per area per quarter. */
export async function listScoreSeries({ communeId }: { communeId: number }) {
  return db
    .select({
      serviceAreaId: scorecards.serviceAreaId,
      quarter: scorecards.quarter,
      score: sql<number>`round(avg(${scorecards.score})::numeric, 2)::float8`,
      ratings: sql<number>`count(*)::int`,
    })
    .from(scorecards)
    .where(eq(scorecards.communeId, communeId))
    .groupBy(scorecards.serviceAreaId, scorecards.quarter)
    .orderBy(asc(scorecards.quarter), asc(scorecards.serviceAreaId));
}

/** The areas the member has already rated this quarter. */
export async function listMyRatings({ actor, quarter }: { actor: CurrentUser; quarter: number }) {
  return db
    .select({ serviceAreaId: scorecards.serviceAreaId, score: scorecards.score, comment: scorecards.comment })
    .from(scorecards)
    .where(and(eq(scorecards.userId, actor.id), eq(scorecards.quarter, quarter)));
}

// ─── Search ────────────────────────────────────────────────────────────────────────────────────

export interface SearchHit {
  kind: 'thread' | 'post';
  threadId: number;
  threadTitle: string;
  number: number | null;
  communeName: string | null;
  title: Segment[];
  snippet: Segment[];
}

/**
 * Full-text search over thread titles and visible posts. Both sides are folded the same way in the
 * app (lower case, no diacritics) and indexed with the 'simple' configuration, which PGlite and
 * PostgreSQL both have, so "zrodlo" finds "Źródło". Words match by prefix; matches are highlighted
 * in the original text.
 */
export async function searchForum({ query, communeId, areaId }: { query: string; communeId?: number; areaId?: number }) {
  const terms = searchTerms(query);
  if (terms.length === 0) return { terms, hits: [] as SearchHit[] };
  const tsquery = terms.map((t) => `${t}:*`).join(' & ');
  const filters: SQL[] = [];
  if (communeId !== undefined) filters.push(eq(threads.communeId, communeId));
  if (areaId !== undefined) filters.push(sql`exists (select 1 from forum_thread_areas ta where ta.thread_id = ${threads.id} and ta.service_area_id = ${areaId})`);
  const q = sql`to_tsquery('simple', ${tsquery})`;
  const [threadRows, postRows] = await Promise.all([
    db
      .select({ id: threads.id, title: threads.title, communeName: communes.name })
      .from(threads)
      .leftJoin(communes, eq(communes.id, threads.communeId))
      .where(and(sql`${threads.searchVector} @@ ${q}`, ...filters))
      .orderBy(desc(threads.lastPostAt))
      .limit(20),
    db
      .select({ threadId: threads.id, title: threads.title, communeName: communes.name, number: posts.number, body: posts.body })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .leftJoin(communes, eq(communes.id, threads.communeId))
      .where(and(sql`${posts.searchVector} @@ ${q}`, isNull(posts.hiddenAt), ...filters))
      .orderBy(desc(posts.id))
      .limit(30),
  ]);
  const hits: SearchHit[] = [
    ...threadRows.map((t) => ({
      kind: 'thread' as const,
      threadId: t.id,
      threadTitle: t.title,
      number: null,
      communeName: t.communeName,
      title: highlight(t.title, terms, 200),
      snippet: [],
    })),
    ...postRows.map((p) => ({
      kind: 'post' as const,
      threadId: p.threadId,
      threadTitle: p.title,
      number: p.number,
      communeName: p.communeName,
      title: highlight(p.title, terms, 200),
      snippet: highlight(markdownToText(p.body), terms),
    })),
  ];
  return { terms, hits };
}
