import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';

/** The error page is a client component anywhere; sections with client forms need field errors. */
const ALWAYS = ['errorPage'] as const;
const FORMS = ['errors'] as const;

/**
 * Gives the client components below only the message namespaces they use. Without it the whole
 * catalogue (about 70 KB) rides along in every page's payload, and serialising it was a large part
 * of a page's server time. The root layout passes none (only the error page's words); a section
 * with client components lists the namespaces they read, and gets the field errors with them. A
 * nested provider replaces the outer one; a missing namespace shows as a raw key, which the
 * end-to-end tests of each form would catch.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: (keyof Messages)[]; children: ReactNode }) {
  const all = await getMessages();
  const wanted = namespaces.length > 0 ? [...ALWAYS, ...FORMS, ...namespaces] : ALWAYS;
  const picked = Object.fromEntries(wanted.map((ns) => [ns, all[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
