'use client';

import { useEffect, useSyncExternalStore } from 'react';
import type { Locale } from '@/lib/i18n/locales';

// The field errors' texts (the "errors" messages, about 17 KB) for sections that do not send them
// with every page (components/layout/client-messages.tsx, `audience="signed-in"`): a member's
// forum page carried them in its payload on every request, and serialising them was a tenth to a
// third of its server time (docs/benchmarks.md, issue 17). Fetched once after the first form
// hydrates, as a script of the build the browser keeps, so they are there before anything can be
// wrong with a field. They are plain sentences (no placeholders; tested), used as they are.

type Texts = Record<string, string>;

const loaders: Record<Locale, () => Promise<Texts>> = {
  pl: () => import('@/lib/i18n/messages/pl/common.json').then((m) => m.default.errors as Texts),
  en: () => import('@/lib/i18n/messages/en/common.json').then((m) => m.default.errors as Texts),
};

const loaded = new Map<string, Texts>();
const loading = new Set<string>();
const listeners = new Set<() => void>();

function request(locale: Locale) {
  if (loaded.has(locale) || loading.has(locale)) return;
  loading.add(locale);
  loaders[locale]()
    .then((texts) => {
      loaded.set(locale, texts);
      for (const listener of listeners) listener();
    })
    // Offline or a deploy in between: tried again by the next form that mounts.
    .catch(() => undefined)
    .finally(() => loading.delete(locale));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The texts in this language once fetched (null before, and on the server); `wanted` false fetches nothing. */
export function useErrorCatalogue(locale: Locale, wanted: boolean): Texts | null {
  useEffect(() => {
    if (wanted) request(locale);
  }, [locale, wanted]);
  return useSyncExternalStore(
    subscribe,
    () => (wanted ? (loaded.get(locale) ?? null) : null),
    () => null,
  );
}
