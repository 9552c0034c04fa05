import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// .ci/summary.mjs closes the CI log with "N passed, N failed" and decides whether the run passed.
function summarise(reports: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'agora-summary-'));
  for (const [name, report] of Object.entries(reports)) writeFileSync(join(dir, name), JSON.stringify(report));
  const result = spawnSync(process.execPath, ['.ci/summary.mjs', dir], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout };
}

const playwright = (flaky: number) => ({
  stats: { expected: 2, unexpected: 0, flaky, skipped: 0 },
  suites: [{ title: 'auth.spec.ts', specs: [{ title: 'the session slides', tests: [{ status: flaky ? 'flaky' : 'expected' }] }, { title: 'signs in', tests: [{ status: 'expected' }] }] }],
});

describe('the CI summary', () => {
  it('adds up vitest and Playwright and passes a clean run', () => {
    const { status, out } = summarise({ 'vitest-pglite.json': { numPassedTests: 10, numFailedTests: 0 }, 'playwright.json': playwright(0) });
    expect(out.trim().split('\n').pop()).toBe('12 passed, 0 failed');
    expect(status).toBe(0);
  });

  it('counts a test that passed only on its retry as failed, names it, and fails the run', () => {
    const { status, out } = summarise({ 'vitest-pglite.json': { numPassedTests: 10, numFailedTests: 0 }, 'playwright.json': playwright(1) });
    expect(out).toContain('flaky (failed, then passed on retry; counted as failed): auth.spec.ts › the session slides');
    expect(out.trim().split('\n').pop()).toBe('12 passed, 1 failed');
    expect(status).toBe(1);
  });
});
