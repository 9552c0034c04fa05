import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { communes, consultations, forumSettings, memberships, threads } from '@/db/schema';
import { seedDemo } from './run';

describe('the forum demo seed', () => {
  // Seeds the whole demo (3,000 survey responses among it) twice: slower than a unit test.
  it('loads settings, members in several communes, threads and an open consultation, once', async () => {
    await seedDemo(db, { demo: true });
    await seedDemo(db, { demo: true });
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
  }, 120_000);
});
