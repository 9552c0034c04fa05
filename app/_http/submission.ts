import 'server-only';
import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/request';
import { answeredToken, readAnsweredToken } from '@/lib/surveys/answered';
import { submitResponse } from '@/lib/surveys/mutations';
import { readBoundedText } from './body';
import { isForeignOrigin } from './origin';
import { routeErrorResponse } from './route-error';

// The HTTP side of a submission, shared by the residents' and the operators' form routes: checks
// the origin and the content type, reads the body (bounded) and the "already answered" cookie,
// calls lib/surveys and answers in JSON, setting the cookie for an online answer.

/** A whole questionnaire is a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;
const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The "already answered" cookie of a survey (lib/surveys/answered.ts signs its value). */
export const answeredCookieName = (slug: string) => `agora_answered_${slug.replace(/[^a-z0-9-]/g, '')}`;

/** How the cookie is set, by this route and by the page's step action alike. */
export function answeredCookieOptions(slug: string, secure: boolean) {
  return { path: `/s/${slug}`, maxAge: COOKIE_MAX_AGE, httpOnly: true, sameSite: 'lax' as const, secure };
}

/** Was the request made over HTTPS (directly, or as the reverse proxy says)? */
export const isSecureRequest = (url: string, headers: Headers) => new URL(url).protocol === 'https:' || headers.get('x-forwarded-proto') === 'https';

/** The Set-Cookie header that marks this browser as having answered (its value signed). */
export function answeredCookieHeader(slug: string, responseId: string, secure: boolean): string {
  const options = answeredCookieOptions(slug, secure);
  const value = encodeURIComponent(answeredToken(slug, responseId));
  return `${answeredCookieName(slug)}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}

/** A cookie's value from a request's Cookie header, or null. */
export function readCookie(headers: Headers, name: string): string | null {
  const raw = (headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

async function readJson(request: Request): Promise<unknown> {
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight.
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) throw new AppError('bad_request');
  if (isForeignOrigin(request.headers)) throw new AppError('forbidden');
  const text = await readBoundedText(request, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request');
  }
}

export async function handleSubmission(request: Request, slug: string, channel: 'online' | 'paper'): Promise<Response> {
  try {
    const payload = await readJson(request);
    const actor = channel === 'paper' ? await getCurrentUser() : null;
    const previousSubmissionId = channel === 'online' ? readAnsweredToken(slug, readCookie(request.headers, answeredCookieName(slug))) : null;
    const outcome = await submitResponse({ slug, payload, context: { actor, channel, clientAddress: clientAddress(request.headers), previousSubmissionId } });
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (channel === 'online' && outcome.status !== 'ignored') headers['set-cookie'] = answeredCookieHeader(slug, outcome.responseId, isSecureRequest(request.url, request.headers));
    const stored = outcome.status === 'stored' || outcome.status === 'ignored';
    return Response.json({ status: outcome.status === 'ignored' ? 'stored' : outcome.status }, { status: stored ? 201 : 200, headers });
  } catch (error) {
    return routeErrorResponse(error);
  }
}
