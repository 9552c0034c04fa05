import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, consultations, documents, documentVersions, meetingAttendance, meetings, memberships, positions, posts, scorecards, surveyResponses, threads } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { makePlaces, makeUser, thrown } from '@/lib/forum/test-helpers';
import { rebuildAggregates } from '@/lib/results/aggregates';
import { toCsv } from '@/lib/results/tables';
import { createSurvey } from '@/lib/surveys/mutations';
import { smallSurveyForm } from '@/lib/surveys/test-helpers';
import { cellKey, getIndicators } from './queries';
import { monthSpan } from './schema';
import { communesTable, everythingTable, meetingsTable, type TableWords } from './tables';
import { actualCells, expectedIndicators } from './test-helpers';

// A small county built to sit on every edge the indicators have: meetings at a Warsaw month's
// first and last minute (in winter and summer time), a cancelled one and one still to come; a seat
// taken and given up mid-range; a post a moderator hid; a consultation whose deadline has not yet
// come; responses by all three channels, one a few minutes before the range in Warsaw time; a
// scheduled and a draft article. "Now" is fixed in June 2031.

const NOW = new Date('2031-06-20T10:00:00Z');
const RANGE = { from: '2031-01', to: '2031-06' };
const at = (iso: string) => new Date(iso);

let places: Awaited<ReturnType<typeof makePlaces>>;
let A: number;
let B: number;
let admin: CurrentUser;

const words: TableWords = { t: (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key), month: (m) => m, meetingType: (type) => type };

async function meeting(values: Partial<typeof meetings.$inferInsert> & { startsAt: Date }, present = 0) {
  const [row] = await db
    .insert(meetings)
    .values({ type: 'forum_session', title: 'Spotkanie', address: 'Sala', endsAt: new Date(values.startsAt.getTime() + 3600_000), ...values })
    .returning({ id: meetings.id });
  if (present > 0) await db.insert(meetingAttendance).values(Array.from({ length: present }, (_, i) => ({ meetingId: row!.id, representation: i % 2 ? ('ngo' as const) : ('other' as const) })));
  return row!.id;
}

async function seat(userId: string, communeId: number, representation: 'locality' | 'ngo' | 'business', status: 'approved' | 'ended' | 'pending', decidedAt: Date | null, endedAt: Date | null = null) {
  await db.insert(memberships).values({ userId, communeId, representation, status, decidedAt, endedAt, organisation: representation === 'locality' ? null : 'Organizacja' });
}

beforeAll(async () => {
  places = await makePlaces();
  A = places.communeId;
  B = places.otherCommuneId;
  admin = await makeUser([{ role: 'admin', communeId: null }]);

  // Meetings. 28 Feb 23:30 UTC is 1 March 00:30 in Warsaw; 31 March 21:59 UTC is 23:59 (summer time).
  await meeting({ type: 'workshop', communeId: A, startsAt: at('2031-02-28T23:30:00Z') }, 7);
  await meeting({ communeId: B, startsAt: at('2031-03-31T21:59:00Z') }, 3);
  await meeting({ communeId: B, startsAt: at('2031-03-31T22:00:00Z') }, 2); // 1 April, 00:00
  await meeting({ type: 'training', communeId: null, startsAt: at('2031-05-10T07:00:00Z') }, 28);
  await meeting({ communeId: A, startsAt: at('2031-04-15T15:00:00Z'), cancelledAt: at('2031-04-10T10:00:00Z') }, 4); // called off
  await meeting({ communeId: A, startsAt: at('2031-06-25T15:00:00Z') }); // still to come
  await meeting({ communeId: A, startsAt: at('2030-12-31T22:59:00Z') }, 5); // 31 December 23:59, before the range

  // Seats: one all along, one taken in March and given up in May, one pending, one from June.
  const village = await makeUser([], 'Sołtys');
  const ngo = await makeUser([], 'Stowarzyszenie');
  const pending = await makeUser([], 'Czeka');
  const business = await makeUser([], 'Firma');
  await seat(village.id, A, 'locality', 'approved', at('2030-11-02T10:00:00Z'));
  await seat(ngo.id, A, 'ngo', 'ended', at('2031-03-15T10:00:00Z'), at('2031-05-02T10:00:00Z'));
  await seat(pending.id, A, 'business', 'pending', null);
  await seat(business.id, B, 'business', 'approved', at('2031-06-01T10:00:00Z'));
  const withdrawn = await makeUser();
  await seat(withdrawn.id, B, 'locality', 'ended', null, at('2031-02-01T10:00:00Z')); // stepped down while pending

  // The forum: a commune thread and a county thread, a hidden post, a non-member's post.
  const [threadA] = await db.insert(threads).values({ communeId: A, title: 'Droga', createdAt: at('2031-02-10T10:00:00Z'), postCount: 4 }).returning({ id: threads.id });
  const [threadCounty] = await db.insert(threads).values({ communeId: null, title: 'Zdrowie', createdAt: at('2031-04-01T10:00:00Z'), postCount: 2 }).returning({ id: threads.id });
  await db.insert(posts).values([
    { threadId: threadA!.id, number: 1, authorId: village.id, body: 'a', createdAt: at('2031-02-10T10:00:00Z') },
    { threadId: threadA!.id, number: 2, authorId: village.id, body: 'b', createdAt: at('2031-03-02T10:00:00Z'), hiddenAt: at('2031-03-03T10:00:00Z') },
    { threadId: threadA!.id, number: 3, authorId: ngo.id, body: 'c', createdAt: at('2031-04-10T10:00:00Z') },
    { threadId: threadA!.id, number: 4, authorId: admin.id, body: 'd', createdAt: at('2031-04-11T10:00:00Z') },
    { threadId: threadCounty!.id, number: 1, authorId: admin.id, body: 'e', createdAt: at('2031-04-01T10:00:00Z') },
    { threadId: threadCounty!.id, number: 2, authorId: business.id, body: 'f', createdAt: at('2031-06-05T10:00:00Z') },
  ]);

  // Consultations: one closed in April, one whose deadline is after "now".
  const [consultation] = await db
    .insert(consultations)
    .values({ threadId: threadA!.id, communeId: A, title: 'Konsultacja', body: 'Treść', createdAt: at('2031-03-05T10:00:00Z'), deadline: at('2031-04-05T10:00:00Z') })
    .returning({ id: consultations.id });
  await db.insert(consultations).values({ threadId: threadCounty!.id, communeId: null, title: 'Powiatowa', body: 'Treść', createdAt: at('2031-06-01T10:00:00Z'), deadline: at('2031-07-01T10:00:00Z') });
  await db.insert(positions).values({ consultationId: consultation!.id, userId: ngo.id, communeId: A, representation: 'ngo', position: 'supports', justification: 'Tak', createdAt: at('2031-03-20T10:00:00Z') });
  await db.insert(scorecards).values({ userId: village.id, communeId: A, serviceAreaId: places.areaIds[0]!, quarter: 20312, score: 4, createdAt: at('2031-05-15T10:00:00Z') });

  // Survey responses, through the dashboards' aggregate as the app keeps it.
  const invitation = await createSurvey({ actor: admin, input: smallSurveyForm(`kody-${randomUUID().slice(0, 6)}`, 'invitation', [A, B]) });
  const openLink = await createSurvey({ actor: admin, input: smallSurveyForm(`link-${randomUUID().slice(0, 6)}`, 'open_link', [A, B]) });
  const response = (surveyId: string, communeId: number, channel: 'online' | 'paper', submittedAt: string) => ({ id: randomUUID(), surveyId, communeId, channel, submittedAt: at(submittedAt) });
  await db.insert(surveyResponses).values([
    response(invitation.id, A, 'online', '2031-01-31T23:30:00Z'), // 1 February in Warsaw
    response(invitation.id, A, 'paper', '2031-02-03T10:00:00Z'),
    response(openLink.id, B, 'paper', '2031-05-05T10:00:00Z'),
    response(openLink.id, B, 'online', '2031-05-06T10:00:00Z'),
    response(openLink.id, B, 'online', '2031-05-06T11:00:00Z'),
    response(openLink.id, A, 'online', '2030-12-31T22:30:00Z'), // 31 December, 23:30
  ]);
  await rebuildAggregates(db, { surveyId: invitation.id });
  await rebuildAggregates(db, { surveyId: openLink.id });

  // News: published, county-wide, scheduled after "now", a draft.
  const article = (communeId: number | null, status: 'published' | 'draft', publishedAt: string) => ({ title: 'T', lead: 'Wstęp', body: 'Treść', communeId, status, publishedAt: at(publishedAt) });
  const [, countyNews, , draftNews] = await db
    .insert(articles)
    .values([article(A, 'published', '2031-02-01T09:00:00Z'), article(null, 'published', '2031-06-10T09:00:00Z'), article(null, 'published', '2031-06-30T09:00:00Z'), article(A, 'draft', '2031-03-01T09:00:00Z')])
    .returning({ id: articles.id });

  // Documents: counted from their first version, not again for a second; an article's attachment
  // from the article's publication, a draft's not at all; one uploaded after "now" not yet.
  const documentFile = async (values: Partial<typeof documents.$inferInsert>, uploads: string[]) => {
    const [row] = await db.insert(documents).values({ title: 'Model', kind: 'service_model', versionCount: uploads.length, ...values }).returning({ id: documents.id });
    await db.insert(documentVersions).values(
      uploads.map((createdAt, i) => ({ documentId: row!.id, number: i + 1, storageKey: randomUUID(), fileName: 'model.pdf', contentType: 'application/pdf', size: 1000, sha256: 'x', createdAt: at(createdAt) })),
    );
  };
  await documentFile({ communeId: A }, ['2031-02-28T23:30:00Z', '2031-04-02T10:00:00Z']); // 1 March in Warsaw; a new version in April
  await documentFile({ communeId: B, visibility: 'members' }, ['2031-05-20T10:00:00Z']);
  await documentFile({ communeId: null, kind: 'minutes', articleId: countyNews!.id }, ['2031-05-30T10:00:00Z']); // out with the article on 10 June
  await documentFile({ communeId: A, articleId: draftNews!.id }, ['2031-03-02T10:00:00Z']); // a draft's
  await documentFile({ communeId: null, kind: 'strategy' }, ['2031-06-21T10:00:00Z']); // after "now"
}, 120_000);

describe('the indicators', () => {
  it('equal, cell by cell, what the raw rows say', async () => {
    const d = await getIndicators({ actor: admin, params: RANGE, now: NOW });
    expect(d.months).toEqual(['2031-01', '2031-02', '2031-03', '2031-04', '2031-05', '2031-06']);
    const areas = d.areas.map((a) => a.communeId);
    expect(areas).toContain(A);
    expect(areas).toContain(B);
    expect(areas.at(-1)).toBeNull();
    const expected = await expectedIndicators({ months: d.months, areas, now: NOW });
    expect(actualCells(d)).toEqual(expected.cells);
    expect(Object.fromEntries(d.membersActive.byMonth)).toEqual(Object.fromEntries(Object.entries(expected.byMonth).filter(([, n]) => n > 0)));
    expect(d.membersActive.total).toBe(expected.total);
    expect(d.quotas).toEqual(expected.quotas);
  });

  it('land in the right Warsaw month and leave out what had not happened', async () => {
    const d = await getIndicators({ actor: admin, params: RANGE, now: NOW });
    const cell = (month: string, area: number | null) => d.cells.get(cellKey(month, area))!;
    // The workshop of 1 March 00:30 is March's; B's meeting at 23:59 on 31 March too, the one at 00:00 April's.
    expect(cell('2031-02', A).meetings.workshop).toBe(0);
    expect(cell('2031-03', A)).toMatchObject({ meetings: { workshop: 1 }, attendance: 7 });
    expect(cell('2031-03', B)).toMatchObject({ meetings: { forum_session: 1 }, attendance: 3 });
    expect(cell('2031-04', B)).toMatchObject({ meetings: { forum_session: 1 }, attendance: 2 });
    expect(cell('2031-04', A).attendance).toBe(0); // the cancelled one
    expect(cell('2031-05', null)).toMatchObject({ meetings: { training: 1 }, attendance: 28, seatsLocality: null, responsesPaper: null });
    expect(cell('2031-06', A).meetings.forum_session).toBe(0); // still to come
    // Seats at each month's end: the NGO seat from 15 March to 2 May; B's business seat in June.
    expect(['2031-01', '2031-02', '2031-03', '2031-04', '2031-05', '2031-06'].map((m) => [cell(m, A).seatsLocality, cell(m, A).seatsOrganisation, cell(m, B).seatsOrganisation])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 0],
      [1, 0, 0],
      [1, 0, 1],
    ]);
    expect(cell('2031-03', A).posts).toBe(0); // hidden
    expect(cell('2031-04', null)).toMatchObject({ threads: 1, posts: 1 });
    expect(cell('2031-03', A)).toMatchObject({ consultationsOpened: 1, positions: 1 });
    expect(cell('2031-04', A).consultationsClosed).toBe(1);
    expect(cell('2031-06', null)).toMatchObject({ consultationsOpened: 1, consultationsClosed: 0, news: 1 });
    expect(cell('2031-01', A).responsesInvitation).toBe(0);
    expect(cell('2031-02', A)).toMatchObject({ responsesInvitation: 1, responsesPaper: 1, responsesOpenLink: 0, news: 1 });
    expect(cell('2031-05', B)).toMatchObject({ responsesPaper: 1, responsesOpenLink: 2 });
    // Active: the village head in February (the hidden post does not count) and May (a rating);
    // the NGO member in March (a position) and April (a post); B's business owner in June, on a county thread.
    expect(Object.fromEntries(d.membersActive.byCell)).toEqual({
      [cellKey('2031-02', A)]: 1,
      [cellKey('2031-03', A)]: 1,
      [cellKey('2031-04', A)]: 1,
      [cellKey('2031-05', A)]: 1,
      [cellKey('2031-06', B)]: 1,
    });
    expect(d.membersActive.total).toBe(3);
    expect([cell('2031-02', A).documents, cell('2031-03', A).documents, cell('2031-04', A).documents]).toEqual([0, 1, 0]);
    expect(cell('2031-05', B).documents).toBe(1);
    expect([cell('2031-05', null).documents, cell('2031-06', null).documents]).toEqual([0, 1]);
  });

  it('add up in the tables: by commune over the range (seats at its end), and the CSV carries the same numbers', async () => {
    const d = await getIndicators({ actor: admin, params: RANGE, now: NOW });
    const table = communesTable(d, words);
    const header = (key: string) => table.headers.indexOf(`columns.${key}`);
    const row = (name: string) => table.rows.find((r) => r[0] === name)!;
    const communeA = d.areas.find((a) => a.communeId === A)!.name!;
    expect(row(communeA)[header('meetings')]).toBe(1);
    expect(row(communeA)[header('attendance')]).toBe(7);
    expect(row(communeA)[header('seatsLocality')]).toBe(1);
    expect(row(communeA)[header('seatLimit')]).toBe(10);
    expect(row(communeA)[header('membersActive')]).toBe(2);
    expect(row('countyWide')[header('seatsLocality')]).toBeNull();
    expect(row('countyWide')[header('attendance')]).toBe(28);
    expect(row('total')[header('attendance')]).toBe(40);
    expect(row('total')[header('membersActive')]).toBe(3);
    expect(row('total')[header('responsesOpenLink')]).toBe(2);
    expect(row('total')[header('documents')]).toBe(3);

    const csv = parse(toCsv(everythingTable(d, words), '', 'plain'), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv).toHaveLength(d.months.length * d.areas.length);
    const may = csv.find((r) => r['columns.month'] === '2031-05' && r['columns.commune'] === 'countyWide')!;
    expect(may).toMatchObject({ training: '1', 'columns.attendance': '28', 'columns.seatsLocality': '' });

    const monthly = meetingsTable(d, words);
    expect(monthly.rows.at(-1)).toEqual(['total', 2, 1, 0, 0, 1, 4, 40]);
  });

  it('for a chosen commune, only that commune', async () => {
    const d = await getIndicators({ actor: admin, params: { ...RANGE, commune: (await slugOf(B))! }, now: NOW });
    expect(d.areas.map((a) => a.communeId)).toEqual([B]);
    const expected = await expectedIndicators({ months: d.months, areas: [B], now: NOW });
    expect(actualCells(d)).toEqual(expected.cells);
  });
});

async function slugOf(id: number) {
  const { communes } = await getIndicators({ actor: admin, params: RANGE, now: NOW });
  return communes.find((c) => c.id === id)?.slug;
}

describe('who sees the indicators', () => {
  it('analysts and county-wide coordinators the whole county; a commune’s coordinator their commune only', async () => {
    for (const actor of [await makeUser([{ role: 'analyst', communeId: null }]), await makeUser([{ role: 'coordinator', communeId: null }])]) {
      const d = await getIndicators({ actor, params: RANGE, now: NOW });
      expect(d.areas.some((a) => a.communeId === null)).toBe(true);
      expect(d.wholeCounty).toBe(true);
    }
    const local = await makeUser([{ role: 'coordinator', communeId: A }]);
    const d = await getIndicators({ actor: local, params: RANGE, now: NOW });
    expect(d.areas.map((a) => a.communeId)).toEqual([A]);
    expect(d.communes.map((c) => c.id)).toEqual([A]);
    expect(d.membersActive.byMonth.get('2031-06')).toBeUndefined(); // B's member
    expect((await thrown(getIndicators({ actor: local, params: { ...RANGE, commune: (await slugOf(B))! }, now: NOW }))).code).toBe('forbidden');
  });

  it('nobody else: a moderator, an operator, a member, a visitor', async () => {
    for (const actor of [await makeUser([{ role: 'moderator', communeId: null }]), await makeUser([{ role: 'operator', communeId: null }]), await makeUser()]) {
      expect((await thrown(getIndicators({ actor, params: RANGE, now: NOW }))).code).toBe('forbidden');
    }
    expect((await thrown(getIndicators({ actor: null, params: RANGE, now: NOW }))).code).toBe('unauthorized');
    expect((await thrown(getIndicators({ actor: admin, params: { commune: 'nie-ma-takiej' }, now: NOW }))).code).toBe('not_found:commune');
  });
});

describe('the range of months', () => {
  it('is the last twelve by default, put the right way round, and five years at most', () => {
    expect(monthSpan({}, '2026-03')).toMatchObject({ from: '2025-04', to: '2026-03' });
    expect(monthSpan({}, '2026-03').months).toHaveLength(12);
    expect(monthSpan({ from: '2026-01' }, '2026-03')).toMatchObject({ from: '2026-01', to: '2026-03' });
    expect(monthSpan({ to: '2025-12' }, '2026-03')).toMatchObject({ from: '2025-01', to: '2025-12' });
    expect(monthSpan({ from: '2026-05', to: '2026-02' }, '2026-03')).toMatchObject({ from: '2026-02', to: '2026-05' });
    expect(monthSpan({ from: '1990-01', to: '2026-03' }, '2026-03')).toMatchObject({ from: '2021-04', to: '2026-03' });
    expect(monthSpan({ from: '2026-12', to: '2027-01' }, '2026-03').months).toEqual(['2026-12', '2027-01']);
  });
});
