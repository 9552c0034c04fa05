import * as z from 'zod';
import { csvDialectSchema } from '@/lib/csv';
import { addMonths, MONTH_KEY, monthCount, monthsBetween } from './months';

// Safe to import in the browser. The indicators page's filters come from its query string: a
// value that is not a month or a commune is ignored (the default applies) rather than an error.

/** The default range: this month and the eleven before it. */
export const DEFAULT_MONTHS = 12;
/** Five years at most: a project's whole life, and the tables stay readable. */
export const MAX_MONTHS = 60;

const month = z.string().regex(MONTH_KEY).optional().catch(undefined);

export const indicatorParamsSchema = z.object({
  from: month,
  to: month,
  commune: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
});

export const indicatorCsvParamsSchema = indicatorParamsSchema.extend({
  view: z.enum(['all', 'communes', 'meetings', 'forum', 'responses', 'publications']).catch('all'),
  dialect: csvDialectSchema,
});

export type IndicatorParams = z.output<typeof indicatorParamsSchema>;

/**
 * The months to show: the given range, or the last DEFAULT_MONTHS up to `current`. A reversed
 * range is put the right way round; one longer than MAX_MONTHS keeps its last MAX_MONTHS.
 */
export function monthSpan({ from, to }: Pick<IndicatorParams, 'from' | 'to'>, current: string): { from: string; to: string; months: string[] } {
  let end = to ?? (from && from > current ? from : current);
  let start = from ?? addMonths(end, -(DEFAULT_MONTHS - 1));
  if (start > end) [start, end] = [end, start];
  if (monthCount(start, end) > MAX_MONTHS) start = addMonths(end, -(MAX_MONTHS - 1));
  return { from: start, to: end, months: monthsBetween(start, end) };
}
