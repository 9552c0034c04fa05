import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError, fieldError } from '@/lib/errors';
import { hashPassword, isCommonPassword, verifyPassword } from './password';
import type { CurrentUser } from './permissions';

function refuseCommon(field: string, password: string) {
  if (isCommonPassword(password)) throw fieldError(field, 'password_common');
}

/** Creates an account (the implicit "member" role) after the RODO consent was given. */
export async function registerUser({ name, email, password }: { name: string; email: string; password: string }) {
  refuseCommon('password', password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ name, email, passwordHash, consentAt: new Date() })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!created) throw fieldError('email', 'email_taken', 'conflict');
    await recordAudit(tx, { actorId: created.id, action: 'user.register', targetType: 'user', targetId: created.id });
    return created;
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
  refuseCommon('newPassword', newPassword);
  if (currentPassword === newPassword) throw fieldError('newPassword', 'password_same');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, actor.id), eq(users.status, 'active')));
    await recordAudit(tx, { actorId: actor.id, action: 'user.password_change', targetType: 'user', targetId: actor.id });
  });
}

/** Ends every session of the user on every device. */
export async function signOutEverywhere({ actor }: { actor: CurrentUser }) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
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
    await tx
      .update(users)
      .set({
        email: `deleted-${actor.id}@deleted.invalid`,
        name: '',
        passwordHash: null,
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
