import 'server-only';
import { LRUCache } from 'lru-cache';
import { getEnv } from '@/lib/env';

// The dashboards read the same few thousand aggregate rows of a survey on every view and every
// request; under ten concurrent readers, fetching and parsing them again each time cost more than
// rendering the page. Each read is remembered in this process for RESULTS_CACHE_SECONDS (at most
// 30 s; a public page built from it may be kept as long again, so an open survey's dashboard lags
// its newest responses by under a minute).
// The promise itself is kept, so concurrent requests share one read.
// At most MAX_ENTRIES reads are kept, the least recently used going first: the explorer keys a read
// by its filters, and a visitor walking through every combination within one window would
// otherwise make the process hold all of them until it ends. An expired read stays until a new
// one pushes it out or its key is read again; the bound is what limits memory, not the window.
const MAX_ENTRIES = 2_000;

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

const entries = new LRUCache<string, Entry>({ max: MAX_ENTRIES });

/** `load()`'s result, reused for RESULTS_CACHE_SECONDS under `key`; a failed load is not kept. */
export function remembered<T>(key: string, load: () => Promise<T>, seconds = getEnv().RESULTS_CACHE_SECONDS, now = Date.now()): Promise<T> {
  const ttl = seconds * 1000;
  if (ttl === 0) return load();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  // A real promise around the load: drizzle's query builders are thenables that run their query
  // again on every then() (and catch()), so keeping the builder itself would query on every use.
  const value = new Promise<T>((resolve) => resolve(load()));
  entries.set(key, { expires: now + ttl, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** Forgets everything remembered (after a rebuild of the aggregates, and between tests). */
export function forgetRemembered(): void {
  entries.clear();
}
