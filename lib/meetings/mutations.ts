import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, meetingAttendees, meetings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { renderMarkdown } from '@/lib/markdown';
import { queueMeetingCancellation, queueMeetingChange } from '@/lib/mail/meetings';
import { canManageMeeting, canPublishMeetings } from './permissions';
import { isHttpsUrl, isSafeLink, type MeetingInput } from './schema';

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * The rules of the form, again, for callers that skipped it: the end after the start, links that
 * lead somewhere safe. A new meeting may not start in the past (an edit may keep a past start).
 */
function checkInput(input: MeetingInput, { isNew }: { isNew: boolean }) {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw fieldError('endsAt', 'ends_before_start');
  if (isNew && input.startsAt.getTime() < Date.now()) throw fieldError('startsAt', 'starts_in_past');
  if (input.linkUrl !== null && !isSafeLink(input.linkUrl)) throw fieldError('linkUrl', 'link_invalid');
  if (input.onlineUrl !== null && !isHttpsUrl(input.onlineUrl)) throw fieldError('onlineUrl', 'url_https_required');
}

/** A chosen commune must exist and be active (null, the whole county, always may). News uses it too. */
export async function checkCommune(tx: Tx, communeId: number | null) {
  if (communeId === null) return;
  const [commune] = await tx.select({ active: communes.active }).from(communes).where(eq(communes.id, communeId)).limit(1);
  if (!commune) throw fieldError('communeId', 'invalid');
  if (!commune.active) throw fieldError('communeId', 'commune_inactive');
}

function values(input: MeetingInput) {
  return {
    type: input.type,
    title: input.title,
    description: input.description,
    descriptionHtml: renderMarkdown(input.description),
    agenda: input.agenda,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    address: input.address,
    onlineUrl: input.onlineUrl,
    communeId: input.communeId,
    linkUrl: input.linkUrl,
    capacity: input.capacity,
  };
}

/** Publishes a meeting. Coordinators of its commune (or county-wide) and admins only. */
export async function createMeeting({ actor, input }: { actor: CurrentUser; input: MeetingInput }) {
  ensure(canPublishMeetings(actor));
  // A commune coordinator choosing another commune (or the county) is told at the field.
  if (!canManageMeeting(actor, input.communeId)) throw fieldError('communeId', 'commune_not_yours', 'forbidden');
  checkInput(input, { isNew: true });
  return db.transaction(async (tx) => {
    await checkCommune(tx, input.communeId);
    const [created] = await tx
      .insert(meetings)
      .values({ ...values(input), createdBy: actor.id })
      .returning({ id: meetings.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'meeting.create',
      targetType: 'meeting',
      targetId: created!.id,
      details: { title: input.title, communeId: input.communeId },
    });
    return created!;
  });
}

/** The meeting row, locked for this transaction (its attendance, sign-ups and edits queue behind it). */
export async function lockMeeting(tx: Tx, id: number) {
  const [meeting] = await tx
    .select({
      id: meetings.id,
      communeId: meetings.communeId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      capacity: meetings.capacity,
      address: meetings.address,
      onlineUrl: meetings.onlineUrl,
      cancelledAt: meetings.cancelledAt,
    })
    .from(meetings)
    .where(eq(meetings.id, id))
    .for('no key update')
    .limit(1);
  if (!meeting) throw new AppError('not_found:meeting');
  return meeting;
}

/** Edits a meeting: the editor must manage both its old and its new commune. */
export async function updateMeeting({ actor, id, input }: { actor: CurrentUser; id: number; input: MeetingInput }) {
  ensure(canPublishMeetings(actor));
  checkInput(input, { isNew: false });
  await db.transaction(async (tx) => {
    const before = await lockMeeting(tx, id);
    ensure(canManageMeeting(actor, before.communeId));
    if (!canManageMeeting(actor, input.communeId)) throw fieldError('communeId', 'commune_not_yours', 'forbidden');
    if (input.communeId !== before.communeId) await checkCommune(tx, input.communeId);
    const scope = before.communeId === null ? sql`${meetings.communeId} is null` : eq(meetings.communeId, before.communeId);
    await tx
      .update(meetings)
      .set({ ...values(input), updatedAt: new Date() })
      .where(and(eq(meetings.id, id), scope));
    await recordAudit(tx, { actorId: actor.id, action: 'meeting.update', targetType: 'meeting', targetId: id, details: { title: input.title } });
    // Those signed up hear of a new time or place (lib/mail), in this transaction.
    await queueMeetingChange(tx, { meetingId: id, before });
  });
}

/** Attaches (or replaces) the minutes once the meeting has begun. */
export async function attachMinutes({ actor, meetingId, minutes }: { actor: CurrentUser; meetingId: number; minutes: string }) {
  ensure(canPublishMeetings(actor));
  const text = minutes.trim();
  if (text.length < 10) throw fieldError('minutes', 'minutes_too_short');
  await db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    ensure(canManageMeeting(actor, meeting.communeId));
    if (meeting.startsAt.getTime() > Date.now()) throw fieldError('minutes', 'meeting_not_held', 'conflict');
    await tx.update(meetings).set({ minutes: text, minutesHtml: renderMarkdown(text), minutesAt: new Date(), updatedAt: new Date() }).where(eq(meetings.id, meetingId));
    await recordAudit(tx, { actorId: actor.id, action: 'meeting.minutes', targetType: 'meeting', targetId: meetingId });
  });
}

/**
 * A coordinator calls a meeting off before it begins, with a reason: it stays in the calendar
 * marked as cancelled (and CANCELLED in calendar files), takes no more sign-ups, and those signed
 * up are told by e-mail in this transaction.
 */
export async function cancelMeeting({ actor, meetingId, reason }: { actor: CurrentUser; meetingId: number; reason: string }) {
  ensure(canPublishMeetings(actor));
  const text = reason.trim();
  if (text.length < 3) throw fieldError('reason', 'reason_required');
  await db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    ensure(canManageMeeting(actor, meeting.communeId));
    if (meeting.startsAt.getTime() <= Date.now()) throw new AppError('conflict:meeting_past');
    const [cancelled] = await tx
      .update(meetings)
      .set({ cancelledAt: new Date(), cancelReason: text, updatedAt: new Date() })
      .where(and(eq(meetings.id, meetingId), isNull(meetings.cancelledAt)))
      .returning({ id: meetings.id });
    if (!cancelled) throw new AppError('conflict:meeting_cancelled');
    await recordAudit(tx, { actorId: actor.id, action: 'meeting.cancel', targetType: 'meeting', targetId: meetingId, details: { reason: text } });
    await queueMeetingCancellation(tx, { meetingId, reason: text });
  });
}

/**
 * The signed-in user says they will come. The meeting row is locked, so two people taking the last
 * seat at once are served one after the other and the second is told it is full.
 */
export async function attendMeeting({ actor, meetingId }: { actor: CurrentUser | null; meetingId: number }) {
  const user = requireUser(actor);
  await db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (meeting.endsAt.getTime() < Date.now()) throw new AppError('conflict:meeting_past');
    if (meeting.cancelledAt) throw new AppError('conflict:meeting_cancelled');
    const [already] = await tx
      .select({ userId: meetingAttendees.userId })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, user.id)))
      .limit(1);
    if (already) return;
    if (meeting.capacity !== null) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(meetingAttendees)
        .where(eq(meetingAttendees.meetingId, meetingId));
      if (row!.n >= meeting.capacity) throw new AppError('conflict:meeting_full');
    }
    await tx.insert(meetingAttendees).values({ meetingId, userId: user.id }).onConflictDoNothing();
  });
}

/** Withdraws the user's own "I will come"; only their row can be touched. */
export async function withdrawAttendance({ actor, meetingId }: { actor: CurrentUser | null; meetingId: number }) {
  const user = requireUser(actor);
  const [meeting] = await db.select({ endsAt: meetings.endsAt }).from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  if (!meeting) throw new AppError('not_found:meeting');
  if (meeting.endsAt.getTime() < Date.now()) throw new AppError('conflict:meeting_past');
  await db
    .delete(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, user.id)));
}
