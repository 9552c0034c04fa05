import type { AppError } from '@/lib/errors';

// The body and status of a typed error (lib/errors.ts). Kept apart from route-error.ts, which
// needs the server, so proxy.ts can answer with it too.

export type ErrorBody = 'json' | 'text';

/** The answer for a typed error: JSON `{ message, fieldErrors }` or a one-line text body. */
export function errorResponse(error: AppError, body: ErrorBody = 'json'): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  // 503: the database usually returns within seconds; 429: the survey limit is per hour.
  if (error.type === 'unavailable') headers['retry-after'] = '10';
  if (error.type === 'rate_limited') headers['retry-after'] = '3600';
  if (body === 'text') {
    return new Response(`${error.status} ${error.messageKey}\n`, { status: error.status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  }
  return Response.json({ message: error.messageKey, fieldErrors: error.fieldErrors ?? {} }, { status: error.status, headers });
}
