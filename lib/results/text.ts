import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { measureFormat, numberFormat, type Measure } from '@/lib/i18n/number-format';
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
  /**
   * A table's number, formatted by what it measures (one rounding rule per measure), or the
   * suppression words ("fewer than 5"): those read right only where a count stands.
   */
  show: (v: TableValue, measure?: Measure) => string;
  /** The page's language, for the parts that format on their own (chart axes). */
  locale: string;
}

export async function getResultsText(): Promise<ResultsText> {
  const [results, locale] = await Promise.all([getTranslations('results'), getLocale()]);
  const t = results as unknown as ResultsText['t'];
  const fewer = t('fewer', { k: minGroup() });
  const format = numberFormat(locale);
  return {
    t,
    locale,
    show: (v, measure) => (v === null ? fewer : typeof v === 'number' ? (measure ? measureFormat(locale, measure) : format).format(v) : v),
  };
}
