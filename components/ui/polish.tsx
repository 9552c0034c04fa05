import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { polishContent } from '@/lib/i18n/content-lang';

/**
 * Text people wrote in Polish (a thread's title, a news lead, a meeting's place) inside a page
 * that may be in English: a span with lang="pl" there, nothing added in a Polish page.
 */
export async function Polish({ children }: { children: ReactNode }) {
  const lang = polishContent(await getLocale());
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}
