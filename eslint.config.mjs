import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// DESIGN.md's layering, kept by the linter: data flows app → lib → db. Each block below is the
// whole no-restricted-imports rule for its files (a later block replaces an earlier one's rule).
// An import path is matched by a regex so that '@/app/x' and '../../app/x' are caught alike.
const to = (folders) => `^(@/|(\\.\\./)+|\\./)?(${folders})(/|$|\\.)`;
const NO_DB = { regex: to('db'), message: 'Only lib/ (and db/, scripts/, tests) import db/: call a function in lib/<domain> instead (app → lib → db).' };
const NO_APP = { regex: to('app'), message: 'Components do not import app/ (routes): let the page pass the server action in as a prop.' };
const NO_UP_FROM_LIB = {
  regex: to('app|components|scripts'),
  message: 'lib/ does not import app/, components/ or scripts/: move what both need into lib/ (a plain .mjs there if scripts/ must read it too).',
};
const NO_UP_FROM_LIB_TESTS = { regex: to('app|components'), message: NO_UP_FROM_LIB.message };

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.data/**', 'public/sw.js', 'public/survey-client/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  // Pages, layouts, actions, route handlers, proxy.ts: anything but db/.
  { rules: { 'no-restricted-imports': ['error', { patterns: [NO_DB] }] } },
  // Components: neither db/ nor app/.
  { files: ['components/**'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_DB, NO_APP] }] } },
  // lib/: db/ yes; app/, components/, scripts/ never.
  { files: ['lib/**'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_UP_FROM_LIB] }] } },
  // Tests (beside the code they test) may set up rows in the database directly.
  { files: ['**/*.test.ts', '**/*.test.tsx'], rules: { 'no-restricted-imports': 'off' } },
  // lib's tests may drive a script together with lib, not routes or components.
  { files: ['lib/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_UP_FROM_LIB_TESTS] }] } },
  // db/, scripts/ and the tests reach the database directly.
  { files: ['db/**', 'scripts/**', 'tests/**', 'e2e/**', 'vitest.config.ts', 'drizzle.config.ts'], rules: { 'no-restricted-imports': 'off' } },
];
export default config;
