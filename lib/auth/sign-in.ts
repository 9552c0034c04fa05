import 'server-only';
import { AuthError } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { getEnv } from '@/lib/env';
import { authorizeCredentials, getCurrentSessionId, signIn } from './index';
import { requiresSecondFactor } from './permissions';
import { deleteSession } from './sessions';
import { mintTicket, readTicket } from './tickets';
import { verifySecondFactor } from './two-factor';

/** Holds the 'password' ticket between the two steps of signing in (httpOnly, five minutes). */
export const SECOND_STEP_COOKIE = 'agora-second-step';

/**
 * Signs in with e-mail and password from a server action. For an account with a second factor it
 * only remembers (in a short-lived cookie) that the password was right and answers 'code': the
 * caller shows the code form. Failures become our error codes: wrong credentials, too many
 * attempts, an unconfirmed address.
 */
export async function signInWithPassword(email: string, password: string): Promise<'done' | 'code' | 'enrol'> {
  let user: Awaited<ReturnType<typeof authorizeCredentials>>;
  try {
    user = await authorizeCredentials({ email, password }, { headers: await headers() });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'rate_limited') throw new AppError('rate_limited:signin');
    if (code === 'unverified') throw new AppError('forbidden:unverified');
    throw error;
  }
  if (!user) throw new AppError('unauthorized:credentials');
  if (user.hasSecondFactor) {
    (await cookies()).set(SECOND_STEP_COOKIE, mintTicket({ userId: user.id, sessionVersion: user.sessionVersion, stage: 'password' }), {
      httpOnly: true,
      sameSite: 'lax',
      secure: getEnv().PUBLIC_URL.startsWith('https:'),
      path: '/',
      maxAge: 5 * 60,
    });
    return 'code';
  }
  await startSession(user);
  // A staff account without a second factor may only enrol (the caller goes there at once: a
  // server action's redirect is rendered without passing through proxy.ts).
  const roles = await db.select({ role: userRoles.role, communeId: userRoles.communeId }).from(userRoles).where(eq(userRoles.userId, user.id));
  return requiresSecondFactor(roles) ? 'enrol' : 'done';
}

/** Is a password step waiting for its code in this browser? */
export async function hasPendingSecondStep(): Promise<boolean> {
  return readTicket((await cookies()).get(SECOND_STEP_COOKIE)?.value, 'password') !== null;
}

/**
 * The second step: a code from the app or a recovery code, for the account whose password was
 * given in this browser within the last five minutes. Then the session starts.
 */
export async function signInWithCode(code: string): Promise<void> {
  const jar = await cookies();
  const ticket = readTicket(jar.get(SECOND_STEP_COOKIE)?.value, 'password');
  if (!ticket) throw new AppError('unauthorized:second_step_expired');
  await verifySecondFactor({ userId: ticket.userId, code });
  jar.delete(SECOND_STEP_COOKIE);
  await startSession({ id: ticket.userId, sessionVersion: ticket.sessionVersion });
}

/**
 * Opens a session for an account that has passed every step (or, after a password change or an
 * enrolment, for the signed-in user whose old session was just ended): Auth.js sets the cookie.
 */
export async function startSession(user: { id: string; sessionVersion: number }): Promise<void> {
  try {
    await signIn('credentials', { ticket: mintTicket({ userId: user.id, sessionVersion: user.sessionVersion, stage: 'done' }), redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') throw new AppError('unauthorized:credentials');
    throw error;
  }
}

/** Starts a fresh session for a user already signed in (new session version, new second factor). */
export async function renewSession({ userId, oldSessionId }: { userId: string; oldSessionId: string | null }): Promise<void> {
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  if (!row) throw new AppError('not_found:user');
  await deleteSession(oldSessionId);
  await startSession({ id: userId, sessionVersion: row.sessionVersion });
}

/** Ends this browser's session on the server (sign-out): its row goes, so a copied cookie is refused. */
export async function endCurrentSession(): Promise<void> {
  await deleteSession(await getCurrentSessionId());
}
