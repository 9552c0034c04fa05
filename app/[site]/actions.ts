'use server';

import { cookies } from 'next/headers';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser, signOut } from '@/lib/auth';
import { setUserLocale } from '@/lib/auth/mutations';
import { endCurrentSession } from '@/lib/auth/sign-in';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';

const localeSchema = z.object({ locale: z.enum(LOCALES) });

/** Switches the interface language (a cookie for a year; remembered on the account too). */
export async function switchLocale(formData: FormData) {
  const parsed = localeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
  });
  const user = await getCurrentUser().catch(() => null);
  if (user) await setUserLocale({ actor: user, locale: parsed.data.locale });
  // The page the visitor is on is shown again in the new language (proxy.ts picks the variant by
  // the cookie); nothing kept for other visitors is thrown away.
  refresh();
}

export async function signOutAction() {
  // The session's row goes first: the cookie, even if copied elsewhere, no longer works.
  await endCurrentSession();
  await signOut({ redirectTo: '/' });
}
