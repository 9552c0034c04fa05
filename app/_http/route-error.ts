import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { asAppError } from '@/lib/errors';
import { errorResponse, type ErrorBody } from './error-response';

// The one way a route handler (and proxy.ts) turns an error into an answer: the typed codes of
// lib/errors.ts give the status (forbidden → 403, the database out of reach → 503, …) and the
// message key; nothing else about the error leaves the server. Route handlers are written
// `export const GET = withRouteErrors(async (request) => …)` and simply throw.

/** Anything thrown, as an answer: typed errors by their code, a bug as a logged 500. */
export function routeErrorResponse(error: unknown, body: ErrorBody = 'json'): Response {
  // notFound(), redirect() and the like work by throwing: they are Next.js's to handle.
  unstable_rethrow(error);
  const known = asAppError(error);
  if (known) {
    if (known.type === 'unavailable') console.error('[route] database unavailable', known.cause);
    return errorResponse(known, body);
  }
  console.error('[route] unexpected error', error);
  const status = 500;
  if (body === 'text') return new Response(`${status} unexpected\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  return Response.json({ message: 'unexpected', fieldErrors: {} }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Wraps a route handler so that whatever it throws becomes the right status. `body` picks the
 * error body: JSON for what scripts call (the default), text for feeds and downloads.
 */
export function withRouteErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>, body: ErrorBody = 'json') {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return routeErrorResponse(error, body);
    }
  };
}
