import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { testClockOffsetSeconds } from '@/lib/test-clock';

// "Now" for rules that depend on it (a consultation's deadline): the real time, moved forward
// only in end-to-end runs by lib/test-clock.ts.

async function offsetSeconds(): Promise<number> {
  if (getEnv().AGORA_TEST_CLOCK !== '1') return 0;
  try {
    return testClockOffsetSeconds(await headers());
  } catch {
    return 0; // outside a request (scripts, seeds)
  }
}

/** The current instant by the app's clock. */
export async function now(): Promise<Date> {
  return new Date(Date.now() + (await offsetSeconds()) * 1000);
}

/** The database's now() — moved by the same offset — for comparisons made inside a statement. */
export async function databaseNow(): Promise<SQL> {
  const offset = await offsetSeconds();
  return offset === 0 ? sql`now()` : sql`(now() + make_interval(secs => ${offset}))`;
}
