/**
 * npm run db:seed – loads the deployment and the demo data into the configured database (creating
 * what is missing, leaving what exists). In production the demo accounts need AGORA_SEED_DEMO=1.
 */
import { getEnv } from '@/lib/env';
import { openConnection } from '../client';
import { pendingMigrations, runMigrations } from '../migrate';
import { seedDemo } from './run';

const env = getEnv();
const connection = openConnection({ max: 1 });
try {
  if ((await pendingMigrations(connection)) > 0) await runMigrations(connection);
  const demo = env.NODE_ENV !== 'production' || env.AGORA_SEED_DEMO === '1';
  await seedDemo(connection.db, { demo });
  console.log(`Agora: seeded the deployment${demo ? ' and the demo accounts' : ' (no demo accounts in production)'}.`);
} finally {
  await connection.close();
}
