import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
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

export async function getResultsText(): Promise<ResultsText> {
  const [results, format] = await Promise.all([getTranslations('results'), getFormatter()]);
  const t = results as unknown as ResultsText['t'];
  const fewer = t('fewer', { k: minGroup() });
  return { t, show: (v) => (v === null ? fewer : typeof v === 'number' ? format.number(v, { maximumFractionDigits: 2 }) : v) };
}
