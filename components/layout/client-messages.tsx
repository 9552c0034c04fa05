import { NextIntlClientProvider } from 'next-intl';
import { headers } from 'next/headers';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages, type ClientNamespace } from '@/lib/i18n/pick-messages';
import { forSignedIn } from '@/lib/page-audience';
import { isFormPostWithoutScript } from '@/lib/request';

export type { ClientNamespace };

/** The error page is a client component anywhere; sections with client forms need field errors. */
const ALWAYS = ['errorPage'] as const;
const FORMS = ['errors'] as const;

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
  const errors: string[] = audience === 'signed-in' && !isFormPostWithoutScript(await headers()) ? ['errors.invalid'] : [...FORMS];
  const wanted: string[] = namespaces.length > 0 ? [...ALWAYS, ...errors, ...namespaces] : [...ALWAYS];
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), wanted)}>{children}</NextIntlClientProvider>;
}
