import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { db } from '@/db/client';
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
