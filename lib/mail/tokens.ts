import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailTokens } from '@/db/schema';

export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email';
/** How long a link works: a day to confirm an address, an hour to set a new password. */
export const TOKEN_SECONDS: Record<TokenPurpose, number> = { verify_email: 24 * 3600, reset_password: 3600, change_email: 24 * 3600 };

type Executor = Pick<Database, 'insert' | 'select' | 'update'>;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new single-use token for the user; only its hash is stored. Returns the token for the link. */
export async function issueToken(
  tx: Executor,
  { userId, purpose, newEmail = null, now = new Date() }: { userId: string; purpose: TokenPurpose; newEmail?: string | null; now?: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(mailTokens).values({
    userId,
    purpose,
    newEmail,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_SECONDS[purpose] * 1000),
  });
  return token;
}

export type TokenState = { state: 'valid'; userId: string; id: number; newEmail: string | null } | { state: 'invalid' | 'expired' | 'used' };

/** What a token from a link is, without using it (for the page that shows the form). */
export async function inspectToken(tx: Pick<Database, 'select'>, { token, purpose, forUpdate = false, now = new Date() }: { token: string; purpose: TokenPurpose; forUpdate?: boolean; now?: Date }): Promise<TokenState> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'invalid' };
  const query = tx
    .select({ id: mailTokens.id, userId: mailTokens.userId, expiresAt: mailTokens.expiresAt, usedAt: mailTokens.usedAt, newEmail: mailTokens.newEmail })
    .from(mailTokens)
    .where(and(eq(mailTokens.tokenHash, hashToken(token)), eq(mailTokens.purpose, purpose)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) return { state: 'invalid' };
  if (row.usedAt) return { state: 'used' };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  return { state: 'valid', userId: row.userId, id: row.id, newEmail: row.newEmail };
}

/**
 * Uses a token inside the caller's transaction: locks its row, checks it, marks it used (and every
 * other unused token of the same user and purpose, so an older link dies with it).
 */
export async function consumeToken(tx: Executor, { token, purpose, now = new Date() }: { token: string; purpose: TokenPurpose; now?: Date }): Promise<TokenState> {
  const found = await inspectToken(tx, { token, purpose, forUpdate: true, now });
  if (found.state !== 'valid') return found;
  await tx
    .update(mailTokens)
    .set({ usedAt: now })
    .where(and(eq(mailTokens.userId, found.userId), eq(mailTokens.purpose, purpose), isNull(mailTokens.usedAt)));
  return found;
}
