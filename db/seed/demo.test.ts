import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, communes, consultations, documents, documentVersions, forumSettings, meetingAttendance, meetings, memberships, surveyAnswers, surveys, threads, users } from '@/db/schema';
import { cellKey, getIndicators } from '@/lib/indicators/queries';
import { communesTable } from '@/lib/indicators/tables';
import { actualCells, expectedIndicators } from '@/lib/indicators/test-helpers';
import { getFileStore } from '@/lib/files/store';
import { DEFAULT_SURVEY_SLUG } from '@/lib/surveys/default-questionnaire';
import { seedDemo } from './run';

// The whole demo (3,000 survey responses among it) takes a minute or two to load on PGlite, so it
// is loaded once for every check of it — here, in one file — instead of once per file. It is
// loaded twice: a second run must leave what exists (npm run dev seeds an existing database).
beforeAll(async () => {
  await seedDemo(db, { demo: true });
  await seedDemo(db, { demo: true });
}, 300_000);

describe('the forum demo seed', () => {
  it('loads settings, members in several communes, threads and an open consultation, once', async () => {
    const [settings] = await db.select().from(forumSettings);
    expect(settings).toMatchObject({ localityQuota: 5, organisationQuota: 5, autoHideReports: 3 });
    const [{ n: threadCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(threads);
    expect(threadCount).toBe(5);
    const perCommune = await db
      .select({ slug: communes.slug, n: sql<number>`count(*)::int` })
      .from(memberships)
      .innerJoin(communes, eq(communes.id, memberships.communeId))
      .where(eq(memberships.status, 'approved'))
      .groupBy(communes.slug);
    expect(perCommune.length).toBeGreaterThanOrEqual(4);
    expect(perCommune.find((c) => c.slug === 'krempna')?.n).toBe(5);
    const [open] = await db.select({ open: sql<boolean>`${consultations.deadline} > now()` }).from(consultations);
    expect(open?.open).toBe(true);
  });
});

describe('demo meetings and news', () => {
  it('load past and coming meetings and published and draft articles, once', async () => {
    const [m] = await db
      .select({ past: sql<number>`count(*) filter (where ${meetings.endsAt} < now())::int`, coming: sql<number>`count(*) filter (where ${meetings.startsAt} > now())::int`, minutes: sql<number>`count(${meetings.minutes})::int` })
      .from(meetings);
    expect(m!.past).toBeGreaterThanOrEqual(2);
    expect(m!.coming).toBeGreaterThanOrEqual(3);
    expect(m!.minutes).toBeGreaterThanOrEqual(1);
    const [a] = await db
      .select({ published: sql<number>`count(*) filter (where ${articles.status} = 'published')::int`, drafts: sql<number>`count(*) filter (where ${articles.status} = 'draft')::int` })
      .from(articles);
    expect(a).toEqual({ published: 4, drafts: 1 });
  });

  it('fill the library once: a model, the training materials on their meeting, a members-only report in two versions, each a stored PDF', async () => {
    const rows = await db
      .select({ title: documents.title, visibility: documents.visibility, meetingId: documents.meetingId, number: documentVersions.number, key: documentVersions.storageKey, type: documentVersions.contentType, pages: documentVersions.pageCount })
      .from(documents)
      .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id));
    expect(new Set(rows.map((r) => r.title)).size).toBe(3);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.meetingId !== null).length).toBe(1);
    expect(rows.filter((r) => r.visibility === 'members').map((r) => r.number).sort()).toEqual([1, 2]);
    for (const r of rows) {
      expect(r.type).toBe('application/pdf');
      expect(r.pages).toBeGreaterThanOrEqual(1);
      const stream = await getFileStore().get(r.key);
      expect(stream).not.toBeNull();
      stream!.destroy();
    }
  });
});

describe('demo seed: residents remarks', () => {
  it('leaves a review queue with personal data in it, and some remarks already reviewed and clean', async () => {
    const [survey] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, DEFAULT_SURVEY_SLUG));
    const rows = await db
      .select({ text: surveyAnswers.text, reviewState: surveyAnswers.reviewState })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.surveyId, survey!.id), isNotNull(surveyAnswers.text)));
    const pending = rows.filter((r) => r.reviewState === null);
    const reviewed = rows.filter((r) => r.reviewState !== null);
    expect(pending.length).toBeGreaterThan(50);
    expect(reviewed.length).toBeGreaterThan(20);
    expect(reviewed.some((r) => r.reviewState === 2 && r.text!.includes('[usunięto]'))).toBe(true);
    const personal = /\d{3} \d{3} \d{3}|@|Nowak|Kowalczyk/;
    expect(pending.some((r) => personal.test(r.text!))).toBe(true);
    expect(reviewed.some((r) => personal.test(r.text!))).toBe(false);
  });
});

describe('demo attendance and the indicators', () => {
  it('gives the past meetings attendance lists that agree with their minutes', async () => {
    const held = await db
      .select({ title: meetings.title, minutes: meetings.minutes, present: sql<number>`count(${meetingAttendance.id})::int` })
      .from(meetings)
      .leftJoin(meetingAttendance, eq(meetingAttendance.meetingId, meetings.id))
      .where(isNotNull(meetings.minutes))
      .groupBy(meetings.id);
    // "W szkoleniu wzięło udział 28 osób": the number the minutes give is the number on the list.
    const training = held.find((m) => /wzięło udział (\d+) osób/.test(m.minutes!))!;
    expect(training.present).toBe(Number(/wzięło udział (\d+) osób/.exec(training.minutes!)![1]));
    expect(training.present).toBe(28);
    // The inaugural session chose a team of 5 + 4; all of them and residents were there.
    const inaugural = held.find((m) => m.title.startsWith('Inauguracyjna'))!;
    expect(inaugural.present).toBeGreaterThanOrEqual(9);
    const byType = await db
      .select({ representation: meetingAttendance.representation, n: sql<number>`count(*)::int` })
      .from(meetingAttendance)
      .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
      .where(sql`${meetings.title} like 'Inauguracyjna%'`)
      .groupBy(meetingAttendance.representation);
    const n = Object.fromEntries(byType.map((r) => [r.representation, r.n]));
    expect(n.locality).toBe(5);
    expect((n.ngo ?? 0) + (n.business ?? 0)).toBe(4);
  });

  it('shows on /admin/indicators the counts the raw demo rows give, cell by cell', async () => {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@agora.local'));
    const admin = { id: row!.id, email: 'admin@agora.local', name: 'Admin', locale: 'pl', roles: [{ role: 'admin' as const, communeId: null }] };
    const now = new Date();
    const d = await getIndicators({ actor: admin, params: {}, now });
    expect(d.months).toHaveLength(12);
    const expected = await expectedIndicators({ months: d.months, areas: d.areas.map((a) => a.communeId), now });
    expect(actualCells(d)).toEqual(expected.cells);
    expect(d.membersActive.total).toBe(expected.total);

    // And the figures a coordinator looks for: the training's 28 county-wide, the inaugural session's 23 in Jasło,
    // the 3,000 survey responses, Krempna's full NGO and business seats.
    const words = { t: (key: string) => key, month: (m: string) => m, meetingType: (t: string) => t };
    const table = communesTable(d, words);
    const column = (key: string) => table.headers.indexOf(`columns.${key}`);
    const rowOf = (name: string) => table.rows.find((r) => r[0] === name)!;
    expect(rowOf('countyWide')[column('attendance')]).toBe(28);
    expect(rowOf('Miasto Jasło')[column('attendance')]).toBe(23);
    expect(rowOf('Krempna')[column('seatsOrganisation')]).toBe(5);
    const responses = ['responsesPaper', 'responsesInvitation', 'responsesOpenLink'].reduce((sum, key) => sum + Number(rowOf('total')[column(key)]), 0);
    expect(responses).toBe(3000);
    expect(d.cells.get(cellKey(d.to, null))).toBeDefined();
  });
});
