import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { minGroup } from './queries';
import type { TableValue } from './tables';

/**
 * The words ("results" messages) and the number format every part of a results page shares, read
 * once by the page. The components of the views take them as a prop and stay synchronous: an async
 * component is sent as a separate piece of the page's payload, and a dashboard has a dozen tables.
 */
export interface ResultsText {
  /** A "results" message; keys are built from data (areas, views), hence the loose signature. */
  t: (key: string, values?: Record<string, string | number>) => string;
  /** A table's number, formatted, or the suppression words ("fewer than 5"). */
  show: (v: TableValue) => string;
}

/**
 * One number format per locale for the life of the process. next-intl's formatter builds its
 * Intl.NumberFormat anew for every request (and keys each call by its serialised arguments), which
 * for a page of a few hundred table cells was a noticeable part of its server time.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format;
}

export async function getResultsText(): Promise<ResultsText> {
  const [results, locale] = await Promise.all([getTranslations('results'), getLocale()]);
  const t = results as unknown as ResultsText['t'];
  const fewer = t('fewer', { k: minGroup() });
  const format = numberFormat(locale);
  return { t, show: (v) => (v === null ? fewer : typeof v === 'number' ? format.format(v) : v) };
}
