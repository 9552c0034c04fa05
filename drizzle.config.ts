import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and applied by db/migrate.ts on both drivers.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
