import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv } from '@/lib/env';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connection {
  db: Database;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * Opens the database named by the settings: postgres.js when DATABASE_URL is set, otherwise the
 * embedded PGlite in PGLITE_DATA_DIR ("memory://" keeps it in memory, as the tests do).
 */
export function openConnection(options: { max?: number } = {}): Connection {
  const env = getEnv();
  if (env.DATABASE_URL) {
    return postgresConnection(env.DATABASE_URL, options);
  }
  const dir = env.PGLITE_DATA_DIR;
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  return pgliteConnection(new PGlite(dir));
}

/** A postgres.js connection to the database at url. */
export function postgresConnection(url: string, options: { max?: number } = {}): Connection {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
  });
  return {
    db: drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database,
    driver: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
}

/** Wraps an open PGlite (the tests start theirs from a migrated copy). */
export function pgliteConnection(client: PGlite): Connection {
  return {
    db: drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database,
    driver: 'pglite',
    close: () => client.close(),
  };
}

// One connection per process: the singleton lives on globalThis so dev reloads reuse it
// (a PGlite folder can only be opened once).
const globalForDb = globalThis as unknown as { agoraConnection?: Connection };

export function getConnection(): Connection {
  globalForDb.agoraConnection ??= openConnection();
  return globalForDb.agoraConnection;
}

/** The app's database. Lazy, so that `next build` never opens it. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getConnection().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

/**
 * A query built once per connection, then run with its parameters (`sql.placeholder`): drizzle need
 * not build its SQL again, which was half the app's cost of a small read. For the reads every page
 * makes: the signed-in account, its unread notifications, a results page's survey.
 * Per connection, because the tests switch databases.
 */
export function preparedQuery<T>(build: (db: Database) => T): () => T {
  const byDatabase = new WeakMap<Database, T>();
  return () => {
    const real = getConnection().db;
    let query = byDatabase.get(real);
    if (query === undefined) {
      query = build(real);
      byDatabase.set(real, query);
    }
    return query;
  };
}

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
