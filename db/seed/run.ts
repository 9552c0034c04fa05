import type { Database } from '../client';
import { cookPendingMarkdown } from '../cook';
import { indexPendingSearchText } from '../search-index';
import { seedDemoAccounts } from './demo';
import { seedDemoDocuments } from './documents';
import { seedDeployment } from './deployment';
import { seedForumDemo, seedForumSettings } from './forum';
import { seedDemoAttendance, seedDemoMeetings } from './meetings';
import { seedDemoNews } from './news';
import { seedResults } from './results';
import { seedSurveys } from './surveys';

/**
 * Loads the deployment and, with demo: true, the demo data. Every domain that brings demo content
 * (forum threads, surveys and responses, meetings, news, documents) adds its seeding step here.
 */
export async function seedDemo(db: Database, { demo }: { demo: boolean }) {
  await seedDeployment(db);
  await seedForumSettings(db);
  if (demo) {
    await seedDemoAccounts(db);
    await seedForumDemo(db);
    await seedDemoMeetings(db);
    await seedDemoAttendance(db);
    await seedDemoNews(db);
    await seedDemoDocuments(db);
    await seedSurveys(db);
    await seedResults(db);
  }
  // Seeds insert their texts directly; they are cooked and indexed like any older row.
  await cookPendingMarkdown(db);
  await indexPendingSearchText(db);
}
