import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getEnv } from '@/lib/env';
import { AppError, fieldError } from '@/lib/errors';
import { absoluteUrl, enqueueMail } from '@/lib/mail/outbox';
import { consumeToken, inspectToken, issueToken, type TokenState } from '@/lib/mail/tokens';
import { consumeRateLimit, keyedHash } from '@/lib/rate-limit';
import { hashPassword, weakPasswordReason } from './password';

const RESET_WINDOW_SECONDS = 3600;

/**
 * Requests whose work differs between a registered and an unknown address (a token and an e-mail
 * written, or not) answer no sooner than this, so their timing says nothing about the address.
 */
export const UNIFORM_ANSWER_MS = 800;

/** Runs `work`, then waits until `ms` have passed since the start (also when it throws). */
export async function withMinimumDuration<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - start);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

/**
 * "Forgot password": e-mails a single-use link (1 hour) to an active account with this address.
 * Answers the same for a registered and an unknown address (the caller shows one page either
 * way); only too many requests from one client address is said, which reveals no account. Past
 * the per-account limit nothing more is sent, silently.
 */
export function requestPasswordReset({ email, clientAddress }: { email: string; clientAddress: string }): Promise<void> {
  return withMinimumDuration(UNIFORM_ANSWER_MS, () => sendResetLink(email, clientAddress));
}

async function sendResetLink(email: string, clientAddress: string): Promise<void> {
  const env = getEnv();
  const [byAddress, byAccount] = await Promise.all([
    consumeRateLimit(`reset:address:${keyedHash(clientAddress)}`, env.PASSWORD_RESETS_PER_ADDRESS, RESET_WINDOW_SECONDS),
    consumeRateLimit(`reset:account:${keyedHash(email)}`, env.PASSWORD_RESETS_PER_ACCOUNT, RESET_WINDOW_SECONDS),
  ]);
  if (!byAddress.allowed) throw new AppError('rate_limited:reset');
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, locale: users.locale })
      .from(users)
      .where(and(eq(users.email, email), eq(users.status, 'active')))
      .limit(1);
    if (!user || !byAccount.allowed) return;
    const token = await issueToken(tx, { userId: user.id, purpose: 'reset_password' });
    await enqueueMail(tx, {
      userId: user.id,
      to: email,
      locale: user.locale,
      data: { kind: 'reset_password', name: user.name, url: absoluteUrl(`/reset-password?token=${token}`) },
    });
  });
}

/** What a reset link is, for the page that shows the form (nothing is used up). */
export async function checkResetToken({ token }: { token: string }): Promise<TokenState['state']> {
  return (await inspectToken(db, { token, purpose: 'reset_password' })).state;
}

function tokenError(state: Exclude<TokenState['state'], 'valid'>): AppError {
  return new AppError(`bad_request:token_${state}`);
}

/**
 * Sets a new password from a reset link: the token is used up, every session of the account ends
 * (the session version), and the owner is told. Opening the link proves the mailbox, so an account
 * never confirmed counts as confirmed from now on. An expired, used or unknown token changes nothing.
 */
export async function resetPassword({ token, password }: { token: string; password: string }): Promise<void> {
  const weak = weakPasswordReason(password);
  if (weak) throw fieldError('password', weak);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const found = await consumeToken(tx, { token, purpose: 'reset_password' });
    if (found.state !== 'valid') throw tokenError(found.state);
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, found.userId), eq(users.status, 'active')))
      .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale });
    if (!user) throw tokenError('invalid');
    await recordAudit(tx, { actorId: user.id, action: 'user.password_reset', targetType: 'user', targetId: user.id });
    await enqueueMail(tx, {
      userId: user.id,
      to: user.email,
      locale: user.locale,
      data: { kind: 'password_changed', name: user.name, at: new Date(), resetUrl: absoluteUrl('/forgot-password') },
    });
  });
}

/** Confirms an address from the sign-up link. Returns what the token was; only 'valid' changes anything. */
export async function verifyEmail({ token }: { token: string }): Promise<TokenState['state']> {
  return db.transaction(async (tx) => {
    const found = await consumeToken(tx, { token, purpose: 'verify_email' });
    if (found.state !== 'valid') return found.state;
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, found.userId), isNull(users.emailVerifiedAt)));
    await recordAudit(tx, { actorId: found.userId, action: 'user.verify_email', targetType: 'user', targetId: found.userId });
    return 'valid';
  });
}
