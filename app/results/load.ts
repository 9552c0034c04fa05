import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';

/** lib's "not found" → the 404 page; "forbidden" → null (the page shows the 403 message). */
export async function loadView<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.type === 'not_found') notFound();
    if (error instanceof AppError && error.type === 'forbidden') return null;
    throw error;
  }
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function param(params: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A query string of the set values (for links and CSV addresses). */
export function query(values: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
