import 'server-only';
import { and, asc, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { communes, meetingAttendees, meetings, users } from '@/db/schema';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canManageMeeting } from './permissions';
import { MEETINGS_PAGE_SIZE, type MeetingTypeName } from './schema';
import { monthRange } from '@/lib/local-time';

// Meetings are public: anyone may read the calendar. Who said they will come is for the meeting's
// coordinators only; each reader learns only whether they themselves are coming.

const listColumns = {
  id: meetings.id,
  type: meetings.type,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  address: meetings.address,
  onlineUrl: meetings.onlineUrl,
  communeId: meetings.communeId,
  communeName: communes.name,
  communeSlug: communes.slug,
  capacity: meetings.capacity,
  hasMinutes: sql<boolean>`${meetings.minutes} is not null`,
  cancelledAt: meetings.cancelledAt,
};

export interface MeetingFilters {
  /** A commune's meetings together with the county-wide ones. */
  communeId?: number | null;
  type?: MeetingTypeName;
}

function filterConditions({ communeId, type }: MeetingFilters): SQL[] {
  const conditions: SQL[] = [];
  if (communeId != null) conditions.push(or(eq(meetings.communeId, communeId), isNull(meetings.communeId))!);
  if (type) conditions.push(eq(meetings.type, type));
  return conditions;
}

function base() {
  return db.select(listColumns).from(meetings).leftJoin(communes, eq(communes.id, meetings.communeId));
}

export type MeetingListItem = Awaited<ReturnType<typeof listMonthMeetings>>[number];

/** Every meeting starting in a Warsaw calendar month (for the month view). */
export async function listMonthMeetings({ year, month, ...filters }: { year: number; month: number } & MeetingFilters) {
  const { from, to } = monthRange(year, month);
  return base()
    .where(and(gte(meetings.startsAt, from), lt(meetings.startsAt, to), ...filterConditions(filters)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}

const CURSOR = /^\d{1,10}$/;

/**
 * Meetings still to come (or under way), soonest first; or, with archive, those that have ended,
 * latest first. Keyset pagination on (starts_at, id): the cursor is the id of the last one shown.
 */
export async function listMeetings({ archive = false, cursor, now = new Date(), ...filters }: { archive?: boolean; cursor?: string; now?: Date } & MeetingFilters) {
  const conditions = filterConditions(filters);
  conditions.push(archive ? lt(meetings.endsAt, now) : gte(meetings.endsAt, now));
  if (cursor) {
    if (!CURSOR.test(cursor)) throw new AppError('bad_request');
    const after = alias(meetings, 'after_meeting');
    const key = db.select({ s: after.startsAt, i: after.id }).from(after).where(eq(after.id, Number(cursor)));
    conditions.push(archive ? sql`(${meetings.startsAt}, ${meetings.id}) < ${key}` : sql`(${meetings.startsAt}, ${meetings.id}) > ${key}`);
  }
  const page = await base()
    .where(and(...conditions))
    .orderBy(...(archive ? [desc(meetings.startsAt), desc(meetings.id)] : [asc(meetings.startsAt), asc(meetings.id)]))
    .limit(MEETINGS_PAGE_SIZE + 1);
  const shown = page.slice(0, MEETINGS_PAGE_SIZE);
  return { meetings: shown, nextCursor: page.length > MEETINGS_PAGE_SIZE ? String(shown.at(-1)!.id) : null };
}

/** The next few meetings, for the home page. */
export function listNextMeetings({ limit = 3, now = new Date() }: { limit?: number; now?: Date } = {}) {
  return base().where(gte(meetings.endsAt, now)).orderBy(asc(meetings.startsAt), asc(meetings.id)).limit(limit);
}

/** One meeting with its attendance count, whether the viewer comes, and whether they manage it. */
export async function getMeeting({ id, viewer, now = new Date() }: { id: number; viewer: CurrentUser | null; now?: Date }) {
  const [meeting] = await db
    .select({
      ...listColumns,
      description: meetings.description,
      agenda: meetings.agenda,
      linkUrl: meetings.linkUrl,
      minutes: meetings.minutes,
      minutesAt: meetings.minutesAt,
      cancelReason: meetings.cancelReason,
      createdAt: meetings.createdAt,
      updatedAt: meetings.updatedAt,
      attendeeCount: sql<number>`(select count(*)::int from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .leftJoin(communes, eq(communes.id, meetings.communeId))
    .where(eq(meetings.id, id))
    .limit(1);
  if (!meeting) throw new AppError('not_found:meeting');
  let attending = false;
  if (viewer) {
    const [row] = await db
      .select({ userId: meetingAttendees.userId })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, id), eq(meetingAttendees.userId, viewer.id)))
      .limit(1);
    attending = Boolean(row);
  }
  return {
    ...meeting,
    attending,
    canManage: canManageMeeting(viewer, meeting.communeId),
    hasStarted: meeting.startsAt.getTime() <= now.getTime(),
    hasEnded: meeting.endsAt.getTime() < now.getTime(),
    isFull: meeting.capacity !== null && meeting.attendeeCount >= meeting.capacity,
  };
}

export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

/** Who said they will come: the meeting's coordinators and admins only. */
export async function listAttendees({ actor, meetingId }: { actor: CurrentUser; meetingId: number }) {
  const [meeting] = await db.select({ communeId: meetings.communeId }).from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  if (!meeting) throw new AppError('not_found:meeting');
  ensure(canManageMeeting(actor, meeting.communeId));
  return db
    .select({ userId: users.id, name: users.name, email: users.email, status: users.status, since: meetingAttendees.createdAt })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(meetingAttendees.createdAt), asc(users.id));
}

/** How far back a subscribed feed reaches; it carries every meeting still to come. */
const FEED_HISTORY_DAYS = 180;
const FEED_LIMIT = 1000;

/** Meetings for an iCalendar feed: a commune's (with the county-wide ones) or the whole county's. */
export function listFeedMeetings({ communeId = null, now = new Date() }: { communeId?: number | null; now?: Date }) {
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000);
  return db
    .select({
      ...listColumns,
      description: meetings.description,
      agenda: meetings.agenda,
      createdAt: meetings.createdAt,
      updatedAt: meetings.updatedAt,
    })
    .from(meetings)
    .leftJoin(communes, eq(communes.id, meetings.communeId))
    .where(and(gte(meetings.startsAt, since), ...filterConditions({ communeId })))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(FEED_LIMIT);
}

export type FeedMeeting = Awaited<ReturnType<typeof listFeedMeetings>>[number];

/** An active commune by its slug (feeds and filters use slugs), or null. */
export async function findCommuneBySlug({ slug }: { slug: string }) {
  const [commune] = await db
    .select({ id: communes.id, slug: communes.slug, name: communes.name })
    .from(communes)
    .where(and(eq(communes.slug, slug), eq(communes.active, true)))
    .limit(1);
  return commune ?? null;
}
