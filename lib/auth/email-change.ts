import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError, fieldError } from '@/lib/errors';
import { absoluteUrl, enqueueMail } from '@/lib/mail/outbox';
import { consumeToken, issueToken, type TokenState } from '@/lib/mail/tokens';
import { verifyPassword } from './password';
import type { CurrentUser } from './permissions';

/**
 * Asks to move the account to another address: checks the password, then mails a link (24 hours)
 * to the new address, which becomes the account's only when the link is opened. An address that
 * belongs to another account gets nothing, and the answer is the same (it reveals no account).
 */
export async function requestEmailChange({ actor, newEmail, currentPassword }: { actor: CurrentUser; newEmail: string; currentPassword: string }): Promise<void> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw new AppError('not_found:user');
  if (!(await verifyPassword(currentPassword, row.hash))) throw fieldError('currentPassword', 'password_wrong');
  if (newEmail === actor.email) throw fieldError('newEmail', 'email_same');
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, newEmail)).limit(1);
    if (taken) return;
    const token = await issueToken(tx, { userId: actor.id, purpose: 'change_email', newEmail });
    await enqueueMail(tx, {
      userId: actor.id,
      to: newEmail,
      locale: actor.locale,
      data: { kind: 'confirm_email_change', name: actor.name, url: absoluteUrl(`/account/confirm-email?token=${token}`) },
    });
    await recordAudit(tx, { actorId: actor.id, action: 'user.email_change_request', targetType: 'user', targetId: actor.id });
  });
}

/**
 * The link from the new address: the account takes it, and the old address is told. An expired,
 * used or unknown link, or an address another account took meanwhile, changes nothing.
 */
export async function confirmEmailChange({ token }: { token: string }): Promise<TokenState['state'] | 'taken'> {
  return db.transaction(async (tx) => {
    const found = await consumeToken(tx, { token, purpose: 'change_email' });
    if (found.state !== 'valid' || !found.newEmail) return found.state === 'valid' ? 'invalid' : found.state;
    const newEmail = found.newEmail;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, newEmail)).limit(1);
    if (taken) return 'taken';
    const [before] = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, found.userId), eq(users.status, 'active')))
      .limit(1);
    if (!before) return 'invalid';
    await tx.update(users).set({ email: newEmail, emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, found.userId));
    await recordAudit(tx, { actorId: found.userId, action: 'user.email_change', targetType: 'user', targetId: found.userId });
    await enqueueMail(tx, {
      userId: found.userId,
      to: before.email,
      locale: before.locale,
      data: { kind: 'email_changed', name: before.name, newEmail, resetUrl: absoluteUrl('/forgot-password') },
    });
    return 'valid';
  });
}
