import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { mailOutbox, mailPreferences, mailTokens, recoveryCodes, sessions, userRoles, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError, fieldError } from '@/lib/errors';
import { absoluteUrl, enqueueMail } from '@/lib/mail/outbox';
import { issueToken } from '@/lib/mail/tokens';
import { hashPassword, verifyPassword, weakPasswordReason } from './password';
import { UNIFORM_ANSWER_MS, withMinimumDuration } from './recovery';
import type { CurrentUser } from './permissions';

/** Refuses a new password that is common or easily guessed (zxcvbn-ts score below 3), at its field. */
export function refuseWeak(field: string, password: string) {
  const reason = weakPasswordReason(password);
  if (reason) throw fieldError(field, reason);
}

/**
 * Sign-up. Answers the same whether the address is new or registered (the caller shows one "check
 * your mailbox" page either way), and costs the same: the password is hashed in both cases.
 * - a new address: an account that cannot sign in until the link in the e-mail is opened;
 * - a registered address: nothing changes; its owner gets a "someone tried to sign up" notice
 *   (with a fresh confirmation link if the account was never confirmed).
 */
export async function registerUser(input: { name: string; email: string; password: string; locale?: string }): Promise<{ id: string | null; created: boolean }> {
  refuseWeak('password', input.password);
  return withMinimumDuration(UNIFORM_ANSWER_MS, () => createAccountOrNotify(input));
}

async function createAccountOrNotify({ name, email, password, locale = 'pl' }: { name: string; email: string; password: string; locale?: string }) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ name, email, passwordHash, locale, consentAt: new Date(), emailVerifiedAt: null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (created) {
      await recordAudit(tx, { actorId: created.id, action: 'user.register', targetType: 'user', targetId: created.id });
      const token = await issueToken(tx, { userId: created.id, purpose: 'verify_email' });
      await enqueueMail(tx, { userId: created.id, to: email, locale, data: { kind: 'verify_email', name, url: absoluteUrl(`/verify-email?token=${token}`) } });
      return { id: created.id, created: true };
    }
    const [existing] = await tx
      .select({ id: users.id, name: users.name, locale: users.locale, status: users.status, emailVerifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (!existing || existing.status !== 'active') return { id: existing?.id ?? null, created: false };
    const verifyUrl = existing.emailVerifiedAt
      ? null
      : absoluteUrl(`/verify-email?token=${await issueToken(tx, { userId: existing.id, purpose: 'verify_email' })}`);
    await enqueueMail(tx, {
      userId: existing.id,
      to: email,
      locale: existing.locale,
      data: { kind: 'signup_existing', name: existing.name, signInUrl: absoluteUrl('/sign-in'), resetUrl: absoluteUrl('/forgot-password'), verifyUrl },
    });
    return { id: existing.id, created: false };
  });
}

async function checkCurrentPassword(userId: string, password: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new AppError('not_found:user');
  if (!(await verifyPassword(password, row.hash))) throw fieldError('currentPassword', 'password_wrong');
}

/** Sets a new password and ends every session of the user (the caller signs in again). */
export async function changePassword({ actor, currentPassword, newPassword }: { actor: CurrentUser; currentPassword: string; newPassword: string }) {
  await checkCurrentPassword(actor.id, currentPassword);
  refuseWeak('newPassword', newPassword);
  if (currentPassword === newPassword) throw fieldError('newPassword', 'password_same');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, actor.id), eq(users.status, 'active')));
    await recordAudit(tx, { actorId: actor.id, action: 'user.password_change', targetType: 'user', targetId: actor.id });
    await enqueueMail(tx, {
      userId: actor.id,
      to: actor.email,
      locale: actor.locale,
      data: { kind: 'password_changed', name: actor.name, at: new Date(), resetUrl: absoluteUrl('/forgot-password') },
    });
  });
}

/** Ends every session of the user on every device. */
export async function signOutEverywhere({ actor }: { actor: CurrentUser }) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await tx.delete(sessions).where(eq(sessions.userId, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'user.sign_out_everywhere', targetType: 'user', targetId: actor.id });
  });
}

/**
 * Deletes an account under RODO: the personal data goes, the row stays as "deleted user" so what
 * the person wrote in public discussions keeps its place without their name.
 */
export async function deleteAccount({ actor, currentPassword }: { actor: CurrentUser; currentPassword: string }) {
  await checkCurrentPassword(actor.id, currentPassword);
  await db.transaction(async (tx) => {
    await tx.delete(userRoles).where(eq(userRoles.userId, actor.id));
    await tx.delete(sessions).where(eq(sessions.userId, actor.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
    // Nothing more goes to the person: queued and failed messages go, sent ones lose the address.
    await tx.delete(mailOutbox).where(and(eq(mailOutbox.userId, actor.id), inArray(mailOutbox.status, ['queued', 'failed'])));
    await tx.update(mailOutbox).set({ toAddress: 'deleted@deleted.invalid' }).where(eq(mailOutbox.userId, actor.id));
    await tx.delete(mailTokens).where(eq(mailTokens.userId, actor.id));
    await tx.delete(mailPreferences).where(eq(mailPreferences.userId, actor.id));
    await tx
      .update(users)
      .set({
        email: `deleted-${actor.id}@deleted.invalid`,
        name: '',
        passwordHash: null,
        totpSecret: null,
        totpPendingSecret: null,
        status: 'deleted',
        sessionVersion: sql`${users.sessionVersion} + 1`,
        deletedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'user.delete', targetType: 'user', targetId: actor.id });
  });
}

/** Remembers the chosen language for e-mails and the next sign-in. */
export async function setUserLocale({ actor, locale }: { actor: CurrentUser; locale: string }) {
  await db.update(users).set({ locale }).where(eq(users.id, actor.id));
}
