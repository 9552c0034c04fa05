import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { formats } from './formats';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, TIME_ZONE, type Locale } from './locales';
import { messages, type Messages } from './messages';

/**
 * Polish unless the visitor chose English (a cookie; URLs carry no locale prefix). Pages get it
 * from their site segment (app/_http/page-site.ts, which proxy.ts made from the cookie); server
 * actions and route handlers, which have no segment to say it, read the cookie.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const fromPage = await requestLocale;
  const chosen = isLocale(fromPage) ? fromPage : (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return { locale, timeZone: TIME_ZONE, messages: messages[locale], formats };
});

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
