import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';

/** Turns lib's "not found" (and a malformed id) into the 404 page; anything else is an error. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.type === 'not_found') notFound();
    throw error;
  }
}

/** A route's numeric id, or the 404 page. */
export function routeId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) notFound();
  return Number(value);
}
