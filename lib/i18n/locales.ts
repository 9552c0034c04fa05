export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'pl';
/** The cookie next-intl reads; set by the language switcher. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** Every date and time is shown in the county's zone, whatever the server's zone is. */
export const TIME_ZONE = 'Europe/Warsaw';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
