import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.data/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      // Pages and components never reach the database directly; only lib/ does (DESIGN.md).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/db/*', '@/db'], message: 'Import from lib/<domain> instead of db/ (data flows app → lib → db).' }] },
      ],
    },
  },
  {
    files: ['lib/**', 'db/**', 'tests/**', 'e2e/**', '**/*.test.ts', 'vitest.config.ts', 'drizzle.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
export default config;
