/**
 * The app's number format for a locale (at most two decimals: 3,25 in Polish), built once per
 * process: building an Intl.NumberFormat is costly, and a dashboard formats hundreds of numbers
 * (next-intl's formatter builds its own anew for every request). Browser-safe.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format;
}
