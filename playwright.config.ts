import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, devices } from '@playwright/test';
import { e2eSmtpPort } from './e2e/mail-settings';

/**
 * End-to-end tests run against a production build (next build + next start) on a fresh embedded
 * database loaded with the demo data. Chromium comes from PLAYWRIGHT_CHROMIUM_EXECUTABLE, else
 * Debian's /usr/bin/chromium, else Playwright's own download.
 */
function chromiumExecutable(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const bundled = (() => {
    try {
      return createRequire(import.meta.url)('playwright-core').chromium.executablePath() as string;
    } catch {
      return undefined;
    }
  })();
  if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own.
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian: apt-get install -y chromium), ' +
      'or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary, or run `npx playwright install chromium`.',
  );
}

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  // A real SMTP server for the run; the app delivers its e-mail to it (e2e/mail.ts reads it).
  globalSetup: './e2e/global-setup.ts',
  // Files run side by side in two workers (each file's tests in order, in one worker): every
  // journey makes its own people and content (unique names) and asserts only on those or on demo
  // data no other spec changes, so files do not interfere. E2E_WORKERS=1 runs them one by one.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results',
  use: {
    baseURL,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf .data/e2e .data/e2e-files && npm run build && npm start -- -p ${port}`,
    url: `${baseURL}/api/health`,
    // The build runs inside this command: several minutes on a busy 2-core machine.
    timeout: 480_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    env: {
      PGLITE_DATA_DIR: '.data/e2e',
      // Uploaded documents (e2e/documents.spec.ts looks in it to see that refusals keep nothing).
      FILES_DIR: '.data/e2e-files',
      AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-e2e-only',
      AGORA_SEED_DEMO: '1',
      // Tests move the server's clock with a header instead of waiting (lib/test-clock.ts).
      AGORA_TEST_CLOCK: '1',
      // Journeys move the clock up to two days ahead within one session (a consultation's
      // deadline); the absolute session lifetime (e2e/sessions.spec.ts) is tested past this.
      SESSION_MAX_HOURS: '72',
      // Every test signs in from 127.0.0.1; the per-account limit is still tested.
      SIGN_IN_ATTEMPTS_PER_ADDRESS: '10000',
      DATABASE_URL: '',
      SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort()}`,
      PUBLIC_URL: baseURL,
      MAIL_POLL_MS: '250',
    },
  },
});
