import { decode, type JWT } from 'next-auth/jwt';
import { getEnv } from '@/lib/env';
import { BoundedMap } from '@/lib/bounded-map';

/** Auth.js's session cookie: `authjs.session-token`, `__Secure-` prefixed over https, `.0`, `.1`… when split. */
const SESSION_COOKIE = /^((?:__Secure-)?authjs\.session-token)(?:\.(\d+))?$/;

/**
 * The session token a request carries: the cookie's value, or its pieces joined in order when
 * Auth.js split it, with the cookie's name — the salt the token is encrypted with. Null without
 * one: there is then no session to read, and Auth.js need not run at all (it mints a CSRF token,
 * a SHA-256 digest, on every call).
 */
export function sessionTokenOf(cookies: Iterable<{ name: string; value: string }>): { token: string; salt: string } | null {
  const pieces: { salt: string; index: number; value: string }[] = [];
  for (const { name, value } of cookies) {
    const match = SESSION_COOKIE.exec(name);
    if (!match) continue;
    if (match[2] === undefined) return { token: value, salt: name };
    pieces.push({ salt: match[1]!, index: Number(match[2]), value });
  }
  if (pieces.length === 0) return null;
  pieces.sort((a, b) => a.index - b.index);
  return { token: pieces.map((p) => p.value).join(''), salt: pieces[0]!.salt };
}

/**
 * Tokens that decrypted and verified, by cookie name and token. A browser sends the same token
 * with every request until proxy.ts slides it (at most once a minute), and a page read it twice
 * (proxy, then getCurrentUser): deriving the key and decrypting was a tenth of a signed-in page's
 * server time. Any other token is refused afresh each time, and keeps nothing.
 */
const verified = new BoundedMap<string, JWT>(2000);

/**
 * The request's session, decrypted and checked (signature, expiry) — or null without a sound one.
 * Read straight from the cookie: Auth.js's auth() would also mint a CSRF token and re-encrypt the
 * session on every call.
 */
export async function decodeSession(cookies: Iterable<{ name: string; value: string }>): Promise<JWT | null> {
  const found = sessionTokenOf(cookies);
  if (!found) return null;
  const key = `${found.salt}=${found.token}`;
  let token = verified.get(key) ?? null;
  if (!token) {
    token = await decode({ token: found.token, secret: getEnv().AUTH_SECRET, salt: found.salt }).catch(() => null);
    if (token) verified.set(key, token);
  }
  // A remembered token's expiry is checked again on every use (decode checked it when it was new).
  return token && typeof token.exp === 'number' && token.exp > Date.now() / 1000 ? token : null;
}

/**
 * How often at most the session's expiry is pushed forward. Re-issuing the token (Auth.js decrypts
 * it, mints a CSRF token and encrypts a new one) was a fifth of a signed-in page's server time, so
 * within a minute of the last re-issue a request only checks that its token is sound. A session
 * thus ends between SESSION_IDLE_MINUTES − 1 and SESSION_IDLE_MINUTES after its last request.
 */
export const SLIDE_AT_MOST_EVERY_SECONDS = 60;

/** Is a sound session's token old enough (issued a minute or more ago) to be re-issued now? */
export function sessionNeedsSliding(token: JWT, nowSeconds: number): boolean {
  return token.iat === undefined || nowSeconds - token.iat >= SLIDE_AT_MOST_EVERY_SECONDS;
}
