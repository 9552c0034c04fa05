import { NextIntlClientProvider } from 'next-intl';
import { headers } from 'next/headers';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';
import { forSignedIn } from '@/lib/page-audience';
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
 * `audience="signed-in"`, for a section whose client forms only signed-in people see: a visitor's
 * pages get none of these messages, and a signed-in page gets its namespaces but not the field
 * errors (17 KB, most of a form page's messages), which its forms fetch once after hydrating
 * (components/ui/error-catalogue.ts) — except in the answer to a form posted without
 * JavaScript, which is rendered with them, there being no script to fetch them. A page Next.js
 * keeps for every visitor (app/public-pages/, rendered with no request) has no session: it gets none;
 * the members' kept variant is for signed-in readers only: it gets them.
 */
export async function ClientMessages({ namespaces = [], audience = 'everyone', children }: { namespaces?: ClientNamespace[]; audience?: 'everyone' | 'signed-in'; children: ReactNode }) {
  if (audience === 'signed-in' && !(await forSignedIn())) return children;
  const all = (await getMessages()) as unknown as Record<string, Record<string, unknown>>;
  const errors: string[] = audience === 'signed-in' && !isFormPostWithoutScript(await headers()) ? ['errors.invalid'] : [...FORMS];
  const wanted: string[] = namespaces.length > 0 ? [...ALWAYS, ...errors, ...namespaces] : [...ALWAYS];
  const picked: Record<string, Record<string, unknown>> = {};
  for (const path of wanted) {
    const [namespace, group] = path.split('.') as [string, string | undefined];
    if (group === undefined) picked[namespace] = all[namespace]!;
    else picked[namespace] = { ...picked[namespace], [group]: all[namespace]![group] };
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
