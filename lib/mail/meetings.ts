import 'server-only';
import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { db, type Database } from '@/db/client';
import { communes, meetingAttendees, meetings, memberships, users, type MailAttachment } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { getEnv } from '@/lib/env';
import { AppError, fieldError } from '@/lib/errors';
import { DEFAULT_LOCALE, isLocale, TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { meetingsCalendar } from '@/lib/meetings/feed';
import { canManageMeeting } from '@/lib/meetings/permissions';
import { absoluteUrl, enqueueMail, type MailExecutor, type MailRequest } from './outbox';

// Meeting e-mails: a coordinator's invitation (with the .ics), the reminder the day before to
// those signed up, and the notice of a change to those signed up.

type Executor = MailExecutor & Pick<Database, 'update' | 'delete'>;

async function meetingRow(tx: Pick<Database, 'select'>, id: number) {
  const [meeting] = await tx
    .select({
      id: meetings.id,
      type: meetings.type,
      title: meetings.title,
      description: meetings.description,
      descriptionHtml: meetings.descriptionHtml,
      agenda: meetings.agenda,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      address: meetings.address,
      onlineUrl: meetings.onlineUrl,
      communeId: meetings.communeId,
      communeName: communes.name,
      createdAt: meetings.createdAt,
      updatedAt: meetings.updatedAt,
      cancelledAt: meetings.cancelledAt,
    })
    .from(meetings)
    .leftJoin(communes, eq(communes.id, meetings.communeId))
    .where(eq(meetings.id, id))
    .limit(1);
  if (!meeting) throw new AppError('not_found:meeting');
  return meeting;
}
type MeetingRow = Awaited<ReturnType<typeof meetingRow>>;

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/**
 * Queues one message about a meeting to each person (in their language, preferences respected by
 * enqueueMail) and says how many were queued: invitations, changes, cancellations and reminders
 * differ only in what `message` returns for a person.
 */
async function queueToEach(tx: MailExecutor, meeting: MeetingRow, people: Iterable<Recipient>, message: (person: Recipient) => Pick<MailRequest, 'data' | 'attachments' | 'dedupeKey'>): Promise<number> {
  let queued = 0;
  for (const person of people) {
    const sent = await enqueueMail(tx, { userId: person.id, to: person.email, locale: person.locale, subjectRef: `meeting:${meeting.id}`, ...message(person) });
    if (sent) queued += 1;
  }
  return queued;
}

/** The meeting's calendar file in the recipient's language, as an attachment. */
export function meetingIcs(meeting: MeetingRow, wanted: string): MailAttachment {
  const locale: Locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'meetings', timeZone: TIME_ZONE });
  const content = meetingsCalendar([meeting], getEnv().PUBLIC_URL, {
    calendarName: t('feed.countyName'),
    agenda: t('feed.agenda'),
    online: t('feed.online'),
    county: t('county'),
    typeName: (type) => t(`types.${type as 'workshop'}`),
  });
  return { filename: `meeting-${meeting.id}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content };
}

function facts(meeting: MeetingRow) {
  const place = meeting.onlineUrl ? `${meeting.address} (${meeting.onlineUrl})` : meeting.address;
  return { title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, place, url: absoluteUrl(`/calendar/${meeting.id}`) };
}

export interface InvitationResult {
  queued: number;
  /** Chosen people who switched invitations off (nothing sent to them). */
  declined: number;
}

/**
 * A coordinator invites chosen people to a meeting: the approved forum members of the chosen
 * communes and/or accounts named by address. Each gets one invitation per meeting (asking again
 * sends nothing new to those already invited), with the .ics attached. Unknown addresses are
 * refused at the field, so the coordinator sees which.
 */
export async function inviteToMeeting({
  actor,
  meetingId,
  communeIds,
  emails,
  note,
}: {
  actor: CurrentUser;
  meetingId: number;
  communeIds: number[];
  emails: string[];
  note: string;
}): Promise<InvitationResult> {
  return db.transaction(async (tx) => {
    const meeting = await meetingRow(tx, meetingId);
    ensure(canManageMeeting(actor, meeting.communeId));
    if (meeting.startsAt.getTime() <= Date.now()) throw new AppError('conflict:meeting_past');
    if (meeting.cancelledAt) throw new AppError('conflict:meeting_cancelled');
    for (const communeId of communeIds) {
      if (!canManageMeeting(actor, communeId)) throw fieldError('communeIds', 'commune_not_yours', 'forbidden');
    }
    if (communeIds.length === 0 && emails.length === 0) throw fieldError('emails', 'invite_nobody');

    const people = new Map<string, { id: string; email: string; name: string; locale: string }>();
    const columns = { id: users.id, email: users.email, name: users.name, locale: users.locale };
    const usable = and(eq(users.status, 'active'), isNotNull(users.emailVerifiedAt));
    if (communeIds.length > 0) {
      const members = await tx
        .select(columns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(inArray(memberships.communeId, communeIds), eq(memberships.status, 'approved'), usable));
      for (const m of members) people.set(m.id, m);
    }
    if (emails.length > 0) {
      const named = await tx.select(columns).from(users).where(and(inArray(users.email, emails), usable));
      const found = new Set(named.map((n) => n.email));
      const unknown = emails.filter((e) => !found.has(e));
      if (unknown.length > 0) throw new AppError('bad_request:invite_unknown', { fieldErrors: { emails: ['invite_unknown'] }, cause: unknown });
      for (const n of named) people.set(n.id, n);
    }

    const queued = await queueToEach(tx, meeting, people.values(), (person) => ({
      data: { kind: 'meeting_invitation', name: person.name, note, ...facts(meeting) },
      attachments: [meetingIcs(meeting, person.locale)],
      dedupeKey: `meeting_invitation:${meeting.id}:${person.id}`,
    }));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'meeting.invite',
      targetType: 'meeting',
      targetId: meeting.id,
      details: { communeIds, addresses: emails.length, queued },
    });
    return { queued, declined: people.size - queued };
  });
}

/** Those signed up for a meeting whose accounts are active. */
function attendeesOf(tx: Pick<Database, 'select'>, meetingId: number) {
  return tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(users.status, 'active')));
}

/**
 * Tells those signed up for a meeting that its time or place changed, with the updated .ics.
 * Called by updateMeeting inside its transaction, with the meeting as it was before.
 */
export async function queueMeetingChange(tx: Executor, { meetingId, before }: { meetingId: number; before: { startsAt: Date; endsAt: Date; address: string; onlineUrl: string | null } }): Promise<number> {
  const meeting = await meetingRow(tx, meetingId);
  const changed =
    meeting.startsAt.getTime() !== before.startsAt.getTime() ||
    meeting.endsAt.getTime() !== before.endsAt.getTime() ||
    meeting.address !== before.address ||
    meeting.onlineUrl !== before.onlineUrl;
  if (!changed || meeting.cancelledAt || meeting.endsAt.getTime() < Date.now()) return 0;
  return queueToEach(tx, meeting, await attendeesOf(tx, meetingId), (person) => ({
    data: { kind: 'meeting_change', name: person.name, ...facts(meeting) },
    attachments: [meetingIcs(meeting, person.locale)],
  }));
}

/** Tells those signed up that the meeting is called off (with the reason and a CANCELLED .ics). */
export async function queueMeetingCancellation(tx: Executor, { meetingId, reason }: { meetingId: number; reason: string }): Promise<number> {
  const meeting = await meetingRow(tx, meetingId);
  return queueToEach(tx, meeting, await attendeesOf(tx, meetingId), (person) => ({
    data: { kind: 'meeting_cancelled', name: person.name, reason, ...facts(meeting) },
    attachments: [meetingIcs(meeting, person.locale)],
    dedupeKey: `meeting_cancelled:${meeting.id}:${person.id}`,
  }));
}

export function reminderKey(meetingId: number, userId: string, startsAt: Date): string {
  return `meeting_reminder:${meetingId}:${userId}:${Math.floor(startsAt.getTime() / 1000)}`;
}

/**
 * Queues the reminder for every meeting that starts within the next 24 hours to each person signed
 * up, once (the key names the start time, so a meeting moved to another day reminds again).
 * Run by the worker once a minute; safe in several processes at once.
 */
export async function queueMeetingReminders({ database, now = new Date() }: { database: Database; now?: Date }): Promise<number> {
  const due = await database
    .select({ meetingId: meetings.id, userId: users.id })
    .from(meetings)
    .innerJoin(meetingAttendees, eq(meetingAttendees.meetingId, meetings.id))
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(
      and(
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, new Date(now.getTime() + 24 * 3600_000)),
        eq(users.status, 'active'),
        isNull(meetings.cancelledAt),
        // Not already queued: the worker asks every minute, and need not render them again.
        sql`not exists (select 1 from mail_outbox o where o.dedupe_key = 'meeting_reminder:' || ${meetings.id} || ':' || ${users.id} || ':' || extract(epoch from ${meetings.startsAt})::bigint)`,
      ),
    );
  let queued = 0;
  const byMeeting = new Map<number, string[]>();
  for (const row of due) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row.userId]);
  for (const [meetingId, userIds] of byMeeting) {
    await database.transaction(async (tx) => {
      const meeting = await meetingRow(tx, meetingId);
      const people = await tx
        .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(inArray(users.id, userIds));
      queued += await queueToEach(tx, meeting, people, (person) => ({
        data: { kind: 'meeting_reminder', name: person.name, ...facts(meeting) },
        dedupeKey: reminderKey(meeting.id, person.id, meeting.startsAt),
      }));
    });
  }
  return queued;
}
