// Adds up the vitest and Playwright JSON reports into one closing line: "N passed, N failed".
// A Playwright test that failed and then passed on its retry ("flaky") counts as failed: a test
// that passes only sometimes hides a bug or a race, and a green run must not depend on luck.
// Exits 1 when anything failed (flaky included), so .ci/run fails too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const flakyTitles = [];

/** Every test of a Playwright JSON report, with the file and titles that name it. */
function* playwrightTests(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) yield { name: [...here, spec.title].join(' › '), test };
  for (const child of suite.suites ?? []) yield* playwrightTests(child, here);
}

for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (file.startsWith('vitest')) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    passed += report.stats.expected ?? 0;
    failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
    skipped += report.stats.skipped ?? 0;
    for (const suite of report.suites ?? []) for (const { name, test } of playwrightTests(suite)) if (test.status === 'flaky') flakyTitles.push(name);
  }
}
for (const name of flakyTitles) console.log(`flaky (failed, then passed on retry; counted as failed): ${name}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
