import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/** The signed-in user, or a trip to sign-in that comes back to `path`. */
export async function officeUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/**
 * Runs a lib read for a page: "not found" becomes the 404 page, "forbidden" returns null (the
 * page shows the 403 message). Who → exists → may is decided in lib/surveys.
 */
export async function load<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.type === 'not_found') notFound();
    if (error instanceof AppError && error.type === 'forbidden') return null;
    throw error;
  }
}
