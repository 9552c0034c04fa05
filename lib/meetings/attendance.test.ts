import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, meetingAttendance, meetingAttendees, meetings, memberships, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { makeMember, makePlaces, makeUser, thrown } from '@/lib/forum/test-helpers';
import { addWalkIns, recordSignUpAttendance, removeWalkIn } from './attendance-mutations';
import { getAttendanceCounts, listAttendance } from './attendance-queries';
import { signUpAttendanceSchema, walkInSchema } from './schema';

const HOUR = 3600_000;

let places: Awaited<ReturnType<typeof makePlaces>>;
let coordinator: CurrentUser;
let countyCoordinator: CurrentUser;
let otherCoordinator: CurrentUser;
let moderator: CurrentUser;

async function meeting({ startsIn = -2 * HOUR, communeId = places.communeId as number | null, cancelled = false } = {}) {
  const startsAt = new Date(Date.now() + startsIn);
  const [row] = await db
    .insert(meetings)
    .values({ type: 'forum_session', title: 'Sesja', address: 'Sala', startsAt, endsAt: new Date(startsAt.getTime() + HOUR), communeId, cancelledAt: cancelled ? new Date() : null })
    .returning({ id: meetings.id });
  return row!.id;
}

async function signUp(meetingId: number, ...people: CurrentUser[]) {
  await db.insert(meetingAttendees).values(people.map((p) => ({ meetingId, userId: p.id })));
}

beforeAll(async () => {
  places = await makePlaces();
  coordinator = await makeUser([{ role: 'coordinator', communeId: places.communeId }]);
  countyCoordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  otherCoordinator = await makeUser([{ role: 'coordinator', communeId: places.otherCommuneId }]);
  moderator = await makeUser([{ role: 'moderator', communeId: null }]);
});

describe('recording who came from the sign-up list', () => {
  it('records those ticked once each, with their forum seat as representation, and untick takes them off', async () => {
    const id = await meeting();
    const village = await makeMember(places.communeId, 'locality', 'Sołtys Gąsówki');
    const business = await makeMember(places.otherCommuneId, 'business', 'Piekarz');
    const resident = await makeUser([], 'Anna Mieszkanka');
    await signUp(id, village, business, resident);

    expect(await recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [village.id, business.id, resident.id, village.id] })).toEqual({ added: 3, removed: 0 });
    // Sent again (a double click), nothing changes.
    expect(await recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [village.id, business.id, resident.id] })).toEqual({ added: 0, removed: 0 });
    expect(await getAttendanceCounts({ meetingId: id })).toEqual({ total: 3, byRepresentation: { locality: 1, ngo: 0, business: 1, other: 1 } });

    // The business owner steps down afterwards: they were counted as what they were then.
    await db.update(memberships).set({ status: 'ended', endedAt: new Date() }).where(eq(memberships.userId, business.id));
    expect(await recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [business.id] })).toEqual({ added: 0, removed: 2 });
    expect(await getAttendanceCounts({ meetingId: id })).toEqual({ total: 1, byRepresentation: { locality: 0, ngo: 0, business: 1, other: 0 } });

    const list = await listAttendance({ actor: coordinator, meetingId: id });
    expect(list.people.map((p) => [p.name, p.present])).toEqual([
      ['Anna Mieszkanka', false],
      ['Piekarz', true],
      ['Sołtys Gąsówki', false],
    ]);
    const audits = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, 'meeting.attendance'), eq(auditLog.targetId, String(id))));
    expect(audits).toHaveLength(2);
  });

  it('refuses someone not on the sign-up list, and stores nothing', async () => {
    const id = await meeting();
    const signedUp = await makeUser();
    const stranger = await makeUser();
    await signUp(id, signedUp);
    const error = await thrown(recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [signedUp.id, stranger.id] }));
    expect(error.code).toBe('bad_request:attendance_not_signed_up');
    expect((await getAttendanceCounts({ meetingId: id })).total).toBe(0);
  });

  it('keeps on the list someone ticked who withdrew their sign-up later', async () => {
    const id = await meeting();
    const person = await makeUser([], 'Zenon Wycofany');
    await signUp(id, person);
    await recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [person.id] });
    await db.delete(meetingAttendees).where(eq(meetingAttendees.userId, person.id));
    const list = await listAttendance({ actor: coordinator, meetingId: id });
    expect(list.people).toEqual([{ userId: person.id, name: 'Zenon Wycofany', deleted: false, present: true, representation: 'other' }]);
    expect(await recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [person.id] })).toEqual({ added: 0, removed: 0 });
  });

  it('reads the ticks from the form: boxes named present_<id>, only those ticked, nothing else', () => {
    const a = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const b = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const parsed = signUpAttendanceSchema.parse({ meetingId: '7', [`present_${a}`]: 'on', [`present_${b}`]: 'off', present_x: 'on', other: 'on' });
    expect(parsed).toEqual({ meetingId: 7, presentUserIds: [a] });
    expect(signUpAttendanceSchema.safeParse({ meetingId: 'x' }).success).toBe(false);
  });
});

describe('walk-ins', () => {
  it('adds several by representation, or one by name, and a coordinator takes one back', async () => {
    const id = await meeting();
    await addWalkIns({ actor: coordinator, meetingId: id, input: { name: null, representation: 'other', count: 12 } });
    await addWalkIns({ actor: coordinator, meetingId: id, input: { name: 'Ewa Nowak', representation: 'ngo', count: 1 } });
    expect(await getAttendanceCounts({ meetingId: id })).toEqual({ total: 13, byRepresentation: { locality: 0, ngo: 1, business: 0, other: 12 } });
    const { walkIns } = await listAttendance({ actor: coordinator, meetingId: id });
    expect(walkIns.filter((w) => w.name === 'Ewa Nowak')).toHaveLength(1);
    await removeWalkIn({ actor: coordinator, meetingId: id, attendanceId: walkIns[0]!.id });
    expect((await getAttendanceCounts({ meetingId: id })).byRepresentation.other).toBe(11);
    // Once taken back it is gone; nor can a walk-in of another meeting be removed through this one.
    expect((await thrown(removeWalkIn({ actor: coordinator, meetingId: id, attendanceId: walkIns[0]!.id }))).code).toBe('not_found:attendance');
    const other = await meeting();
    expect((await thrown(removeWalkIn({ actor: coordinator, meetingId: other, attendanceId: walkIns[1]!.id }))).code).toBe('not_found:attendance');
  });

  it('takes back only walk-ins: people from the sign-up list are unticked instead', async () => {
    const id = await meeting();
    const person = await makeUser();
    await signUp(id, person);
    await recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [person.id] });
    const [row] = await db.select({ id: meetingAttendance.id }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, id));
    expect((await thrown(removeWalkIn({ actor: coordinator, meetingId: id, attendanceId: row!.id }))).code).toBe('not_found:attendance');
  });

  it('checks the form: a representation, 1–500 people, one person when named', () => {
    const base = { meetingId: '3', name: '', representation: 'business', count: '4' };
    expect(walkInSchema.parse(base)).toEqual({ meetingId: 3, name: null, representation: 'business', count: 4 });
    const issues = (input: Record<string, string>) => walkInSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues({ ...base, representation: 'mayor' })).toEqual(['representation:representation_required']);
    expect(issues({ ...base, count: '0' })).toEqual(['count:walk_in_count_invalid']);
    expect(issues({ ...base, count: '501' })).toEqual(['count:walk_in_count_invalid']);
    expect(issues({ ...base, count: '2.5' })).toEqual(['count:walk_in_count_invalid']);
    expect(issues({ ...base, name: 'Jan Nowak' })).toEqual(['count:walk_in_named_one']);
    expect(issues({ ...base, name: 'x'.repeat(121), count: '1' })).toEqual(['name:name_too_long']);
  });

  it('refuses the same mistakes from a caller that skipped the form, storing nothing', async () => {
    const id = await meeting();
    expect((await thrown(addWalkIns({ actor: coordinator, meetingId: id, input: { name: 'Jan', representation: 'other', count: 3 } }))).fieldErrors).toEqual({ count: ['walk_in_named_one'] });
    expect((await thrown(addWalkIns({ actor: coordinator, meetingId: id, input: { name: null, representation: 'other', count: 100_000 } }))).fieldErrors).toEqual({ count: ['walk_in_count_invalid'] });
    expect((await getAttendanceCounts({ meetingId: id })).total).toBe(0);
  });
});

describe('who may record attendance, and when', () => {
  it('the meeting’s coordinators and admins; not another commune’s coordinator, a moderator or a member', async () => {
    const id = await meeting();
    const admin = await makeUser([{ role: 'admin', communeId: null }]);
    for (const actor of [coordinator, countyCoordinator, admin]) await addWalkIns({ actor, meetingId: id, input: { name: null, representation: 'locality', count: 1 } });
    const member = await makeMember(places.communeId);
    for (const actor of [otherCoordinator, moderator, member]) {
      expect((await thrown(addWalkIns({ actor, meetingId: id, input: { name: null, representation: 'locality', count: 1 } }))).code).toBe('forbidden');
      expect((await thrown(recordSignUpAttendance({ actor, meetingId: id, presentUserIds: [] }))).code).toBe('forbidden');
      expect((await thrown(listAttendance({ actor, meetingId: id }))).code).toBe('forbidden');
    }
    // A county-wide meeting is the county coordinators'.
    const county = await meeting({ communeId: null });
    expect((await thrown(addWalkIns({ actor: coordinator, meetingId: county, input: { name: null, representation: 'other', count: 1 } }))).code).toBe('forbidden');
    await addWalkIns({ actor: countyCoordinator, meetingId: county, input: { name: null, representation: 'other', count: 1 } });
    expect((await getAttendanceCounts({ meetingId: id })).total).toBe(3);
  });

  it('only once the meeting has begun, never for a cancelled one, and an unknown one is not found', async () => {
    const coming = await meeting({ startsIn: HOUR });
    expect((await thrown(addWalkIns({ actor: coordinator, meetingId: coming, input: { name: null, representation: 'other', count: 1 } }))).code).toBe('conflict:attendance_not_held');
    const cancelled = await meeting({ cancelled: true });
    expect((await thrown(addWalkIns({ actor: coordinator, meetingId: cancelled, input: { name: null, representation: 'other', count: 1 } }))).code).toBe('conflict:meeting_cancelled');
    expect((await thrown(addWalkIns({ actor: coordinator, meetingId: 999_999, input: { name: null, representation: 'other', count: 1 } }))).code).toBe('not_found:meeting');
    // Under way counts as begun.
    const now = await meeting({ startsIn: -60_000 });
    await addWalkIns({ actor: coordinator, meetingId: now, input: { name: null, representation: 'other', count: 1 } });
  });

  it('a deleted account stays counted, without a name', async () => {
    const id = await meeting();
    const person = await makeUser([], 'Do Usunięcia');
    await signUp(id, person);
    await recordSignUpAttendance({ actor: coordinator, meetingId: id, presentUserIds: [person.id] });
    await db.delete(users).where(eq(users.id, person.id));
    expect((await getAttendanceCounts({ meetingId: id })).byRepresentation.other).toBe(1);
    const [row] = await db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id));
    expect(row).toMatchObject({ userId: null, name: null });
  });
});
