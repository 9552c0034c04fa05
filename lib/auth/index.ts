import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { db, preparedQuery } from '@/db/client';
import { sessions, userRoles, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { consumeRateLimit, keyedHash, resetRateLimit } from '@/lib/rate-limit';
import { clientAddress } from '@/lib/request';
import { authConfig } from './config';
import { verifyPassword } from './password';
import { requiresSecondFactor, type CurrentUser } from './permissions';
import { signInSchema } from './schema';
import { decodeSession } from './session-cookie';
import { createSession, isSessionAlive, touchSession } from './sessions';
import { readTicket } from './tickets';

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

/**
 * The password step of signing in: the account for the right password, else null — the same for
 * an unknown address, a wrong password and a disabled account (a dummy hash is checked when the
 * address is unknown, so the time does not tell either). Whether a second step follows is only
 * decided after this, so it reveals nothing about an address whose password was not given.
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: { headers: Headers }) {
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

  await resetRateLimit(accountKey);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, hasSecondFactor: Boolean(user.totpSecret) };
}

/**
 * Auth.js's side of signing in: it accepts only a ticket that lib/auth/sign-in.ts minted after
 * every step passed (password, and the code where the account has one), opens a session row and
 * puts its id in the token. A staff account without a second factor gets a session marked
 * "enrol", which can only set one up (lib/action.ts, proxy.ts; getCurrentUser drops its roles).
 */
export async function authorizeTicket(credentials: Partial<Record<string, unknown>>, request: Request) {
  const ticket = readTicket(credentials.ticket, 'done');
  if (!ticket) return null;
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status, sessionVersion: users.sessionVersion, totpSecret: users.totpSecret })
    .from(users)
    .where(eq(users.id, ticket.userId))
    .limit(1);
  if (!user || user.status !== 'active' || user.sessionVersion !== ticket.sessionVersion) return null;
  const roles = await db.select({ role: userRoles.role, communeId: userRoles.communeId }).from(userRoles).where(eq(userRoles.userId, user.id));
  const sessionId = await createSession({ userId: user.id, userAgent: request.headers.get('user-agent') });
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    sessionVersion: user.sessionVersion,
    sessionId,
    mustEnrol: requiresSecondFactor(roles) && !user.totpSecret,
    staff: requiresSecondFactor(roles),
  };
}

/** Auth.js v5: the route handlers, the session reader and the sign-in/out actions. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = authConfig();
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { ticket: { type: 'text' } },
        authorize: authorizeTicket,
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
      hasSecondFactor: sql<boolean>`${users.totpSecret} is not null`,
      sessionCreatedAt: sessions.createdAt,
      sessionLastSeenAt: sessions.lastSeenAt,
      role: userRoles.role,
      communeId: userRoles.communeId,
    })
    .from(users)
    .innerJoin(sessions, and(eq(sessions.id, sql.placeholder('sid')), eq(sessions.userId, users.id)))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.id, sql.placeholder('id')), eq(users.status, 'active')))
    .prepare('current_user'),
);

/**
 * The signed-in user, or null. Reads the account, its session row and its roles fresh on every
 * request (once per request thanks to React's cache), so a revoked role, a disabled account, a
 * bumped session version (sign out everywhere, password change), an ended session or one past
 * SESSION_MAX_HOURS takes effect at once. proxy.ts slides the session's expiry; a server
 * component could not send a re-issued cookie anyway.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await decodeSession((await cookies()).getAll());
  return userForToken(token, (await now()).getTime());
});

/** The id of the request's session row (for the list in /account), or null. */
export async function getCurrentSessionId(): Promise<string | null> {
  const token = await decodeSession((await cookies()).getAll());
  return typeof token?.sid === 'string' ? token.sid : null;
}

/**
 * The user a decoded session token stands for at `nowMs`, or null. A staff account without a
 * second factor comes back without its roles and marked `mustEnrolSecondFactor`: whatever path
 * it takes, no staff right works until it has enrolled.
 */
export async function userForToken(token: { sub?: string | null; sid?: unknown; sessionVersion?: unknown } | null, nowMs: number): Promise<CurrentUser | null> {
  const id = token?.sub;
  const sid = token?.sid;
  if (!id || typeof sid !== 'string' || !UUID.test(sid)) return null;
  const sessionVersion = typeof token.sessionVersion === 'number' ? token.sessionVersion : 0;
  const rows = await accountQuery().execute({ id, sid });
  const user = rows[0];
  if (!user || user.sessionVersion !== sessionVersion) return null;
  if (!isSessionAlive({ createdAt: user.sessionCreatedAt }, nowMs)) return null;
  await touchSession(sid, user.sessionLastSeenAt, nowMs);
  const roles = rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, communeId: r.communeId }]));
  const mustEnrol = requiresSecondFactor(roles) && !user.hasSecondFactor;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    roles: mustEnrol ? [] : roles,
    ...(mustEnrol ? { mustEnrolSecondFactor: true } : {}),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
