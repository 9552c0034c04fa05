import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { mailOutbox, mailTokens, users } from '@/db/schema';
import { thrown } from '@/tests/factories';
import { registerUser } from './mutations';
import { verifyPassword } from './password';
import { checkResetToken, requestPasswordReset, resetPassword, verifyEmail } from './recovery';

const PASSWORD = 'zielony rower nad Wisłoką';
let address = 0;
/** A different client address per call, unless a test is about the per-address limit. */
const client = () => `198.51.100.${(address++ % 250) + 1}`;

async function member(email: string) {
  const { id } = await registerUser({ name: 'Anna Nowak', email, password: PASSWORD });
  await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, id!));
  await db.delete(mailOutbox).where(eq(mailOutbox.userId, id!));
  return id!;
}

/** The token in the newest queued message to `to` of a kind (read from its text, as a person would). */
async function linkToken(to: string, kind: string, path: string): Promise<string> {
  const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)).orderBy(mailOutbox.id);
  const mail = rows.filter((r) => r.kind === kind).at(-1);
  expect(mail, `a ${kind} message to ${to}`).toBeDefined();
  const match = mail!.textBody.match(new RegExp(`${path.replace('?', '\\?')}\\?token=([\\w-]+)`));
  expect(match).not.toBeNull();
  return match![1]!;
}

beforeEach(async () => {
  await db.delete(mailOutbox);
});

describe('password reset', () => {
  it('mails a link to a registered address and nothing to an unknown one, answering both alike', async () => {
    await member('known@example.pl');
    expect(await requestPasswordReset({ email: 'known@example.pl', clientAddress: client() })).toBeUndefined();
    expect(await requestPasswordReset({ email: 'nobody@example.pl', clientAddress: client() })).toBeUndefined();
    const rows = await db.select().from(mailOutbox);
    expect(rows.map((r) => [r.kind, r.toAddress])).toEqual([['reset_password', 'known@example.pl']]);
    expect(rows[0]!.textBody).toMatch(/http:\/\/localhost:\d+\/reset-password\?token=[\w-]{40,}/);
    // Only a hash of the token is stored.
    const token = await linkToken('known@example.pl', 'reset_password', '/reset-password');
    const stored = await db.select().from(mailTokens).where(eq(mailTokens.purpose, 'reset_password'));
    expect(stored.some((t) => t.tokenHash === token)).toBe(false);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBeGreaterThan(3590_000);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBeLessThan(3610_000);
  });

  it('sends at most three links an hour per account, silently, and refuses a flood from one address', async () => {
    await member('limited@example.pl');
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: 'limited@example.pl', clientAddress: client() });
    expect(await db.select().from(mailOutbox)).toHaveLength(3);

    const flood = '203.0.113.9';
    for (let i = 0; i < 20; i++) await requestPasswordReset({ email: `flood${i}@example.pl`, clientAddress: flood });
    expect((await thrown(requestPasswordReset({ email: 'flood-last@example.pl', clientAddress: flood }))).code).toBe('rate_limited:reset');
  }, 60_000);

  it('sets the new password once, ends every session, confirms the address and tells the owner', async () => {
    const id = await member('reset@example.pl');
    await requestPasswordReset({ email: 'reset@example.pl', clientAddress: client() });
    const token = await linkToken('reset@example.pl', 'reset_password', '/reset-password');
    expect(await checkResetToken({ token })).toBe('valid');
    const [before] = await db.select().from(users).where(eq(users.id, id));

    await resetPassword({ token, password: 'całkiem nowe hasło 2026' });
    const [after] = await db.select().from(users).where(eq(users.id, id));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await verifyPassword('całkiem nowe hasło 2026', after!.passwordHash)).toBe(true);
    const kinds = (await db.select().from(mailOutbox).where(eq(mailOutbox.userId, id))).map((m) => m.kind);
    expect(kinds).toEqual(['reset_password', 'password_changed']);

    // Used: a second try changes nothing.
    expect(await checkResetToken({ token })).toBe('used');
    expect((await thrown(resetPassword({ token, password: 'jeszcze inne hasło 77' }))).code).toBe('bad_request:token_used');
    const [again] = await db.select().from(users).where(eq(users.id, id));
    expect(again).toEqual(after);
  });

  it('refuses an expired or a forged token and changes nothing', async () => {
    const id = await member('expired@example.pl');
    await requestPasswordReset({ email: 'expired@example.pl', clientAddress: client() });
    const token = await linkToken('expired@example.pl', 'reset_password', '/reset-password');
    await db.update(mailTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(mailTokens.userId, id));
    const [before] = await db.select().from(users).where(eq(users.id, id));
    expect(await checkResetToken({ token })).toBe('expired');
    expect((await thrown(resetPassword({ token, password: 'całkiem nowe hasło 2026' }))).code).toBe('bad_request:token_expired');
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(await checkResetToken({ token: forged })).toBe('invalid');
    expect((await thrown(resetPassword({ token: forged, password: 'całkiem nowe hasło 2026' }))).code).toBe('bad_request:token_invalid');
    expect((await thrown(resetPassword({ token: 'short', password: 'całkiem nowe hasło 2026' }))).code).toBe('bad_request:token_invalid');
    const [after] = await db.select().from(users).where(eq(users.id, id));
    expect(after).toEqual(before);
    expect((await db.select().from(mailTokens).where(eq(mailTokens.userId, id)))[0]!.usedAt).toBeNull();
  });

  it('a newer link makes the older one useless once either is used', async () => {
    await member('twice@example.pl');
    await requestPasswordReset({ email: 'twice@example.pl', clientAddress: client() });
    const first = await linkToken('twice@example.pl', 'reset_password', '/reset-password');
    await requestPasswordReset({ email: 'twice@example.pl', clientAddress: client() });
    const second = await linkToken('twice@example.pl', 'reset_password', '/reset-password');
    expect(first).not.toBe(second);
    await resetPassword({ token: second, password: 'całkiem nowe hasło 2026' });
    expect(await checkResetToken({ token: first })).toBe('used');
  });
});

describe('sign-up confirmation', () => {
  it('confirms the address once; a used, expired or forged link confirms nothing', async () => {
    await registerUser({ name: 'Nowy', email: 'verify@example.pl', password: PASSWORD });
    const token = await linkToken('verify@example.pl', 'verify_email', '/verify-email');
    expect(await verifyEmail({ token: `${token}x` })).toBe('invalid');
    expect((await db.select().from(users).where(eq(users.email, 'verify@example.pl')))[0]!.emailVerifiedAt).toBeNull();
    expect(await verifyEmail({ token })).toBe('valid');
    const [row] = await db.select().from(users).where(eq(users.email, 'verify@example.pl'));
    expect(row!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyEmail({ token })).toBe('used');

    await registerUser({ name: 'Późny', email: 'late@example.pl', password: PASSWORD });
    const late = await linkToken('late@example.pl', 'verify_email', '/verify-email');
    await db.update(mailTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(mailTokens.userId, (await db.select().from(users).where(eq(users.email, 'late@example.pl')))[0]!.id));
    expect(await verifyEmail({ token: late })).toBe('expired');
    expect((await db.select().from(users).where(eq(users.email, 'late@example.pl')))[0]!.emailVerifiedAt).toBeNull();
  });
});

describe('no account is revealed by timing', () => {
  // Timer and scheduling noise on a shared 2-core machine; the work hidden is 15–50 ms. Each side's
  // fastest run is compared: a busy machine only ever adds time, so the minimum is the run the
  // neighbours disturbed least (the median of five still moved by 15 ms under a load of 20).
  const NOISE_MS = 12;
  // When the machine is so busy that one hash takes most of a second, a few percent of it is noise too.
  const tolerance = (k: number, u: number) => Math.max(NOISE_MS, 0.03 * Math.min(k, u));
  const fastest = (xs: number[]) => Math.min(...xs);
  async function timed(run: () => Promise<unknown>) {
    const start = performance.now();
    await run();
    return performance.now() - start;
  }

  it('sign-up takes as long for a registered address as for a new one (a password is hashed either way)', async () => {
    await member('taken@example.pl');
    const known: number[] = [];
    const unknown: number[] = [];
    await registerUser({ name: 'Warm', email: 'warm@example.pl', password: PASSWORD });
    for (let i = 0; i < 7; i++) {
      known.push(await timed(() => registerUser({ name: 'Ktoś', email: 'taken@example.pl', password: PASSWORD })));
      unknown.push(await timed(() => registerUser({ name: 'Ktoś', email: `new${i}@example.pl`, password: PASSWORD })));
    }
    // Each is one argon2id hash and one short transaction, answered no sooner than UNIFORM_ANSWER_MS.
    const [k, u] = [fastest(known), fastest(unknown)];
    // Without the floor the new account's extra inserts (audit, token, outbox) show as 5–20 ms.
    expect(Math.abs(k - u), `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(tolerance(k, u));
  }, 60_000);

  it('a reset request takes as long for a registered address as for an unknown one', async () => {
    await member('timing@example.pl');
    const known: number[] = [];
    const unknown: number[] = [];
    await requestPasswordReset({ email: 'warm2@example.pl', clientAddress: client() });
    for (let i = 0; i < 7; i++) {
      // Past the per-account limit the registered address sends nothing either; reset it each time.
      await db.execute(`delete from rate_limits`);
      known.push(await timed(() => requestPasswordReset({ email: 'timing@example.pl', clientAddress: client() })));
      unknown.push(await timed(() => requestPasswordReset({ email: `ghost${i}@example.pl`, clientAddress: client() })));
    }
    const [k, u] = [fastest(known), fastest(unknown)];
    expect(Math.abs(k - u), `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(tolerance(k, u));
  }, 60_000);
});
