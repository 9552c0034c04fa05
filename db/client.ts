import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { withReplicas, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv } from '@/lib/env';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connection {
  /** The primary: every write, and every read that must see what was just written. */
  db: Database;
  /**
   * For reads that may lag the primary by a streaming replica's delay (the dashboards' aggregate
   * rows): drizzle's withReplicas over DATABASE_REPLICA_URLS — its select goes to one replica
   * picked at random, while insert, update, delete, execute and transaction still go to the
   * primary. Without replicas (and always on PGlite) it is the primary itself.
   */
  replicas: Database;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * Opens the database named by the settings: postgres.js when DATABASE_URL is set (with its read
 * replicas, DATABASE_REPLICA_URLS), otherwise the embedded PGlite in PGLITE_DATA_DIR ("memory://"
 * keeps it in memory, as the tests do).
 */
export function openConnection(options: { max?: number } = {}): Connection {
  const env = getEnv();
  if (env.DATABASE_URL) {
    return postgresConnection(env.DATABASE_URL, { ...options, replicaUrls: env.DATABASE_REPLICA_URLS });
  }
  const dir = env.PGLITE_DATA_DIR;
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  return pgliteConnection(new PGlite(dir));
}

/**
 * postgres.js connections to the database at url and to its read replicas, each a pool of up to
 * `max`. The pools are named in pg_stat_activity (application_name) so an operator can tell the
 * replica reads from the rest; a URL's own ?application_name= wins.
 */
export function postgresConnection(url: string, options: { max?: number; replicaUrls?: readonly string[] } = {}): Connection {
  const open = (at: string, applicationName: string) =>
    postgres(at, {
      max: options.max ?? 10,
      connect_timeout: 5,
      idle_timeout: 60,
      onnotice: () => {},
      connection: { application_name: new URL(at).searchParams.get('application_name') ?? applicationName },
    });
  const wrap = (client: postgres.Sql) => drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database;
  const primary = open(url, 'agora');
  const replicas = (options.replicaUrls ?? []).map((at) => open(at, 'agora-replica-reads'));
  const db = wrap(primary);
  const [first, ...rest] = replicas.map(wrap);
  return {
    db,
    replicas: first ? withReplicas(db, [first, ...rest]) : db,
    driver: 'postgres',
    close: async () => {
      await Promise.all([primary, ...replicas].map((client) => client.end({ timeout: 5 })));
    },
  };
}

/** Wraps an open PGlite (the tests start theirs from a migrated copy). One process, no replicas. */
export function pgliteConnection(client: PGlite): Connection {
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return { db, replicas: db, driver: 'pglite', close: () => client.close() };
}

// One connection per process: the singleton lives on globalThis so dev reloads reuse it
// (a PGlite folder can only be opened once).
const globalForDb = globalThis as unknown as { agoraConnection?: Connection };

export function getConnection(): Connection {
  globalForDb.agoraConnection ??= openConnection();
  return globalForDb.agoraConnection;
}

/** A lazy stand-in for one of the connection's databases, so that `next build` never opens it. */
function lazy(pick: (connection: Connection) => Database): Database {
  return new Proxy({} as Database, {
    get(_target, property) {
      const real = pick(getConnection()) as unknown as Record<PropertyKey, unknown>;
      const value = real[property];
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });
}

/** The app's database: the primary. */
export const db: Database = lazy((connection) => connection.db);

/**
 * Reads that may lag: selects go to a read replica when DATABASE_REPLICA_URLS names any (see
 * Connection.replicas), else to the primary. Only for reads whose result may be a moment old —
 * never for deciding who may see what, nor for reading back what the same request just wrote.
 */
export const replicaDb: Database = lazy((connection) => connection.replicas);

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
