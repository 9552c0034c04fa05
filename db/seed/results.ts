import { eq } from 'drizzle-orm';
import { DEFAULT_SURVEY_SLUG } from '@/lib/surveys/default-questionnaire';
import type { Database } from '../client';
import { resultsPublications, surveys } from '../schema';

/**
 * Publishes the demo survey's results, so the public results page shows real-looking numbers on
 * first start. The aggregates themselves were rebuilt by the surveys seed after its bulk insert.
 */
export async function seedResults(db: Database) {
  const [survey] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, DEFAULT_SURVEY_SLUG)).limit(1);
  if (!survey) return;
  await db.insert(resultsPublications).values({ surveyId: survey.id }).onConflictDoNothing();
}
