import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, mailOutbox, userRoles, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { changePassword, deleteAccount, registerUser, signOutEverywhere } from './mutations';
import { verifyPassword } from './password';
import type { CurrentUser } from './permissions';
import { exportUserData } from './queries';

async function newUser(email: string, password = 'zielony rower nad Wisłoką'): Promise<CurrentUser> {
  const { id, created } = await registerUser({ name: 'Anna Nowak', email, password });
  expect(created).toBe(true);
  return { id: id!, email, name: 'Anna Nowak', locale: 'pl', roles: [] };
}

async function fieldOf(promise: Promise<unknown>): Promise<Record<string, string[]> | undefined> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors;
}

describe('registerUser', () => {
  it('stores an argon2id hash with OWASP parameters, never the password, and records consent', async () => {
    const user = await newUser('anna@example.pl');
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.passwordHash).not.toContain('rower');
    expect(row!.consentAt).toBeInstanceOf(Date);
    expect(await verifyPassword('zielony rower nad Wisłoką', row!.passwordHash)).toBe(true);
    expect(await verifyPassword('zielony rower', row!.passwordHash)).toBe(false);
  });

  it('refuses a common password at the password field', async () => {
    expect(await fieldOf(registerUser({ name: 'Jan', email: 'jan@example.pl', password: 'password1' }))).toEqual({ password: ['password_common'] });
    expect(await fieldOf(registerUser({ name: 'Jan', email: 'jan@example.pl', password: 'Haslo123' }))).toEqual({ password: ['password_common'] });
    expect(await db.select().from(users).where(eq(users.email, 'jan@example.pl'))).toHaveLength(0);
  });

  it('keeps a registered address as it is and tells its owner instead, without saying so to the form', async () => {
    const owner = await newUser('dup@example.pl');
    const [before] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(await registerUser({ name: 'Other', email: 'dup@example.pl', password: 'inne dlugie haslo 42' })).toEqual({ id: owner.id, created: false });
    const [after] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(after).toEqual(before);
    const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'dup@example.pl')).orderBy(mailOutbox.id);
    expect(mail.map((m) => m.kind)).toEqual(['verify_email', 'signup_existing']);
    // Never confirmed: the notice carries a fresh confirmation link.
    expect(mail[1]!.textBody).toMatch(/\/verify-email\?token=[\w-]{40,}/);
    expect(mail[1]!.textBody).toContain('/forgot-password');
  });

  it('leaves a new account unconfirmed and queues the confirmation link with it', async () => {
    const user = await newUser('fresh@example.pl');
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.emailVerifiedAt).toBeNull();
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
    expect(mail).toMatchObject({ kind: 'verify_email', toAddress: 'fresh@example.pl', status: 'queued', subject: 'Potwierdź adres e-mail w Agorze' });
    expect(mail!.headers).toEqual({}); // essential: no unsubscribe
  });
});

describe('changePassword', () => {
  it('checks the current password, sets the new one and ends every session', async () => {
    const user = await newUser('change@example.pl');
    expect(await fieldOf(changePassword({ actor: user, currentPassword: 'wrong one', newPassword: 'nowe bardzo dobre haslo' }))).toEqual({ currentPassword: ['password_wrong'] });
    const before = (await db.select().from(users).where(eq(users.id, user.id)))[0]!;
    await changePassword({ actor: user, currentPassword: 'zielony rower nad Wisłoką', newPassword: 'nowe bardzo dobre haslo' });
    const after = (await db.select().from(users).where(eq(users.id, user.id)))[0]!;
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword('nowe bardzo dobre haslo', after.passwordHash)).toBe(true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, user.id));
    expect(audit.map((a) => a.action)).toContain('user.password_change');
  });

  it('refuses a common new password', async () => {
    const user = await newUser('common@example.pl');
    expect(await fieldOf(changePassword({ actor: user, currentPassword: 'zielony rower nad Wisłoką', newPassword: 'qwerty123' }))).toEqual({ newPassword: ['password_common'] });
  });
});

describe('signOutEverywhere', () => {
  it('bumps the session version', async () => {
    const user = await newUser('out@example.pl');
    await signOutEverywhere({ actor: user });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.sessionVersion).toBe(2);
  });
});

describe('deleteAccount and exportUserData', () => {
  it('exports the account, then deletes the personal data but keeps the row', async () => {
    const user = await newUser('gone@example.pl');
    await db.insert(userRoles).values({ userId: user.id, role: 'analyst' });
    const exported = await exportUserData({ actor: user });
    expect(exported.account).toMatchObject({ email: 'gone@example.pl', name: 'Anna Nowak' });
    expect(exported.roles.map((r) => r.role)).toEqual(['analyst']);
    expect(exported.activity.map((a) => a.action)).toContain('user.register');

    expect(await fieldOf(deleteAccount({ actor: user, currentPassword: 'nope nope nope' }))).toEqual({ currentPassword: ['password_wrong'] });
    await deleteAccount({ actor: user, currentPassword: 'zielony rower nad Wisłoką' });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ status: 'deleted', name: '', passwordHash: null });
    expect(row!.email).not.toContain('gone@example.pl');
    expect(await db.select().from(userRoles).where(eq(userRoles.userId, user.id))).toHaveLength(0);
    // The address is free again for a new account.
    await newUser('gone@example.pl');
  });
});

describe('password strength (zxcvbn-ts, score ≥ 3, plus the blocklist)', () => {
  it.each(['aaaaaaaa', 'Passw0rd!', 'zaq1@WSX', 'Password1!'])('sign-up, password change and reset refuse %s at the field', async (weak) => {
    const error = await registerUser({ name: 'Ola Słaba', email: `weak-${weak.length}-${Math.random()}@example.pl`, password: weak }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.password?.[0]).toMatch(/^password_(weak|common)$/);
    const user = await newUser(`strong-${Math.random()}@example.pl`);
    expect(await fieldOf(changePassword({ actor: user, currentPassword: 'zielony rower nad Wisłoką', newPassword: weak }))).toEqual({ newPassword: [expect.stringMatching(/^password_(weak|common)$/)] });
  });

  it('accepts a passphrase and the demo password', async () => {
    await newUser(`phrase-${Math.random()}@example.pl`, 'szumiąca Wisłoka pod Golesz');
    await newUser(`demo-${Math.random()}@example.pl`, 'Agora-demo-2026!');
  });
});
