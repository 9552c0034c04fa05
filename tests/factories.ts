import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rows } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

let sequence = 0;

/** A user row plus its grants, inserted directly (no password hashing: fast), as the caller lib/ sees. */
export async function makeUser(roles: RoleGrant[] = [], name = 'Jan Kowalski'): Promise<CurrentUser> {
  const email = `user${++sequence}-${randomUUID().slice(0, 8)}@example.pl`;
  const [row] = await db.insert(users).values({ name, email }).returning({ id: users.id });
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((g) => ({ userId: row!.id, ...g })));
  return { id: row!.id, email, name, locale: 'pl', roles };
}

/** The AppError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * A summary of every table that any write changes: its row count and its newest row version
 * (xmin — an insert or an update, even one that sets a value to itself, makes a new version; a
 * delete lowers the count). Equal fingerprints before and after a read mean it wrote nothing.
 */
export async function databaseFingerprint(): Promise<string> {
  const tables = rows<{ name: string }>(
    await db.execute(sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by 1`),
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = rows<{ n: number; v: string | null }>(await db.execute(sql.raw(`select count(*)::int as n, max(xmin::text::bigint)::text as v from ${name}`)));
    parts.push(`${name}:${row?.n}:${row?.v}`);
  }
  return parts.join(' ');
}
