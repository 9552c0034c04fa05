import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { mailOutbox, mailTokens, users } from '@/db/schema';
import { thrown } from '@/tests/factories';
import { confirmEmailChange, requestEmailChange } from './email-change';
import { hashPassword } from './password';
import type { CurrentUser } from './permissions';

const PASSWORD = 'zielony rower nad Wisłoką';

async function member(email: string): Promise<CurrentUser> {
  const [row] = await db.insert(users).values({ name: 'Anna Nowak', email, passwordHash: await hashPassword(PASSWORD) }).returning({ id: users.id });
  return { id: row!.id, email, name: 'Anna Nowak', locale: 'pl', roles: [] };
}

async function tokenFrom(to: string) {
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
  expect(mail?.kind).toBe('confirm_email_change');
  return mail!.textBody.match(/\/account\/confirm-email\?token=([\w-]+)/)![1]!;
}

describe('changing the e-mail address', () => {
  it('moves the account only when the link sent to the new address is opened, and tells the old one', async () => {
    const actor = await member('stary@example.pl');
    expect((await thrown(requestEmailChange({ actor, newEmail: 'nowy@example.pl', currentPassword: 'wrong' }))).fieldErrors).toEqual({ currentPassword: ['password_wrong'] });
    expect((await thrown(requestEmailChange({ actor, newEmail: 'stary@example.pl', currentPassword: PASSWORD }))).fieldErrors).toEqual({ newEmail: ['email_same'] });
    await requestEmailChange({ actor, newEmail: 'nowy@example.pl', currentPassword: PASSWORD });
    expect((await db.select().from(users).where(eq(users.id, actor.id)))[0]!.email).toBe('stary@example.pl');
    const token = await tokenFrom('nowy@example.pl');

    expect(await confirmEmailChange({ token: `${token}x` })).toBe('invalid');
    expect(await confirmEmailChange({ token })).toBe('valid');
    expect((await db.select().from(users).where(eq(users.id, actor.id)))[0]!.email).toBe('nowy@example.pl');
    const [notice] = await db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'email_changed'));
    expect(notice).toMatchObject({ toAddress: 'stary@example.pl', subject: 'Adres e-mail Twojego konta został zmieniony' });
    expect(notice!.textBody).toContain('nowy@example.pl');
    expect(await confirmEmailChange({ token })).toBe('used');
  });

  it("sends nothing to another account's address and answers the same; an expired link changes nothing", async () => {
    const actor = await member('ja@example.pl');
    await member('zajety@example.pl');
    await requestEmailChange({ actor, newEmail: 'zajety@example.pl', currentPassword: PASSWORD });
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'zajety@example.pl'))).toEqual([]);

    await requestEmailChange({ actor, newEmail: 'pozny@example.pl', currentPassword: PASSWORD });
    const token = await tokenFrom('pozny@example.pl');
    await db.update(mailTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(mailTokens.userId, actor.id));
    expect(await confirmEmailChange({ token })).toBe('expired');
    expect((await db.select().from(users).where(eq(users.id, actor.id)))[0]!.email).toBe('ja@example.pl');
  });
});
