import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { db, preparedQuery } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { consumeRateLimit, keyedHash, resetRateLimit } from '@/lib/rate-limit';
import { clientAddress } from '@/lib/request';
import { authConfig } from './config';
import { verifyPassword } from './password';
import type { CurrentUser } from './permissions';
import { signInSchema } from './schema';
import { decodeSession } from './session-cookie';

export type { CurrentUser } from './permissions';

/** Sign-in attempts are counted per account and per address in windows of this length. */
const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/** Raised from authorize() so the sign-in form can tell "too many attempts" from "wrong password". */
export class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

/** The right password for an account whose address was never confirmed (the sign-up e-mail's link). */
export class Unverified extends CredentialsSignin {
  code = 'unverified';
}

export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Request) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const env = getEnv();
  const accountKey = `signin:account:${keyedHash(email)}`;
  const addressKey = `signin:address:${keyedHash(clientAddress(request.headers))}`;
  const [byAccount, byAddress] = await Promise.all([
    consumeRateLimit(accountKey, env.SIGN_IN_ATTEMPTS_PER_ACCOUNT, SIGN_IN_WINDOW_SECONDS),
    consumeRateLimit(addressKey, env.SIGN_IN_ATTEMPTS_PER_ADDRESS, SIGN_IN_WINDOW_SECONDS),
  ]);
  if (!byAccount.allowed || !byAddress.allowed) throw new TooManyAttempts();

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  // verifyPassword checks a dummy hash when the account is unknown: no timing difference.
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid || user.status !== 'active') return null;
  if (!user.emailVerifiedAt) throw new Unverified();

  await Promise.all([
    resetRateLimit(accountKey),
    db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id)),
  ]);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

/** Auth.js v5: the route handlers, the session reader and the sign-in/out actions. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = authConfig();
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        authorize: authorizeCredentials,
      }),
    ],
  };
});

const accountQuery = preparedQuery((database) =>
  database
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
      role: userRoles.role,
      communeId: userRoles.communeId,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.id, sql.placeholder('id')), eq(users.status, 'active')))
    .prepare('current_user'),
);

/**
 * The signed-in user, or null. Reads the account and its roles fresh on every request (once per
 * request thanks to React's cache), so a revoked role, a disabled account or a bumped session
 * version (sign out everywhere, password change) takes effect at once. proxy.ts slides the
 * session's expiry; a server component could not send a re-issued cookie anyway.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await decodeSession((await cookies()).getAll());
  const id = token?.sub;
  if (!id) return null;
  const sessionVersion = typeof token.sessionVersion === 'number' ? token.sessionVersion : 0;
  const rows = await accountQuery().execute({ id });
  const user = rows[0];
  if (!user || user.sessionVersion !== sessionVersion) return null;
  const roles = rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, communeId: r.communeId }]));
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, roles };
});
