import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, meetings } from '@/db/schema';
import { seedDemo } from './run';

describe('demo meetings and news', () => {
  // Seeds the whole demo (3,000 survey responses among it) twice: slower than a unit test.
  it('load past and coming meetings and published and draft articles, once', async () => {
    await seedDemo(db, { demo: true });
    await seedDemo(db, { demo: true });
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
  }, 120_000);
});
