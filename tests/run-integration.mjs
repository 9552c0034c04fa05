#!/usr/bin/env node
/**
 * Runs the vitest suite on the embedded database (PGlite), then again on PostgreSQL when
 * TEST_DATABASE_URL names a server. Extra arguments go to vitest. With AGORA_TEST_REPORT_DIR set,
 * each run also writes a JSON report there (CI sums them up).
 */
import { spawnSync } from 'node:child_process';

const runs = [{ name: 'PGlite', env: { AGORA_TEST_DRIVER: 'pglite' } }];
if (process.env.TEST_DATABASE_URL) runs.push({ name: 'PostgreSQL', env: { AGORA_TEST_DRIVER: 'postgres' } });

let failed = false;
for (const run of runs) {
  console.log(`\n── integration and unit tests on ${run.name} ──`);
  const args = ['vitest', 'run', ...process.argv.slice(2)];
  const reportDir = process.env.AGORA_TEST_REPORT_DIR;
  if (reportDir) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${reportDir}/vitest-${run.env.AGORA_TEST_DRIVER}.json`);
  const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...run.env } });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
