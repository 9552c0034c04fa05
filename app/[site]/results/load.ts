import 'server-only';
import { load } from '@/app/_http/page-guard';

/** lib's "not found" → the 404 page; "forbidden" → the 403 page (app/_http/page-guard.ts). */
export async function loadView<T>(promise: Promise<T>): Promise<T> {
  return load(promise);
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
