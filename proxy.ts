import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { hasSessionCookie } from '@/lib/auth/session-cookie';

/**
 * Runs before every page: Auth.js re-signs the session cookie with a fresh expiry, which is what
 * makes sessions end after SESSION_IDLE_MINUTES of inactivity rather than at a fixed time. Its
 * redirect of signed-out visitors away from private pages is only a convenience; every page,
 * action and lib/ function checks the user itself.
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

// With a lazily built configuration (settings are read at run time, not at build time) Auth.js
// hands back the wrapped handler as a promise.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // No session cookie: nothing to refresh, and Auth.js need not run for an anonymous visitor.
  if (!hasSessionCookie(request.cookies.getAll().map((c) => c.name))) return isPrivate(request) ? toSignIn(request) : NextResponse.next();
  return (await guarded)(request, event);
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|txt|xml)$).*)'],
};
