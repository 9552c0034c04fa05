import { NextIntlClientProvider } from 'next-intl';
import { headers } from 'next/headers';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';
import { isFormPostWithoutScript } from '@/lib/request';

/** The error page is a client component anywhere; sections with client forms need field errors. */
const ALWAYS = ['errorPage'] as const;
const FORMS = ['errors'] as const;

/** A top-level namespace ("forum") or one group inside it ("forum.quota"). */
export type ClientNamespace = {
  [K in keyof Messages & string]: K | (Messages[K] extends Record<string, unknown> ? `${K}.${keyof Messages[K] & string}` : never);
}[keyof Messages & string];

/**
 * Gives the client components below only the message namespaces they use. Without it the whole
 * catalogue (about 70 KB) rides along in every page's payload, and serialising it was a large part
 * of a page's server time. The root layout passes none (only the error page's words); a section
 * with client components lists the namespaces — or the groups of one, as "forum.quota" — they
 * read, and gets the field errors with them. A nested provider replaces the outer one; a missing
 * namespace shows as a raw key, which the end-to-end tests of each form would catch.
 *
 * `fieldErrors="fetched"`: the field errors (17 KB, most of a form page's messages) are not sent;
 * the forms fetch them once after hydrating (components/ui/error-catalogue.ts) — except in the
 * answer to a form posted without JavaScript, which is rendered with them, there being no script
 * to fetch them.
 */
export async function ClientMessages({ namespaces = [], fieldErrors = 'inline', children }: { namespaces?: ClientNamespace[]; fieldErrors?: 'inline' | 'fetched'; children: ReactNode }) {
  const all = (await getMessages()) as unknown as Record<string, Record<string, unknown>>;
  const errors: string[] = fieldErrors === 'fetched' && !isFormPostWithoutScript(await headers()) ? ['errors.invalid'] : [...FORMS];
  const wanted: string[] = namespaces.length > 0 ? [...ALWAYS, ...errors, ...namespaces] : [...ALWAYS];
  const picked: Record<string, Record<string, unknown>> = {};
  for (const path of wanted) {
    const [namespace, group] = path.split('.') as [string, string | undefined];
    if (group === undefined) picked[namespace] = all[namespace]!;
    else picked[namespace] = { ...picked[namespace], [group]: all[namespace]![group] };
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
