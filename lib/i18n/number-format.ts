/**
 * The app's number format for a locale (at most two decimals: 3,25 in Polish), built once per
 * process: building an Intl.NumberFormat is costly, and a dashboard formats hundreds of numbers
 * (next-intl's formatter builds its own anew for every request). Browser-safe.
 */
const formats = new Map<string, Intl.NumberFormat>();

function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = make()));
  return format;
}

export function numberFormat(locale: string): Intl.NumberFormat {
  return cached(locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
}

/**
 * What a published figure measures, and so its one rounding rule: counts whole, means of the 1–5
 * scale with two decimals, shares of a percent with one (the method page says so). Fixed, not
 * "at most": 2,50 beside 2,49, never 2,5 beside 2,49.
 */
export type Measure = 'count' | 'mean' | 'share';
const DIGITS: Record<Measure, number> = { count: 0, mean: 2, share: 1 };

export function measureFormat(locale: string, measure: Measure): Intl.NumberFormat {
  const digits = DIGITS[measure];
  return cached(`${locale}:${measure}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
}
