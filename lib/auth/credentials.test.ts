import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { authorizeCredentials, TooManyAttempts, Unverified } from './index';
import { registerUser as register } from './mutations';

/** A sign-up whose address was confirmed (the link in the e-mail). */
async function registerUser(input: { name: string; email: string; password: string }) {
  await register(input);
  await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.email, input.email));
}

const PASSWORD = 'zielony rower nad Wisłoką';

function request(address: string) {
  return new Request('http://localhost/api/auth/callback/credentials', { headers: { 'x-forwarded-for': address } });
}

beforeAll(async () => {
  await registerUser({ name: 'Anna', email: 'anna@example.pl', password: PASSWORD });
  await registerUser({ name: 'Off', email: 'off@example.pl', password: PASSWORD });
  await db.update(users).set({ status: 'disabled' }).where(eq(users.email, 'off@example.pl'));
});

describe('authorizeCredentials', () => {
  it('returns the user and the session version for the right password, whatever the e-mail case', async () => {
    const user = await authorizeCredentials({ email: 'Anna@Example.PL', password: PASSWORD }, request('198.51.100.1'));
    expect(user).toMatchObject({ email: 'anna@example.pl', sessionVersion: 1 });
  });

  it('refuses a wrong password, an unknown e-mail and a disabled account alike', async () => {
    expect(await authorizeCredentials({ email: 'anna@example.pl', password: 'wrong' }, request('198.51.100.2'))).toBeNull();
    expect(await authorizeCredentials({ email: 'ghost@example.pl', password: PASSWORD }, request('198.51.100.2'))).toBeNull();
    expect(await authorizeCredentials({ email: 'off@example.pl', password: PASSWORD }, request('198.51.100.2'))).toBeNull();
    expect(await authorizeCredentials({ email: 'not-an-email', password: PASSWORD }, request('198.51.100.2'))).toBeNull();
  });

  it('refuses an account whose address was never confirmed, but only with the right password', async () => {
    await register({ name: 'New', email: 'new@example.pl', password: PASSWORD });
    await expect(authorizeCredentials({ email: 'new@example.pl', password: PASSWORD }, request('198.51.100.3'))).rejects.toBeInstanceOf(Unverified);
    expect(await authorizeCredentials({ email: 'new@example.pl', password: 'wrong' }, request('198.51.100.3'))).toBeNull();
  });

  it('takes about as long for an unknown e-mail as for a wrong password (a hash is checked either way)', async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await authorizeCredentials({ email, password: 'wrong' }, request(`198.51.100.${Math.floor(Math.random() * 200) + 20}`));
      return performance.now() - start;
    };
    await time('ghost@example.pl'); // warm the dummy hash
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time('anna@example.pl'));
      unknown.push(await time(`ghost${i}@example.pl`));
    }
    // Both run one argon2id verification (tens of ms); without the dummy hash the unknown case is a
    // few ms of database work. The fastest of five of each: a busy machine only ever adds time, so
    // the fastest run is the one least disturbed (a median of three failed in CI beside a build).
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.5);
  });

  it('locks an account after ten attempts in the window, even with the right password, from any address', async () => {
    await registerUser({ name: 'Locked', email: 'locked@example.pl', password: PASSWORD });
    for (let i = 0; i < 10; i++) {
      await authorizeCredentials({ email: 'locked@example.pl', password: `wrong ${i}` }, request(`203.0.113.${i + 1}`));
    }
    await expect(authorizeCredentials({ email: 'locked@example.pl', password: PASSWORD }, request('203.0.113.99'))).rejects.toBeInstanceOf(TooManyAttempts);
  });

  it('limits attempts per address across accounts', async () => {
    let refused = 0;
    for (let i = 0; i < 52; i++) {
      try {
        await authorizeCredentials({ email: `spray${i}@example.pl`, password: 'wrong' }, request('192.0.2.77'));
      } catch (error) {
        expect(error).toBeInstanceOf(TooManyAttempts);
        refused++;
      }
    }
    expect(refused).toBe(2);
  });

  it('a successful sign-in clears the account count', async () => {
    await registerUser({ name: 'Reset', email: 'reset@example.pl', password: PASSWORD });
    for (let i = 0; i < 9; i++) await authorizeCredentials({ email: 'reset@example.pl', password: 'wrong' }, request('203.0.113.150'));
    expect(await authorizeCredentials({ email: 'reset@example.pl', password: PASSWORD }, request('203.0.113.150'))).not.toBeNull();
    for (let i = 0; i < 9; i++) await authorizeCredentials({ email: 'reset@example.pl', password: 'wrong' }, request('203.0.113.151'));
    expect(await authorizeCredentials({ email: 'reset@example.pl', password: PASSWORD }, request('203.0.113.151'))).not.toBeNull();
  });
});
