import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEnv } from '@/lib/env';
import { decodeSession, sessionNeedsSliding, sessionTokenOf } from './session-cookie';

describe('sessionTokenOf', () => {
  it('reads the token and the cookie name it is salted with, over http and https', () => {
    expect(sessionTokenOf([{ name: 'agora-locale', value: 'pl' }, { name: 'authjs.session-token', value: 'abc' }])).toEqual({ token: 'abc', salt: 'authjs.session-token' });
    expect(sessionTokenOf([{ name: '__Secure-authjs.session-token', value: 'xyz' }])).toEqual({ token: 'xyz', salt: '__Secure-authjs.session-token' });
  });

  it('joins a split token in the order of its pieces, not of the cookies', () => {
    const pieces = [10, 2, 0, 1, 9, 3, 4, 5, 6, 7, 8].map((i) => ({ name: `authjs.session-token.${i}`, value: `<${i}>` }));
    expect(sessionTokenOf(pieces)).toEqual({ token: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => `<${i}>`).join(''), salt: 'authjs.session-token' });
  });

  it('finds none without a session cookie', () => {
    expect(sessionTokenOf([])).toBeNull();
    expect(sessionTokenOf([{ name: 'authjs.csrf-token', value: 'a' }, { name: 'authjs.session-token-old', value: 'b' }])).toBeNull();
    expect(sessionTokenOf([{ name: 'xauthjs.session-token', value: 'c' }, { name: 'authjs.callback-url', value: 'd' }])).toBeNull();
  });
});

describe('decodeSession', () => {
  const salt = 'authjs.session-token';
  const issue = (secret = getEnv().AUTH_SECRET) => encode({ token: { sub: 'user-1', sessionVersion: 3 }, secret, salt });

  it('reads a session the app issued', async () => {
    expect(await decodeSession([{ name: salt, value: await issue() }])).toMatchObject({ sub: 'user-1', sessionVersion: 3 });
  });

  it('refuses a token signed with another secret, a tampered one, or none', async () => {
    expect(await decodeSession([{ name: salt, value: await issue('another-secret-another-secret-another-x') }])).toBeNull();
    const token = await issue();
    expect(await decodeSession([{ name: salt, value: `${token.slice(0, -4)}AAAA` }])).toBeNull();
    expect(await decodeSession([{ name: '__Secure-authjs.session-token', value: token }])).toBeNull(); // salted with the other name
    expect(await decodeSession([])).toBeNull();
  });

  describe('a token read before', () => {
    afterEach(() => vi.useRealTimers());

    it('is refused once it has expired, though it decrypted when it was new', async () => {
      const token = await encode({ token: { sub: 'user-2' }, secret: getEnv().AUTH_SECRET, salt, maxAge: 60 });
      const cookies = [{ name: salt, value: token }];
      expect(await decodeSession(cookies)).toMatchObject({ sub: 'user-2' });
      vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] });
      expect(await decodeSession(cookies)).toBeNull();
    });

    it('is still refused when tampered with after a sound copy was read', async () => {
      const token = await issue();
      expect(await decodeSession([{ name: salt, value: token }])).not.toBeNull();
      expect(await decodeSession([{ name: salt, value: `${token.slice(0, -4)}AAAA` }])).toBeNull();
    });
  });
});

describe('sliding the session (fake time instead of waiting a minute)', () => {
  afterEach(() => vi.useRealTimers());

  it('a token is re-issued only once it is a minute old, and lapses after the idle limit', async () => {
    vi.useFakeTimers();
    const start = new Date('2026-12-04T10:00:00Z');
    vi.setSystemTime(start);
    const salt = 'authjs.session-token';
    // encode() stamps iat = now and exp = now + maxAge, by the (fake) clock.
    const value = await encode({ token: { sub: 'user-1', sessionVersion: 1 }, secret: getEnv().AUTH_SECRET, salt, maxAge: 120 * 60 });
    const at = async (seconds: number) => {
      vi.setSystemTime(start.getTime() + seconds * 1000);
      const token = await decodeSession([{ name: salt, value }]);
      return token ? sessionNeedsSliding(token, Date.now() / 1000) : 'expired';
    };
    expect(await at(0)).toBe(false);
    expect(await at(59)).toBe(false);
    expect(await at(60)).toBe(true);
    expect(await at(61)).toBe(true);
    expect(await at(119 * 60)).toBe(true);
    expect(await at(120 * 60 + 1)).toBe('expired');
  });
});
