import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, communes, mailOutbox, meetingAttendees, meetings, memberships, users } from '@/db/schema';
import { deleteAccount } from '@/lib/auth/mutations';
import { hashPassword } from '@/lib/auth/password';
import type { CurrentUser } from '@/lib/auth/permissions';
import { attendMeeting, cancelMeeting, updateMeeting } from '@/lib/meetings/mutations';
import { makeUser, thrown } from '@/tests/factories';
import { inviteToMeeting, queueMeetingReminders } from './meetings';
import { getMailPreferences, unsubscribe, updateMailPreferences } from './preferences';
import { countMeetingMail } from './queries';
import { queueNewsDigest, warsawWeek } from './scheduled';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

const DAY = 86_400_000;
let communeId: number;
let otherCommuneId: number;
let coordinator: CurrentUser;
let communeCoordinator: CurrentUser;

async function meeting(startsInMs = 7 * DAY, overrides: Partial<typeof meetings.$inferInsert> = {}) {
  const start = new Date(Date.now() + startsInMs);
  const [row] = await db
    .insert(meetings)
    .values({ type: 'workshop', title: 'Warsztaty: transport', address: 'Sala GOK, Krempna', startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600_000), communeId, ...overrides })
    .returning();
  return row!;
}

async function member(commune: number, locale = 'pl') {
  const user = await makeUser([], 'Maria Członkini');
  await db.update(users).set({ locale }).where(eq(users.id, user.id));
  await db.insert(memberships).values({ userId: user.id, communeId: commune, representation: 'locality', status: 'approved' });
  return { ...user, locale };
}

async function mailFor(userId: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.userId, userId)).orderBy(mailOutbox.id);
}

beforeAll(async () => {
  const [a, b] = await db
    .insert(communes)
    .values([
      { slug: 'krempna', name: 'Krempna', kind: 'rural' },
      { slug: 'debowiec', name: 'Dębowiec', kind: 'rural' },
    ])
    .returning({ id: communes.id });
  communeId = a!.id;
  otherCommuneId = b!.id;
  coordinator = await makeUser([{ role: 'coordinator', communeId: null }], 'Koordynator Powiatu');
  communeCoordinator = await makeUser([{ role: 'coordinator', communeId }], 'Koordynator Krempnej');
});

let communeSequence = 0;
beforeEach(async () => {
  await db.delete(mailOutbox);
  // A commune of its own for each test: members of earlier tests stay in the file's database.
  const [fresh] = await db.insert(communes).values({ slug: `gmina-${++communeSequence}`, name: `Gmina ${communeSequence}`, kind: 'rural' }).returning({ id: communes.id });
  communeId = fresh!.id;
  communeCoordinator = await makeUser([{ role: 'coordinator', communeId }], 'Koordynator Gminy');
});

describe('meeting invitations', () => {
  it("invites a commune's approved members and named accounts once each, with an .ics in their language", async () => {
    const m = await meeting();
    const pl = await member(communeId);
    const en = await member(communeId, 'en');
    const elsewhere = await member(otherCommuneId);
    const named = await makeUser();
    const pending = await makeUser();
    await db.insert(memberships).values({ userId: pending.id, communeId, representation: 'ngo', organisation: 'KGW', status: 'pending' });

    const result = await inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [communeId], emails: [named.email], note: 'Zapraszamy!' });
    expect(result).toEqual({ queued: 3, declined: 0 });
    expect(await mailFor(elsewhere.id)).toEqual([]);
    expect(await mailFor(pending.id)).toEqual([]);

    const [toPl] = await mailFor(pl.id);
    expect(toPl).toMatchObject({ kind: 'meeting_invitation', subject: 'Zaproszenie: Warsztaty: transport', subjectRef: `meeting:${m.id}` });
    expect(toPl!.textBody).toContain('Zapraszamy!');
    expect(toPl!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const [toEn] = await mailFor(en.id);
    expect(toEn!.subject).toBe('Invitation: Warsztaty: transport');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(toEn!.attachments[0]!.content)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Warsztaty: transport');
    expect(event.startDate.toJSDate().getTime()).toBe(Math.floor(m.startsAt.getTime() / 1000) * 1000); // whole seconds in .ics

    // Asking again sends nothing new to those already invited.
    expect(await inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [communeId], emails: [], note: '' })).toEqual({ queued: 0, declined: 2 });
    expect(await mailFor(pl.id)).toHaveLength(1);
  });

  it('skips members who switched invitations off, and refuses unknown addresses, other communes and past meetings', async () => {
    const m = await meeting();
    const off = await member(communeId);
    await updateMailPreferences({ actor: off, enabled: { meeting_invitation: false } });
    expect(await inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [communeId], emails: [], note: '' })).toEqual({ queued: 0, declined: 1 });

    const unknown = await thrown(inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [], emails: ['nobody@example.pl'], note: '' }));
    expect(unknown.fieldErrors).toEqual({ emails: ['invite_unknown'] });
    const nobody = await thrown(inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [], emails: [], note: '' }));
    expect(nobody.fieldErrors).toEqual({ emails: ['invite_nobody'] });
    const foreign = await thrown(inviteToMeeting({ actor: communeCoordinator, meetingId: m.id, communeIds: [otherCommuneId], emails: [], note: '' }));
    expect(foreign.fieldErrors).toEqual({ communeIds: ['commune_not_yours'] });
    const plainMember = await makeUser();
    expect((await thrown(inviteToMeeting({ actor: plainMember, meetingId: m.id, communeIds: [communeId], emails: [], note: '' }))).code).toBe('forbidden');
    const past = await meeting(-DAY);
    expect((await thrown(inviteToMeeting({ actor: coordinator, meetingId: past.id, communeIds: [communeId], emails: [], note: '' }))).code).toBe('conflict:meeting_past');
    expect(await db.select().from(mailOutbox)).toEqual([]);
  });

  it("shows the meeting's coordinators counts by kind and state, and nobody else", async () => {
    const m = await meeting();
    await member(communeId);
    await inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [communeId], emails: [], note: '' });
    await db.update(mailOutbox).set({ status: 'failed', lastError: '550 no such user' });
    const counts = await countMeetingMail({ actor: communeCoordinator, meetingId: m.id });
    expect(counts.byKind.invitation).toBe(1);
    expect(counts.byStatus).toMatchObject({ failed: 1, sent: 0 });
    expect((await thrown(countMeetingMail({ actor: await makeUser(), meetingId: m.id }))).code).toBe('forbidden');
  });
});

describe('meeting reminders and changes', () => {
  it('reminds those signed up the day before, once, and again if the meeting moves', async () => {
    const soon = await meeting(20 * 3600_000);
    const later = await meeting(3 * DAY);
    const person = await makeUser();
    await db.insert(meetingAttendees).values([
      { meetingId: soon.id, userId: person.id },
      { meetingId: later.id, userId: person.id },
    ]);
    expect(await queueMeetingReminders({ database: db })).toBe(1);
    expect(await queueMeetingReminders({ database: db })).toBe(0); // every minute, still once
    const [reminder] = await mailFor(person.id);
    expect(reminder).toMatchObject({ kind: 'meeting_reminder', subject: 'Przypomnienie: jutro Warsztaty: transport' });

    await db.update(meetings).set({ startsAt: new Date(Date.now() + 22 * 3600_000), endsAt: new Date(Date.now() + 23 * 3600_000) }).where(eq(meetings.id, soon.id));
    expect(await queueMeetingReminders({ database: db })).toBe(1);
  });

  it('tells those signed up of a new time or place, in the transaction of the change, and not of a new title', async () => {
    const m = await meeting(5 * DAY, { communeId: null });
    const person = await makeUser();
    await db.insert(meetingAttendees).values({ meetingId: m.id, userId: person.id });
    const base = {
      type: m.type,
      title: m.title,
      description: m.description,
      agenda: m.agenda,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      address: m.address,
      onlineUrl: m.onlineUrl,
      communeId: null,
      linkUrl: null,
      capacity: null,
    };
    await updateMeeting({ actor: coordinator, id: m.id, input: { ...base, title: 'Warsztaty: komunikacja' } });
    expect(await mailFor(person.id)).toEqual([]);
    await updateMeeting({ actor: coordinator, id: m.id, input: { ...base, title: 'Warsztaty: komunikacja', address: 'Starostwo, sala 5' } });
    const [change] = await mailFor(person.id);
    expect(change).toMatchObject({ kind: 'meeting_change', subject: 'Zmiana: Warsztaty: komunikacja' });
    expect(change!.textBody).toContain('Starostwo, sala 5');
    expect(change!.attachments[0]!.content).toContain('LOCATION:Starostwo');
  });
});

describe('meeting cancellation', () => {
  it('marks the meeting cancelled, tells those signed up with the reason and a CANCELLED .ics, and closes sign-ups and reminders', async () => {
    const m = await meeting(20 * 3600_000);
    const person = await makeUser();
    await db.insert(meetingAttendees).values({ meetingId: m.id, userId: person.id });
    expect((await thrown(cancelMeeting({ actor: person, meetingId: m.id, reason: 'Choroba prowadzącego' }))).code).toBe('forbidden');
    expect((await thrown(cancelMeeting({ actor: coordinator, meetingId: m.id, reason: 'x' }))).fieldErrors).toEqual({ reason: ['reason_required'] });

    await cancelMeeting({ actor: coordinator, meetingId: m.id, reason: 'Choroba prowadzącego' });
    const [row] = await db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(row!.cancelledAt).toBeInstanceOf(Date);
    const [notice] = await mailFor(person.id);
    expect(notice).toMatchObject({ kind: 'meeting_cancelled', subject: 'Odwołane: Warsztaty: transport' });
    expect(notice!.textBody).toContain('Choroba prowadzącego');
    const event = new ICAL.Component(ICAL.parse(notice!.attachments[0]!.content)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');

    expect((await thrown(cancelMeeting({ actor: coordinator, meetingId: m.id, reason: 'Jeszcze raz' }))).code).toBe('conflict:meeting_cancelled');
    const other = await makeUser();
    expect((await thrown(attendMeeting({ actor: other, meetingId: m.id }))).code).toBe('conflict:meeting_cancelled');
    await queueMeetingReminders({ database: db });
    expect((await mailFor(person.id)).map((r) => r.kind)).toEqual(['meeting_cancelled']); // no reminder
    expect((await thrown(inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [communeId], emails: [], note: '' }))).code).toBe('conflict:meeting_cancelled');
  });
});

describe('preferences and unsubscribe', () => {
  it('a signed link switches one kind off without signing in; a forged or altered one does nothing', async () => {
    const person = await makeUser();
    expect(await getMailPreferences({ actor: person })).toMatchObject({ meeting_invitation: true, meeting_reminder: true, meeting_change: true, news_digest: false, thread_replies: true });
    const token = unsubscribeToken(person.id, 'meeting_reminder');
    expect(readUnsubscribeToken(token)).toEqual({ userId: person.id, kind: 'meeting_reminder' });
    expect(await unsubscribe({ token: token.replace('meeting_reminder', 'meeting_change') })).toBeNull();
    expect(await unsubscribe({ token: `${token.slice(0, -2)}xx` })).toBeNull();
    expect(await unsubscribe({ token: 'garbage' })).toBeNull();
    expect((await getMailPreferences({ actor: person })).meeting_reminder).toBe(true);
    expect(await unsubscribe({ token })).toBe('meeting_reminder');
    expect(await getMailPreferences({ actor: person })).toMatchObject({ meeting_invitation: true, meeting_reminder: false, meeting_change: true, news_digest: false });
  });

  it('deleting the account removes its queued messages and the address from sent ones', async () => {
    const password = 'zielony rower nad Wisłoką';
    const person = await makeUser();
    await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, person.id));
    const m = await meeting();
    await inviteToMeeting({ actor: coordinator, meetingId: m.id, communeIds: [], emails: [person.email], note: '' });
    const other = await meeting(8 * DAY);
    await inviteToMeeting({ actor: coordinator, meetingId: other.id, communeIds: [], emails: [person.email], note: '' });
    const [first] = await mailFor(person.id);
    await db.update(mailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, first!.id));

    await deleteAccount({ actor: person, currentPassword: password });
    const left = await mailFor(person.id);
    expect(left.map((r) => [r.status, r.toAddress])).toEqual([['sent', 'deleted@deleted.invalid']]);
  });
});

describe('the weekly news digest', () => {
  it('goes from Monday 8:00 to those who opted in, with the past week, once a week', async () => {
    expect(warsawWeek(new Date('2026-12-07T06:59:00Z'))).toEqual({ monday: '2026-12-07', mondayMorningPassed: false }); // 7:59 in Warsaw
    expect(warsawWeek(new Date('2026-12-07T07:00:00Z'))).toEqual({ monday: '2026-12-07', mondayMorningPassed: true });
    expect(warsawWeek(new Date('2026-12-13T22:59:00Z'))).toEqual({ monday: '2026-12-07', mondayMorningPassed: true }); // Sunday 23:59

    const reader = await makeUser();
    const notReader = await makeUser();
    await updateMailPreferences({ actor: reader, enabled: { news_digest: true } });
    const monday = new Date('2026-12-07T09:00:00Z');
    expect(await queueNewsDigest({ database: db, now: monday })).toBe(0); // nothing new: nothing sent
    await db.insert(articles).values([
      { title: 'Nowy rozkład autobusów', lead: 'Lead', body: 'Treść', status: 'published', publishedAt: new Date('2026-12-03T10:00:00Z') },
      { title: 'Stary artykuł', lead: 'Lead', body: 'Treść', status: 'published', publishedAt: new Date('2026-11-20T10:00:00Z') },
      { title: 'Szkic', lead: 'Lead', body: 'Treść', status: 'draft', publishedAt: new Date('2026-12-04T10:00:00Z') },
    ]);
    expect(await queueNewsDigest({ database: db, now: new Date('2026-12-07T06:00:00Z') })).toBe(0); // before 8:00
    expect(await queueNewsDigest({ database: db, now: monday })).toBe(1);
    expect(await queueNewsDigest({ database: db, now: new Date('2026-12-09T12:00:00Z') })).toBe(0); // same week
    const [digest] = await mailFor(reader.id);
    expect(digest!.textBody).toContain('Nowy rozkład autobusów');
    expect(digest!.textBody).not.toContain('Stary artykuł');
    expect(digest!.textBody).not.toContain('Szkic');
    expect(await mailFor(notReader.id)).toEqual([]);
  });
});
