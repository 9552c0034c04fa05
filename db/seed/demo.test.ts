import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, communes, consultations, forumSettings, meetings, memberships, surveyAnswers, surveys, threads } from '@/db/schema';
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
