import 'server-only';
import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { keyedHash } from '@/lib/rate-limit';
import { clientAddress } from '@/lib/request';
import { submitResponse } from './mutations';

// The HTTP side of a submission, shared by the residents' and the operators' forms: reads the
// body (bounded), the signed "already answered" cookie and the address for the rate limit, calls
// submitResponse and answers in JSON. The route handlers stay one line.

/** A whole questionnaire is a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;
const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

const cookieName = (slug: string) => `agora_answered_${slug.replace(/[^a-z0-9-]/g, '')}`;
const signature = (slug: string, id: string) => keyedHash(`survey-answered:${slug}:${id}`);

/** The submission id in a valid signed cookie, or null (a forged or stale one counts as none). */
function readAnsweredCookie(request: Request, slug: string): string | null {
  const header = request.headers.get('cookie') ?? '';
  const name = cookieName(slug);
  const raw = header
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (!raw) return null;
  const [id, sig] = decodeURIComponent(raw).split('.');
  return id && sig && signature(slug, id) === sig ? id : null;
}

function json(body: unknown, status: number, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

export async function handleSubmission(request: Request, slug: string, channel: 'online' | 'paper'): Promise<Response> {
  try {
    // JSON only: a cross-site HTML form cannot send it without a CORS preflight.
    if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) throw new AppError('bad_request');
    const origin = request.headers.get('origin');
    if (origin && origin !== new URL(request.url).origin && origin !== `${request.headers.get('x-forwarded-proto') ?? 'http'}://${request.headers.get('host')}`) {
      throw new AppError('forbidden');
    }
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) throw new AppError('bad_request');
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      throw new AppError('bad_request');
    }
    const actor = channel === 'paper' ? await getCurrentUser() : null;
    const outcome = await submitResponse({
      slug,
      payload,
      context: { actor, channel, clientAddress: clientAddress(request.headers), previousSubmissionId: channel === 'online' ? readAnsweredCookie(request, slug) : null },
    });
    const headers: Record<string, string> = {};
    if (channel === 'online' && outcome.status !== 'ignored') {
      const value = encodeURIComponent(`${outcome.responseId}.${signature(slug, outcome.responseId)}`);
      const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https' ? '; Secure' : '';
      headers['set-cookie'] = `${cookieName(slug)}=${value}; Path=/s/${slug}; Max-Age=${COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure}`;
    }
    return json({ status: outcome.status === 'ignored' ? 'stored' : outcome.status }, outcome.status === 'stored' || outcome.status === 'ignored' ? 201 : 200, headers);
  } catch (error) {
    if (error instanceof AppError) {
      return json({ message: error.messageKey, fieldErrors: error.fieldErrors ?? {} }, error.status, error.type === 'rate_limited' ? { 'retry-after': '3600' } : {});
    }
    console.error('[surveys] submission failed', error);
    return json({ message: 'unexpected', fieldErrors: {} }, 500);
  }
}
