import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code they test (*.test.ts). Each test file gets a
// fresh, migrated database: in-memory PGlite, or a new database on the server named by
// TEST_DATABASE_URL (see tests/setup-db.ts).
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // server-only throws outside React Server Components; tests call lib/ directly.
      'server-only': fileURLToPath(new URL('./tests/server-only.ts', import.meta.url)),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.data/**'],
    // One migrated database for the run (global-setup), copied for each test file (setup-db).
    globalSetup: ['./tests/global-setup.ts'],
    setupFiles: ['./tests/setup-db.ts'],
    environment: 'node',
    // Tests compare each view with the raw answers right after writing them: no reuse window.
    // The test clock (lib/test-clock.ts) is on, as in the e2e runs: only a test that sends its
    // header moves time.
    // Files the demo data uploads go to the system's temporary folder, not the project's .data.
    env: { RESULTS_CACHE_SECONDS: '0', AGORA_TEST_CLOCK: '1', FILES_DIR: join(tmpdir(), 'agora-test-files') },
    // next-auth imports 'next/server' without an extension, which Node's ESM loader refuses;
    // letting Vite process it resolves the import.
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite per file is memory-hungry; two cores, two workers.
    maxWorkers: 2,
  },
});
