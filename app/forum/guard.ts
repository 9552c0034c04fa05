import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/** The signed-in user, or a redirect to sign-in that comes back to `path`. */
export async function signedIn(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/** lib's "not found" becomes the 404 page, "forbidden" null (the page shows the 403 message). */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.type === 'not_found') notFound();
    throw error;
  }
}

export async function orForbidden<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.type === 'forbidden') return null;
    throw error;
  }
}

/** A positive integer from a URL segment or parameter, else null. */
export function parseId(raw: string | string[] | undefined): number | null {
  return typeof raw === 'string' && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
}
