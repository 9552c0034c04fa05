/** Shared by the forum's writes: the member's seat, the form-rule check, the posting guards. */
import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import type * as z from 'zod';
import { db } from '@/db/client';
import { memberships, postingSuspensions } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/rate-limit';
import { type MemberSeat } from './permissions';
import { getForumSettings } from './settings';

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** Checks one value with the forms' own rule, so a caller that skipped the form gets the same error. */
export function checked<T>(field: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fieldError(field, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/** The user's approved membership, or null. */
export async function getSeat(userId: string, tx: Pick<Tx, 'select'> = db): Promise<MemberSeat | null> {
  const [row] = await tx
    .select({ membershipId: memberships.id, communeId: memberships.communeId, representation: memberships.representation })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'approved')))
    .limit(1);
  return row ?? null;
}

export async function ensureNotSuspended(userId: string) {
  const [row] = await db
    .select({ id: postingSuspensions.id })
    .from(postingSuspensions)
    .where(and(eq(postingSuspensions.userId, userId), gt(postingSuspensions.until, sql`now()`)))
    .limit(1);
  if (row) throw new AppError('forbidden:suspended');
}

export async function ensurePostingAllowed(userId: string) {
  await ensureNotSuspended(userId);
  const settings = await getForumSettings();
  const limit = await consumeRateLimit(`forum:post:${userId}`, settings.postsPerWindow, settings.postWindowSeconds);
  if (!limit.allowed) throw new AppError('rate_limited:posting');
}
