/** Writes of who came to a meeting: ticks on the sign-up list, walk-ins, and taking one back. */
import 'server-only';
import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { memberships, meetingAttendance, meetingAttendees } from '@/db/schema';
import { db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, fieldError } from '@/lib/errors';
import { lockMeeting, type Tx } from './mutations';
import { canManageMeeting, canPublishMeetings } from './permissions';
import { MAX_WALK_INS, type AttendanceRepresentationName, type WalkInInput } from './schema';

/** A meeting's whole attendance list stays a list a person can read through. */
const MAX_ATTENDANCE = 5000;

/**
 * The meeting, locked, once the actor may record its attendance: a coordinator of its commune (or
 * county-wide for a county meeting) or an admin, after it has begun, unless it was called off.
 */
async function heldMeeting(tx: Tx, actor: CurrentUser, meetingId: number) {
  ensure(canPublishMeetings(actor));
  const meeting = await lockMeeting(tx, meetingId);
  ensure(canManageMeeting(actor, meeting.communeId));
  if (meeting.cancelledAt) throw new AppError('conflict:meeting_cancelled');
  if (meeting.startsAt.getTime() > (await now()).getTime()) throw new AppError('conflict:attendance_not_held');
  return meeting;
}

/**
 * Sets who from the sign-up list came: those ticked are recorded (once each), those unticked are
 * taken off; walk-ins are left as they are. Each person's representation is copied from their
 * forum seat at this moment (a member who later steps down still counted as what they were), and
 * "other" for people without a seat. Everyone ticked must be on the sign-up list.
 */
export async function recordSignUpAttendance({ actor, meetingId, presentUserIds }: { actor: CurrentUser; meetingId: number; presentUserIds: string[] }) {
  const ids = [...new Set(presentUserIds)];
  return db.transaction(async (tx) => {
    await heldMeeting(tx, actor, meetingId);
    if (ids.length > 0) {
      // The list shows those signed up and those already ticked (who may have withdrawn since).
      const signedUp = await tx.select({ userId: meetingAttendees.userId }).from(meetingAttendees).where(and(eq(meetingAttendees.meetingId, meetingId), inArray(meetingAttendees.userId, ids)));
      const ticked = await tx.select({ userId: meetingAttendance.userId }).from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, meetingId), inArray(meetingAttendance.userId, ids)));
      const known = new Set([...signedUp, ...ticked].map((r) => r.userId));
      if (!ids.every((id) => known.has(id))) throw new AppError('bad_request:attendance_not_signed_up');
    }
    const removed = await tx
      .delete(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meetingId), isNotNull(meetingAttendance.userId), ids.length ? notInArray(meetingAttendance.userId, ids) : undefined))
      .returning({ id: meetingAttendance.id });
    let added = 0;
    if (ids.length > 0) {
      const seats = await tx
        .select({ userId: memberships.userId, representation: memberships.representation })
        .from(memberships)
        .where(and(inArray(memberships.userId, ids), eq(memberships.status, 'approved')));
      const seatOf = new Map(seats.map((s) => [s.userId, s.representation as AttendanceRepresentationName]));
      const inserted = await tx
        .insert(meetingAttendance)
        .values(ids.map((userId) => ({ meetingId, userId, representation: seatOf.get(userId) ?? ('other' as const), recordedBy: actor.id })))
        .onConflictDoNothing()
        .returning({ id: meetingAttendance.id });
      added = inserted.length;
    }
    if (added > 0 || removed.length > 0) {
      await recordAudit(tx, { actorId: actor.id, action: 'meeting.attendance', targetType: 'meeting', targetId: meetingId, details: { signUps: { added, removed: removed.length } } });
    }
    return { added, removed: removed.length };
  });
}

/** Adds people who came without signing up: `count` of one representation, or one person by name. */
export async function addWalkIns({ actor, meetingId, input }: { actor: CurrentUser; meetingId: number; input: Omit<WalkInInput, 'meetingId'> }) {
  // The form's rules again, for callers that skipped it.
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_WALK_INS) throw fieldError('count', 'walk_in_count_invalid');
  if (input.name !== null && input.count !== 1) throw fieldError('count', 'walk_in_named_one');
  await db.transaction(async (tx) => {
    await heldMeeting(tx, actor, meetingId);
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
    if (row!.n + input.count > MAX_ATTENDANCE) throw fieldError('count', 'attendance_too_many');
    await tx
      .insert(meetingAttendance)
      .values(Array.from({ length: input.count }, () => ({ meetingId, name: input.name, representation: input.representation, recordedBy: actor.id })));
    await recordAudit(tx, { actorId: actor.id, action: 'meeting.attendance', targetType: 'meeting', targetId: meetingId, details: { walkIns: input.count, representation: input.representation } });
  });
}

/** Takes one walk-in off the list (a mistake, a double count). People from the sign-up list are unticked instead. */
export async function removeWalkIn({ actor, meetingId, attendanceId }: { actor: CurrentUser; meetingId: number; attendanceId: number }) {
  await db.transaction(async (tx) => {
    await heldMeeting(tx, actor, meetingId);
    const [removed] = await tx
      .delete(meetingAttendance)
      .where(and(eq(meetingAttendance.id, attendanceId), eq(meetingAttendance.meetingId, meetingId), isNull(meetingAttendance.userId)))
      .returning({ representation: meetingAttendance.representation });
    if (!removed) throw new AppError('not_found:attendance');
    await recordAudit(tx, { actorId: actor.id, action: 'meeting.attendance', targetType: 'meeting', targetId: meetingId, details: { walkInRemoved: removed.representation } });
  });
}
