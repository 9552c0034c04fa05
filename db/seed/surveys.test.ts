import { and, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { surveyAnswers, surveys } from '@/db/schema';
import { DEFAULT_SURVEY_SLUG } from '@/lib/surveys/default-questionnaire';
import { seedDemo } from './run';

describe('demo seed: residents remarks', () => {
  it('leaves a review queue with personal data in it, and some remarks already reviewed and clean', async () => {
    await seedDemo(db, { demo: true });
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
  }, 120_000);
});
