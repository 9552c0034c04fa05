import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/_http/error-response';
import { isForeignOrigin } from '@/app/_http/origin';
import { authConfig } from '@/lib/auth/config';
import type { JWT } from 'next-auth/jwt';
import { decodeSession, sessionNeedsSliding, sessionTokenOf } from '@/lib/auth/session-cookie';
import { parseSite, PUBLIC_PAGES_ROOT, siteSegment } from '@/app/_http/site';
import { isSandboxedPath, newNonce, pagePolicy, publicPagePolicy, SANDBOXED_POLICY } from '@/lib/csp';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { AppError } from '@/lib/errors';
import { testClockOffsetSeconds } from '@/lib/test-clock';
import { DEVICE_CACHE_HEADER, DEVICE_CACHE_VALUE, isSurveyPagePath } from '@/lib/surveys/device/offline-page';

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

/** What a session marked "enrol" may still reach: the enrolment page and signing in again. */
const ENROL_PATHS = ['/account/two-factor', '/sign-in'];

function toSignIn(request: NextRequest) {
  const target = new URL('/sign-in', request.nextUrl.origin);
  target.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(target);
}

/**
 * Lets the request through to its variant of the site (app/_http/site.ts): /forum becomes
 * /pl/forum (app/[site]/), rendered for this request, or /public-pages/pl.public/forum
 * (app/public-pages/[site]/), the page every visitor without a session shares, which Next.js
 * renders once and keeps — or, for a signed-in reader of a thread, its members' kept variant
 * (/public-pages/pl.members/forum/threads/12). A path can never name a variant itself: /public-pages/x becomes
 * /pl/public-pages/x, which is not found.
 *
 * The Content-Security-Policy goes with it: for a page rendered per request, a fresh nonce, put
 * on the request too, where Next.js reads it to mark its own scripts (lib/csp.ts); a kept public
 * page was rendered for nobody in particular and gets the policy made for it.
 */
function pass(request: NextRequest, { reader }: { reader: Reader }): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  // Staff read user-written posts — hidden ones too — and act on them: their pages keep the
  // per-request nonce (lib/csp.ts), never a page kept for members.
  const site = reader === 'staff' ? locale : siteSegment({ path: pathname, search: searchParams, locale, signedIn: reader === 'member', method: request.method });
  const dev = process.env.NODE_ENV === 'development';
  const audience = parseSite(site).audience;
  const kept = audience !== 'session';
  // A clone of nextUrl, not a new URL: Next.js serves a rewrite itself only when its origin is the
  // request's own as Next.js sees it, and proxies it over the network otherwise.
  const target = request.nextUrl.clone();
  target.pathname = `${kept ? PUBLIC_PAGES_ROOT : ''}/${site}${pathname === '/' ? '' : pathname}`;
  let response: NextResponse;
  let policy: string;
  if (kept) {
    // A kept page is rendered for nobody and Next.js gives it none of the request's headers (a
    // nonce a visitor sends never reaches it: e2e/results.spec.ts, nor a member's cookie), so the
    // request goes on as it came, without a nonce or a copy of its headers.
    policy = isSandboxedPath(pathname) ? SANDBOXED_POLICY : publicPagePolicy({ dev });
    response = NextResponse.rewrite(target);
  } else {
    const nonce = newNonce();
    policy = isSandboxedPath(pathname) ? SANDBOXED_POLICY : pagePolicy(nonce, { dev });
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
    headers.set('x-nonce', nonce);
    response = NextResponse.rewrite(target, { request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  // The members' variant answers at the same address as the visitors' one: no cache on the way
  // may keep it for the next one who asks.
  if (audience === 'members') response.headers.set('Cache-Control', 'private, no-cache');
  // A questionnaire rendered for nobody in particular may be kept on the respondent's phone by the
  // survey's service worker, for filling without a connection (lib/surveys/device/offline-page.ts):
  // only with no session cookie at all, not one merely refused here (the page reads it itself).
  if (!sessionTokenOf(request.cookies.getAll()) && isSurveyPagePath(pathname)) response.headers.set(DEVICE_CACHE_HEADER, DEVICE_CACHE_VALUE);
  return response;
}

/**
 * Who asks, as far as the proxy can tell from the session's token: nobody, a signed-in reader, or
 * an account that held a role when it signed in (lib/auth/config.ts).
 */
type Reader = 'visitor' | 'member' | 'staff';

function readerOf(token: JWT | null): Reader {
  return token ? (token.staff ? 'staff' : 'member') : 'visitor';
}

// A session Auth.js no longer accepts (expired, unsound) is read as a visitor's: Auth.js clears
// its cookie in the same answer.
const guarded = auth(async (request) => {
  if (isPrivate(request) && !request.auth?.user) return toSignIn(request);
  if (!request.auth?.user) return pass(request, { reader: 'visitor' });
  return pass(request, { reader: (await decodeSession(request.cookies.getAll()))?.staff ? 'staff' : 'member' });
}) as unknown as Promise<(request: NextRequest, event: NextFetchEvent) => Promise<Response>>;

// With a lazily built configuration (settings are read at run time, not at build time) Auth.js
// hands back the wrapped handler as a promise.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // A post to a page from another site is refused here with 403. A post to a page is a server
  // action, with the Next-Action header (from the page's script) or without it (a form posted with
  // JavaScript off), or a survey's step posted without JavaScript (pages/[site]/s/[slug].tsx). For
  // an action Next.js's own check would refuse it too, but as a 500, which reads as our failure
  // rather than the sender's; the survey's step is checked again by the page's data route.
  if (request.method === 'POST' && isForeignOrigin(request.headers)) return errorResponse(new AppError('forbidden:origin'), 'text');
  const cookies = request.cookies.getAll();
  // No session cookie: nothing to refresh, and Auth.js need not run for an anonymous visitor.
  if (!sessionTokenOf(cookies)) return isPrivate(request) ? toSignIn(request) : pass(request, { reader: 'visitor' });
  const token = await decodeSession(cookies);
  // A staff account signed in without a second factor is sent to set one up, whatever it asks for
  // (lib/ refuses its actions and withholds its roles too: this is only the signpost).
  if (token?.enrol && !ENROL_PATHS.some((path) => request.nextUrl.pathname.startsWith(path))) {
    return NextResponse.redirect(new URL('/account/two-factor', request.nextUrl.origin));
  }
  // The clock is movable in end-to-end runs only (lib/test-clock.ts), so no test waits a minute.
  const nowSeconds = Date.now() / 1000 + testClockOffsetSeconds(request.headers);
  if (token && !sessionNeedsSliding(token, nowSeconds)) return pass(request, { reader: readerOf(token) });
  // Older, or unsound (Auth.js then clears the cookie, and a private page sends to sign-in).
  return (await guarded)(request, event);
}

export const config = {
  // Every page and route handler lives under app/[site]/ and must be rewritten, feeds included;
  // only the API, Next.js's own files and the files in public/ (the survey's service worker, built
  // into public/sw.js, and its form's script, into public/survey-client/) are left alone.
  matcher: ['/((?!api/|_next/|survey-client/|favicon\\.ico$|icon\\.svg$|sw\\.js$).*)'],
};
