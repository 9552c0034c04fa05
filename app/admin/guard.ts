import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import { canAdminister, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/**
 * The signed-in administrator, or null for a signed-in user without the role (the page then shows
 * the 403 message). Signed-out visitors go to sign-in and come back to `path`. The layout checks
 * too, but a layout is not re-rendered on every navigation, so each page asks again — and lib/admin
 * checks once more, which is the guard that counts.
 */
export async function adminActor(path: string): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return canAdminister(user) ? user : null;
}

/** Turns lib's "not found" into the 404 page; anything else goes to the error page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.type === 'not_found') notFound();
    throw error;
  }
}
