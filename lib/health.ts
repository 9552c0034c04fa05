import 'server-only';
import { sql } from 'drizzle-orm';
import { db, getConnection } from '@/db/client';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { driver: 'pglite' | 'postgres'; up: boolean; latencyMs: number | null };
  checkedAt: string;
}

/** Asks the database a trivial question, giving up after `timeoutMs`. */
export async function checkHealth(timeoutMs = 3000): Promise<Health> {
  const started = performance.now();
  let up = false;
  let driver: Health['database']['driver'] = 'pglite';
  try {
    driver = getConnection().driver;
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    up = true;
  } catch {
    up = false;
  }
  return {
    status: up ? 'ok' : 'unavailable',
    database: { driver, up, latencyMs: up ? Math.round(performance.now() - started) : null },
    checkedAt: new Date().toISOString(),
  };
}
