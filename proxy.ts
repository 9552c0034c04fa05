import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/_http/error-response';
import { isForeignOrigin, isServerAction } from '@/app/_http/origin';
import { authConfig } from '@/lib/auth/config';
import { decodeSession, sessionTokenOf } from '@/lib/auth/session-cookie';
import { AppError } from '@/lib/errors';

/**
 * Runs before every page: Auth.js re-signs the session cookie with a fresh expiry (at most once a
 * minute), which is what makes sessions end after SESSION_IDLE_MINUTES of inactivity rather than
 * at a fixed time. Its redirect of signed-out visitors away from private pages is only a
 * convenience; every page, action and lib/ function checks the user itself.
 */
const { auth } = NextAuth(() => authConfig());

function isPrivate(request: NextRequest) {
  return request.nextUrl.pathname.startsWith('/account') || request.nextUrl.pathname.startsWith('/admin');
}

function toSignIn(request: NextRequest) {
  const target = new URL('/sign-in', request.nextUrl.origin);
  target.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(target);
}

const guarded = auth((request) => (isPrivate(request) && !request.auth?.user ? toSignIn(request) : NextResponse.next())) as unknown as Promise<(request: NextRequest, event: NextFetchEvent) => Promise<Response>>;

/**
 * How often at most the session's expiry is pushed forward. Re-issuing the token (Auth.js decrypts
 * it, mints a CSRF token and encrypts a new one) was a fifth of a signed-in page's server time, so
 * within a minute of the last re-issue a request only checks that its token is sound. A session
 * thus ends between SESSION_IDLE_MINUTES − 1 and SESSION_IDLE_MINUTES after its last request.
 */
const SLIDE_AT_MOST_EVERY_SECONDS = 60;

// With a lazily built configuration (settings are read at run time, not at build time) Auth.js
// hands back the wrapped handler as a promise.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // A server action posted from another site is refused here with 403; Next.js's own check would
  // refuse it too, but as a 500, which reads as our failure rather than the sender's.
  if (isServerAction(request) && isForeignOrigin(request.headers)) return errorResponse(new AppError('forbidden:origin'), 'text');
  const cookies = request.cookies.getAll();
  // No session cookie: nothing to refresh, and Auth.js need not run for an anonymous visitor.
  if (!sessionTokenOf(cookies)) return isPrivate(request) ? toSignIn(request) : NextResponse.next();
  const token = await decodeSession(cookies);
  if (token?.iat !== undefined && Date.now() / 1000 - token.iat < SLIDE_AT_MOST_EVERY_SECONDS) return NextResponse.next();
  // Older, or unsound (Auth.js then clears the cookie, and a private page sends to sign-in).
  return (await guarded)(request, event);
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|txt|xml)$).*)'],
};
