/** Reads of who came to a meeting: the counts anyone may see, the names only its coordinators. */
import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { meetingAttendance, meetingAttendees, meetings, users } from '@/db/schema';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canManageMeeting } from './permissions';
import { ATTENDANCE_REPRESENTATIONS, type AttendanceRepresentationName } from './schema';

/** Polish alphabetical order (ł after l), whatever collation the database was made with. */
const collator = new Intl.Collator('pl');

export type AttendanceCounts = { total: number; byRepresentation: Record<AttendanceRepresentationName, number> };

/** How many came, by representation: public, like the meeting (no names). */
export async function getAttendanceCounts({ meetingId }: { meetingId: number }): Promise<AttendanceCounts> {
  const rows = await db
    .select({ representation: meetingAttendance.representation, n: sql<number>`count(*)::int` })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId))
    .groupBy(meetingAttendance.representation);
  const byRepresentation = Object.fromEntries(ATTENDANCE_REPRESENTATIONS.map((r) => [r, 0])) as Record<AttendanceRepresentationName, number>;
  for (const row of rows) byRepresentation[row.representation] = row.n;
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byRepresentation };
}

/**
 * The attendance list for the meeting's coordinators and admins: everyone signed up (and anyone
 * ticked who has withdrawn since), by name, with whether they came; and the walk-ins in the order added.
 */
export async function listAttendance({ actor, meetingId }: { actor: CurrentUser; meetingId: number }) {
  const [meeting] = await db.select({ communeId: meetings.communeId }).from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  if (!meeting) throw new AppError('not_found:meeting');
  ensure(canManageMeeting(actor, meeting.communeId));
  const [signedUp, ticked, walkIns] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, status: users.status })
      .from(meetingAttendees)
      .innerJoin(users, eq(users.id, meetingAttendees.userId))
      .where(eq(meetingAttendees.meetingId, meetingId)),
    db
      .select({ userId: users.id, name: users.name, status: users.status, representation: meetingAttendance.representation })
      .from(meetingAttendance)
      .innerJoin(users, eq(users.id, meetingAttendance.userId))
      .where(eq(meetingAttendance.meetingId, meetingId)),
    db
      .select({ id: meetingAttendance.id, name: meetingAttendance.name, representation: meetingAttendance.representation })
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meetingId), isNull(meetingAttendance.userId)))
      .orderBy(asc(meetingAttendance.id)),
  ]);
  const present = new Map(ticked.map((t) => [t.userId, t.representation]));
  const people = [...signedUp, ...ticked.filter((t) => !signedUp.some((s) => s.userId === t.userId))].map((p) => ({
    userId: p.userId,
    name: p.name,
    deleted: p.status === 'deleted',
    present: present.has(p.userId),
    representation: present.get(p.userId) ?? null,
  }));
  // By name, as a coordinator looks people up on a paper list.
  people.sort((a, b) => collator.compare(a.name, b.name));
  return { people, walkIns };
}

export type AttendanceList = Awaited<ReturnType<typeof listAttendance>>;
