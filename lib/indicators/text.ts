import 'server-only';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { numberFormat } from '@/lib/i18n/number-format';
import type { ResultsText } from '@/lib/results/text';
import type { TableWords } from './tables';

/**
 * The words of the indicators' tables, read once per request: the "indicators" messages, meeting
 * types, and months as a reader says them ("marzec 2026") on the page or as "2026-03" in a CSV
 * (which a spreadsheet sorts). `text` is what the dashboards' chart figures take; a figure that
 * does not apply shows as a dash.
 */
export async function getIndicatorWords({ months }: { months: 'label' | 'key' }): Promise<{ words: TableWords; text: ResultsText }> {
  const [indicators, meetings, format, locale] = await Promise.all([getTranslations('indicators'), getTranslations('meetings.types'), getFormatter(), getLocale()]);
  const t = indicators as unknown as TableWords['t'];
  const number = numberFormat(locale);
  const words: TableWords = {
    t,
    // The middle of the month at noon UTC is in that month in Warsaw whatever the season.
    month: months === 'key' ? (key) => key : (key) => format.dateTime(new Date(`${key}-15T12:00:00Z`), { month: 'long', year: 'numeric' }),
    meetingType: (type) => meetings(type),
  };
  return { words, text: { t, locale, show: (v) => (v === null ? '—' : typeof v === 'number' ? number.format(v) : v) } };
}
