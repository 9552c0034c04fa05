import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { sql } from 'drizzle-orm';
import { rows, type Connection } from './client';

const migrationsFolder = new URL('./migrations', import.meta.url).pathname;

/** Applies every pending SQL migration from db/migrations, the same way on both drivers. */
export async function runMigrations(connection: Connection): Promise<void> {
  const config = { migrationsFolder };
  if (connection.driver === 'pglite') {
    await migratePglite(connection.db as never, config);
  } else {
    await migratePostgres(connection.db as never, config);
  }
}

/** Number of migrations in the folder that the database has not applied yet. */
export async function pendingMigrations(connection: Connection): Promise<number> {
  const files = readMigrationFiles({ migrationsFolder });
  const exists = await connection.db.execute<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rows<{ present: boolean }>(exists)[0]?.present) return files.length;
  const applied = await connection.db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Math.max(0, files.length - Number(rows<{ n: number }>(applied)[0]?.n ?? 0));
}

