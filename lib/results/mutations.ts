import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { db } from '@/db/client';
import { resultsPublications, surveys } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canPublishResults } from './permissions';

/** Publishes (or withdraws) a survey's results on the public results page: coordinators of all its communes. */
export async function setResultsPublished({ actor, surveyId, publish }: { actor: CurrentUser; surveyId: string; publish: boolean }) {
  const [survey] = await db.select({ id: surveys.id, communeIds: surveys.communeIds }).from(surveys).where(and(eq(surveys.id, surveyId), ne(surveys.status, 'draft'))).limit(1);
  if (!survey) throw new AppError('not_found:survey');
  ensure(canPublishResults(actor, survey));
  await db.transaction(async (tx) => {
    if (publish) await tx.insert(resultsPublications).values({ surveyId, publishedBy: actor.id }).onConflictDoNothing();
    else await tx.delete(resultsPublications).where(eq(resultsPublications.surveyId, surveyId));
    await recordAudit(tx, { actorId: actor.id, action: publish ? 'results.publish' : 'results.unpublish', targetType: 'survey', targetId: surveyId });
  });
}
