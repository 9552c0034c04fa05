import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, communes, meetingAttendees, meetings, userRoles, users } from '@/db/schema';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { attachMinutes, attendMeeting, createMeeting, updateMeeting, withdrawAttendance } from './mutations';
import { getMeeting, listAttendees, listMeetings, listMonthMeetings, listNextMeetings } from './queries';
import { createMeetingSchema, type MeetingInput } from './schema';

let sequence = 0;
async function makeUser(roles: RoleGrant[] = [], name = 'Jan Kowalski'): Promise<CurrentUser> {
  const email = `m${++sequence}-${randomUUID().slice(0, 8)}@example.pl`;
  const [row] = await db.insert(users).values({ name, email }).returning({ id: users.id });
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((g) => ({ userId: row!.id, ...g })));
  return { id: row!.id, email, name, locale: 'pl', roles };
}

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const DAY = 86_400_000;
function input(overrides: Partial<MeetingInput> = {}): MeetingInput {
  const start = new Date(Date.now() + 7 * DAY);
  return {
    type: 'workshop',
    title: 'Warsztaty strategiczne',
    description: 'Opis **spotkania**',
    agenda: '1. Otwarcie',
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * 3600_000),
    address: 'Starostwo Powiatowe, ul. Rynek 18, Jasło',
    onlineUrl: null,
    communeId: null,
    linkUrl: null,
    capacity: null,
    ...overrides,
  };
}

/** A meeting inserted directly (past ones cannot be created through createMeeting). */
async function insertMeeting(overrides: Partial<typeof meetings.$inferInsert> = {}) {
  const start = new Date(Date.now() + 3 * DAY);
  const [row] = await db
    .insert(meetings)
    .values({ type: 'forum_session', title: 'Sesja', address: 'Sala', startsAt: start, endsAt: new Date(start.getTime() + 3600_000), ...overrides })
    .returning({ id: meetings.id });
  return row!.id;
}

let communeId: number;
let otherCommuneId: number;
let inactiveCommuneId: number;
let admin: CurrentUser;
let countyCoordinator: CurrentUser;
let communeCoordinator: CurrentUser;
let member: CurrentUser;

beforeAll(async () => {
  const rows = await db
    .insert(communes)
    .values([
      { slug: 'debowiec', name: 'Dębowiec', kind: 'rural' },
      { slug: 'krempna', name: 'Krempna', kind: 'rural' },
      { slug: 'stara', name: 'Stara', kind: 'rural', active: false },
    ])
    .returning({ id: communes.id });
  [communeId, otherCommuneId, inactiveCommuneId] = rows.map((r) => r.id) as [number, number, number];
  admin = await makeUser([{ role: 'admin', communeId: null }]);
  countyCoordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  communeCoordinator = await makeUser([{ role: 'coordinator', communeId }]);
  member = await makeUser();
});

describe('publishing meetings', () => {
  const outsiders: [string, () => RoleGrant[]][] = [
    ['a plain member', () => []],
    ['a moderator', () => [{ role: 'moderator', communeId: null }]],
    ['an analyst', () => [{ role: 'analyst', communeId: null }]],
    ['an operator', () => [{ role: 'operator', communeId: null }]],
  ];
  it.each(outsiders)('%s may not publish or edit a meeting', async (_label, roles) => {
    const actor = await makeUser(roles());
    const id = await insertMeeting();
    expect((await thrown(createMeeting({ actor, input: input() }))).code).toBe('forbidden');
    expect((await thrown(updateMeeting({ actor, id, input: input() }))).code).toBe('forbidden');
    expect((await thrown(attachMinutes({ actor, meetingId: id, minutes: 'Protokół ze spotkania.' }))).code).toBe('forbidden');
  });

  it('a county coordinator publishes county-wide and commune meetings, audited', async () => {
    const county = await createMeeting({ actor: countyCoordinator, input: input() });
    const local = await createMeeting({ actor: countyCoordinator, input: input({ communeId }) });
    const [row] = await db.select().from(meetings).where(eq(meetings.id, local.id));
    expect(row).toMatchObject({ communeId, createdBy: countyCoordinator.id, title: 'Warsztaty strategiczne' });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'meeting.create'));
    expect(audits.map((a) => a.targetId)).toEqual(expect.arrayContaining([String(county.id), String(local.id)]));
  });

  it('a commune coordinator publishes in their commune only, not elsewhere nor county-wide', async () => {
    await expect(createMeeting({ actor: communeCoordinator, input: input({ communeId }) })).resolves.toHaveProperty('id');
    for (const other of [otherCommuneId, null]) {
      const error = await thrown(createMeeting({ actor: communeCoordinator, input: input({ communeId: other }) }));
      expect(error.status).toBe(403);
      expect(error.fieldErrors).toEqual({ communeId: ['commune_not_yours'] });
    }
  });

  it('an admin publishes anywhere', async () => {
    await expect(createMeeting({ actor: admin, input: input({ communeId: otherCommuneId }) })).resolves.toHaveProperty('id');
    await expect(createMeeting({ actor: admin, input: input() })).resolves.toHaveProperty('id');
  });

  it('refuses an inactive commune, an end before the start, a past start and broken links, at their fields', async () => {
    expect((await thrown(createMeeting({ actor: admin, input: input({ communeId: inactiveCommuneId }) }))).fieldErrors).toEqual({ communeId: ['commune_inactive'] });
    const start = new Date(Date.now() + DAY);
    expect((await thrown(createMeeting({ actor: admin, input: input({ startsAt: start, endsAt: start }) }))).fieldErrors).toEqual({ endsAt: ['ends_before_start'] });
    const past = new Date(Date.now() - DAY);
    expect((await thrown(createMeeting({ actor: admin, input: input({ startsAt: past, endsAt: new Date() }) }))).fieldErrors).toEqual({ startsAt: ['starts_in_past'] });
    expect((await thrown(createMeeting({ actor: admin, input: input({ linkUrl: 'javascript:alert(1)' }) }))).fieldErrors).toEqual({ linkUrl: ['link_invalid'] });
    expect((await thrown(createMeeting({ actor: admin, input: input({ onlineUrl: 'http://meet.example.pl/x' }) }))).fieldErrors).toEqual({ onlineUrl: ['url_https_required'] });
  });

  it('the form schema refuses the same things, keyed by field', () => {
    const base = { type: 'workshop', title: 'Sesja forum', address: 'Sala narad', startsAt: '2030-05-10T10:00' };
    const result = (extra: Record<string, string>) => createMeetingSchema.safeParse({ ...base, ...extra });
    expect(result({ endsAt: '2030-05-10T12:00', linkUrl: '/s/diagnoza-potrzeb', onlineUrl: 'https://meet.example.pl/abc' }).success).toBe(true);
    const issues = (extra: Record<string, string>) => result(extra).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ endsAt: '2030-05-10T09:00' })).toEqual([['endsAt', 'ends_before_start']]);
    expect(issues({ startsAt: '2020-05-10T10:00', endsAt: '2020-05-10T12:00' })).toEqual([['startsAt', 'starts_in_past']]);
    expect(issues({ endsAt: '2030-05-10T12:00', linkUrl: '//evil.example/x' })).toEqual([['linkUrl', 'link_invalid']]);
    expect(issues({ endsAt: '2030-05-10T12:00', linkUrl: 'htps:/zepsuty' })).toEqual([['linkUrl', 'link_invalid']]);
    expect(issues({ startsAt: '2030-03-31T02:30', endsAt: '2030-03-31T04:00' })).toEqual([['startsAt', 'time_nonexistent']]);
    expect(issues({ endsAt: '2030-05-10T12:00', capacity: '0' })).toEqual([['capacity', 'capacity_invalid']]);
  });
});

describe('editing meetings and attaching minutes', () => {
  it('a commune coordinator edits their commune\'s meeting but not another\'s, nor moves it away', async () => {
    const own = await insertMeeting({ communeId });
    const theirs = await insertMeeting({ communeId: otherCommuneId });
    const county = await insertMeeting();
    await updateMeeting({ actor: communeCoordinator, id: own, input: input({ communeId, title: 'Nowy tytuł' }) });
    expect((await db.select().from(meetings).where(eq(meetings.id, own)))[0]!.title).toBe('Nowy tytuł');
    expect((await thrown(updateMeeting({ actor: communeCoordinator, id: theirs, input: input({ communeId }) }))).code).toBe('forbidden');
    expect((await thrown(updateMeeting({ actor: communeCoordinator, id: county, input: input({ communeId }) }))).code).toBe('forbidden');
    expect((await thrown(updateMeeting({ actor: communeCoordinator, id: own, input: input({ communeId: otherCommuneId }) }))).fieldErrors).toEqual({
      communeId: ['commune_not_yours'],
    });
    expect((await db.select().from(meetings).where(eq(meetings.id, theirs)))[0]!.title).toBe('Sesja');
  });

  it('an edit may keep a past start; a missing meeting is "not found"', async () => {
    const past = await insertMeeting({ startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) });
    await updateMeeting({ actor: countyCoordinator, id: past, input: input({ startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) }) });
    expect((await thrown(updateMeeting({ actor: admin, id: 999_999, input: input() }))).code).toBe('not_found:meeting');
  });

  it('minutes go on a meeting that has begun, by its coordinators only', async () => {
    const held = await insertMeeting({ communeId, startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) });
    const upcoming = await insertMeeting({ communeId });
    const elsewhere = await insertMeeting({ communeId: otherCommuneId, startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) });
    await attachMinutes({ actor: communeCoordinator, meetingId: held, minutes: 'Ustalono priorytety: transport i zdrowie.' });
    const [row] = await db.select().from(meetings).where(eq(meetings.id, held));
    expect(row!.minutes).toBe('Ustalono priorytety: transport i zdrowie.');
    expect(row!.minutesAt).toBeInstanceOf(Date);
    expect((await thrown(attachMinutes({ actor: communeCoordinator, meetingId: upcoming, minutes: 'Za wcześnie na protokół.' }))).fieldErrors).toEqual({ minutes: ['meeting_not_held'] });
    expect((await thrown(attachMinutes({ actor: communeCoordinator, meetingId: elsewhere, minutes: 'Nie moja gmina, nie mój protokół.' }))).code).toBe('forbidden');
    expect((await thrown(attachMinutes({ actor: admin, meetingId: 999_999, minutes: 'Protokół nieistniejący.' }))).code).toBe('not_found:meeting');
  });
});

describe('saying you will come', () => {
  it('needs a signed-in user', async () => {
    const id = await insertMeeting();
    expect((await thrown(attendMeeting({ actor: null, meetingId: id }))).code).toBe('unauthorized');
    expect((await thrown(withdrawAttendance({ actor: null, meetingId: id }))).code).toBe('unauthorized');
  });

  it('a member signs up once (repeats change nothing) and withdraws only themselves', async () => {
    const id = await insertMeeting();
    const other = await makeUser();
    await attendMeeting({ actor: member, meetingId: id });
    await attendMeeting({ actor: member, meetingId: id });
    await attendMeeting({ actor: other, meetingId: id });
    expect((await getMeeting({ id, viewer: member })).attendeeCount).toBe(2);
    expect((await getMeeting({ id, viewer: member })).attending).toBe(true);
    await withdrawAttendance({ actor: member, meetingId: id });
    const after = await getMeeting({ id, viewer: member });
    expect(after).toMatchObject({ attendeeCount: 1, attending: false });
    expect((await getMeeting({ id, viewer: other })).attending).toBe(true);
  });

  it('a full meeting refuses the next person, also when several ask at once', async () => {
    const id = await insertMeeting({ capacity: 2 });
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser()));
    const results = await Promise.allSettled(people.map((p) => attendMeeting({ actor: p, meetingId: id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results.filter((r) => r.status === 'rejected')) expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('conflict:meeting_full');
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
    expect(row!.n).toBe(2);
  });

  it('a meeting that has ended takes no sign-ups nor withdrawals; an unknown one is "not found"', async () => {
    const id = await insertMeeting({ startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) });
    expect((await thrown(attendMeeting({ actor: member, meetingId: id }))).code).toBe('conflict:meeting_past');
    expect((await thrown(withdrawAttendance({ actor: member, meetingId: id }))).code).toBe('conflict:meeting_past');
    expect((await thrown(attendMeeting({ actor: member, meetingId: 999_999 }))).code).toBe('not_found:meeting');
  });

  it('the list of who comes is for the meeting\'s coordinators and admins only', async () => {
    const id = await insertMeeting({ communeId });
    await attendMeeting({ actor: member, meetingId: id });
    for (const actor of [communeCoordinator, countyCoordinator, admin]) {
      expect((await listAttendees({ actor, meetingId: id })).map((a) => a.userId)).toEqual([member.id]);
    }
    const otherCoordinator = await makeUser([{ role: 'coordinator', communeId: otherCommuneId }]);
    const moderator = await makeUser([{ role: 'moderator', communeId: null }]);
    for (const actor of [member, otherCoordinator, moderator]) {
      expect((await thrown(listAttendees({ actor, meetingId: id }))).code).toBe('forbidden');
    }
    expect((await getMeeting({ id, viewer: communeCoordinator })).canManage).toBe(true);
    expect((await getMeeting({ id, viewer: otherCoordinator })).canManage).toBe(false);
    expect((await getMeeting({ id, viewer: null })).canManage).toBe(false);
  });
});

describe('reading the calendar', () => {
  it('filters by commune (with the county-wide ones) and type, pages by keyset, archives the past', async () => {
    await db.delete(meetings);
    const base = Date.now() + 10 * DAY;
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push(await insertMeeting({ startsAt: new Date(base + i * 3600_000), endsAt: new Date(base + i * 3600_000 + 1800_000), communeId: i % 2 ? communeId : otherCommuneId, type: i % 5 === 0 ? 'conference' : 'workshop' }));
    }
    const county = await insertMeeting({ startsAt: new Date(base + 100 * 3600_000), endsAt: new Date(base + 101 * 3600_000) });
    const past = await insertMeeting({ startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 3 * DAY + 3600_000), communeId });

    const first = await listMeetings({});
    expect(first.meetings.map((m) => m.id)).toEqual(ids.slice(0, 20));
    const second = await listMeetings({ cursor: first.nextCursor! });
    expect(second.meetings.map((m) => m.id)).toEqual([...ids.slice(20), county]);
    expect(second.nextCursor).toBeNull();

    const local = await listMeetings({ communeId });
    expect(local.meetings.map((m) => m.id)).toEqual([...ids.filter((_, i) => i % 2), county]);
    expect((await listMeetings({ type: 'conference' })).meetings).toHaveLength(5);
    expect((await listMeetings({ archive: true })).meetings.map((m) => m.id)).toEqual([past]);
    expect((await listNextMeetings({ limit: 2 })).map((m) => m.id)).toEqual(ids.slice(0, 2));
    await expect(listMeetings({ cursor: 'drop table' })).rejects.toThrow();
  });

  it('a month view holds the meetings starting in that Warsaw month, edges included', async () => {
    await db.delete(meetings);
    const a = await insertMeeting({ startsAt: new Date('2031-02-28T23:00:00Z'), endsAt: new Date('2031-03-01T01:00:00Z') }); // 1 March 00:00 Warsaw
    await insertMeeting({ startsAt: new Date('2031-02-28T22:59:00Z'), endsAt: new Date('2031-02-28T23:30:00Z') }); // 28 February 23:59
    const b = await insertMeeting({ startsAt: new Date('2031-03-31T21:59:00Z'), endsAt: new Date('2031-03-31T23:00:00Z') }); // 31 March 23:59 (summer time)
    await insertMeeting({ startsAt: new Date('2031-03-31T22:00:00Z'), endsAt: new Date('2031-03-31T23:00:00Z') }); // 1 April 00:00
    expect((await listMonthMeetings({ year: 2031, month: 3 })).map((m) => m.id)).toEqual([a, b]);
  });
});
