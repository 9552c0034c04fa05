/**
 * Gets the database ready before the app starts (npm run dev / npm start / npm run db:migrate):
 * checks the settings and the connection, applies pending migrations, and on an empty database
 * loads the deployment (and, where asked, the demo data). Any problem ends it with one line that
 * names the setting to fix and a non-zero exit code, never a stack trace.
 *
 *   --seed=none        migrations only (db:migrate)
 *   --seed=deployment  also check the deployment file, and load its communes and service areas into
 *                      an empty database (npm start); no account is made (npm run user:create-admin)
 *   --seed=demo        also the demo accounts into an empty database (npm run dev)
 */
import { sql } from 'drizzle-orm';
import { getEnv, hidePassword, SettingError } from '@/lib/env';
import { openConnection, postgresConnection, type Connection } from './client';
import { cookPendingMarkdown } from './cook';
import { pendingMigrations, runMigrations } from './migrate';
import { communes } from './schema';
import { DeploymentFileError, deploymentPath, readDeployment } from './seed/deployment';
import { indexPendingSearchText } from './search-index';
import { seedDemo } from './seed/run';

function fail(message: string): never {
  console.error(`Agora cannot start: ${message}`);
  process.exit(1);
}

/** The root cause in a few words (drizzle wraps the driver's error as its cause). */
function reason(error: unknown): string {
  let e = error as { code?: string; message?: string; cause?: unknown; errors?: { message?: string }[] };
  while (e?.cause) e = e.cause as typeof e;
  const message = e?.errors?.[0]?.message ?? e?.message?.split('\n')[0] ?? String(error);
  return e?.code && !message.includes(e.code) ? `${message} (${e.code})` : message;
}

const seedArg = process.argv.find((a) => a.startsWith('--seed='))?.slice('--seed='.length) ?? 'deployment';
if (!['none', 'deployment', 'demo'].includes(seedArg)) fail(`unknown option --seed=${seedArg}`);

let env;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof SettingError) fail(error.message);
  throw error;
}

// The county's names, contacts and places: every page shows them, so a bad file stops the start
// here, with the field to fix, rather than the first page a visitor opens.
if (seedArg !== 'none') {
  try {
    readDeployment(deploymentPath(env.AGORA_DEPLOYMENT_FILE));
  } catch (error) {
    if (error instanceof DeploymentFileError) fail(`AGORA_DEPLOYMENT_FILE (${error.path}): ${error.problem}`);
    throw error;
  }
}

let connection: Connection;
try {
  connection = openConnection({ max: 1 });
  await connection.db.execute(sql`select 1`);
} catch (error) {
  if (env.DATABASE_URL) {
    fail(`DATABASE_URL (${hidePassword(env.DATABASE_URL)}) does not answer: ${reason(error)}`);
  }
  fail(`PGLITE_DATA_DIR (${env.PGLITE_DATA_DIR}) cannot be opened: ${reason(error)}. Is another Agora process using it?`);
}

// A replica out of reach stops only the dashboards (their pages answer "database unavailable"),
// so it is reported, not fatal: the rest of the app works from the primary.
for (const [i, url] of env.DATABASE_REPLICA_URLS.entries()) {
  const replica = postgresConnection(url, { max: 1 });
  try {
    await replica.db.execute(sql`select 1`);
  } catch (error) {
    console.error(`Agora: warning: DATABASE_REPLICA_URLS #${i + 1} (${hidePassword(url)}) does not answer: ${reason(error)}. The dashboards fail until it does.`);
  } finally {
    await replica.close();
  }
}

try {
  const pending = await pendingMigrations(connection);
  if (pending > 0) {
    await runMigrations(connection);
    console.log(`Agora: applied ${pending} database migration(s).`);
  }
  if (seedArg !== 'none') {
    const [{ count }] = (await connection.db.select({ count: sql<number>`count(*)::int` }).from(communes)) as [{ count: number }];
    if (count === 0) {
      const withDemo = seedArg === 'demo' || env.AGORA_SEED_DEMO === '1';
      await seedDemo(connection.db, { demo: withDemo });
      console.log(`Agora: empty database loaded with the deployment${withDemo ? ' and the demo data' : ''}.`);
    }
  }
  // Markdown written before it was cooked at write time (see db/cook.ts): rendered once, here.
  const cooked = Object.values(await cookPendingMarkdown(connection.db)).reduce((a, b) => a + b, 0);
  if (cooked > 0) console.log(`Agora: rendered the Markdown of ${cooked} stored text(s).`);
  // Rows without search lemmas (see db/search-index.ts): indexed once, here.
  const indexed = Object.values(await indexPendingSearchText(connection.db)).reduce((a, b) => a + b, 0);
  if (indexed > 0) console.log(`Agora: indexed ${indexed} stored text(s) for search.`);
} catch (error) {
  fail(`preparing the database failed: ${reason(error)}`);
} finally {
  await connection.close();
}
