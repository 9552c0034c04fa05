import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

// The one page guard. Pages check in DESIGN.md's order — who is it (else sign-in), does the thing
// exist (else the 404 page), may they (else the 403 page, app/forbidden.tsx, with HTTP status 403
// through Next.js's forbidden(); experimental.authInterrupts in next.config.mjs) — and lib/ checks
// again, which is the check that counts. A layout is not re-rendered on every navigation, so
// each page asks for itself.

/**
 * The signed-in user, or a trip to sign-in that comes back to `path`; with `may`, a user it
 * refuses gets the 403 page.
 */
export async function signedIn(path: string, may?: (user: CurrentUser) => boolean): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (may && !may(user)) forbidden();
  return user;
}

/** The 403 page unless `condition` holds. */
export function allow(condition: unknown): asserts condition {
  if (!condition) forbidden();
}

/** A lib read for a page: its "not found" becomes the 404 page, its "forbidden" the 403 page. */
export async function load<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.type === 'not_found') notFound();
    if (error instanceof AppError && error.type === 'forbidden') forbidden();
    throw error;
  }
}

/** A positive integer from a URL segment or parameter, else null. */
export function parseId(raw: string | string[] | undefined): number | null {
  return typeof raw === 'string' && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
}

/** A route's numeric id, or the 404 page. */
export function routeId(raw: string): number {
  const id = parseId(raw);
  if (id === null) notFound();
  return id;
}
