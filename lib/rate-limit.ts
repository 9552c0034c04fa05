import 'server-only';
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db, rows, type Database } from '@/db/client';
import { getEnv } from '@/lib/env';

/**
 * A keyed hash of an identifying value (an address, an e-mail), so rate-limit keys never store the
 * value itself and cannot be reversed without the secret.
 */
export function keyedHash(value: string): string {
  return createHmac('sha256', getEnv().AUTH_SECRET).update(value).digest('base64url').slice(0, 32);
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * Kept in the database so every app instance shares the count; one statement, so concurrent hits
 * cannot both slip under the limit. Given a transaction, the hit is counted in it (and undone with
 * it).
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number, executor: Pick<Database, 'execute'> = db): Promise<RateLimitResult> {
  const result = await executor.execute<{ count: number; retry: number }>(sql`
    insert into rate_limits (key, count, reset_at)
    values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    on conflict (key) do update set
      count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
      reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
    returning count, greatest(0, ceil(extract(epoch from reset_at - now())))::int as retry`);
  const row = rows<{ count: number; retry: number }>(result)[0]!;
  return {
    allowed: row.count <= limit,
    remaining: Math.max(0, limit - row.count),
    retryAfterSeconds: Number(row.retry),
  };
}

/** Forgets a key's count, e.g. the per-account sign-in count after a successful sign-in. */
export async function resetRateLimit(key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Removes expired windows; called now and then so the table stays small. */
export async function pruneRateLimits(): Promise<void> {
  await db.execute(sql`delete from rate_limits where reset_at < now() - interval '1 hour'`);
}
