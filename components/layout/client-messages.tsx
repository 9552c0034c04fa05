import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';

/** Namespaces every client component may need: field errors and the error page. */
const ALWAYS = ['errors', 'errorPage'] as const;

/**
 * Gives the client components below only the message namespaces they use. Without it the whole
 * catalogue (about 70 KB) rides along in every page's payload, and serialising it was a large part
 * of a page's server time. A nested provider replaces the outer one, so each section lists all the
 * namespaces its client components read; a missing one shows as a raw key, which the end-to-end
 * tests of each form would catch.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: (keyof Messages)[]; children: ReactNode }) {
  const all = await getMessages();
  const picked = Object.fromEntries([...ALWAYS, ...namespaces].map((ns) => [ns, all[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
