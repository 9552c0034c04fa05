import { withRouteErrors } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { now } from '@/lib/clock';
import { csvResponse } from '@/lib/csv';
import { getIndicators } from '@/lib/indicators/queries';
import { indicatorCsvParamsSchema } from '@/lib/indicators/schema';
import { INDICATOR_TABLES } from '@/lib/indicators/tables';
import { getIndicatorWords } from '@/lib/indicators/text';
import { toCsv } from '@/lib/results/tables';

export const dynamic = 'force-dynamic';

/**
 * The indicators as CSV, through the one CSV writer (lib/csv): `view=all` (default) is every
 * month and area on its own row; the other views are the page's tables. Same filters as the page
 * (from, to, commune), same rights (lib/indicators checks them); a figure that does not apply is
 * an empty cell.
 */
export const GET = withRouteErrors(async (request: Request) => {
  const { view, dialect, ...params } = indicatorCsvParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const d = await getIndicators({ actor: await getCurrentUser(), params, now: await now() });
  const { words } = await getIndicatorWords({ months: 'key' });
  const scope = d.commune ? d.commune.slug : d.wholeCounty ? 'powiat' : 'moje-gminy';
  return csvResponse(toCsv(INDICATOR_TABLES[view](d, words), '', dialect), { filename: `wskazniki-${view}-${scope}-${d.from}-${d.to}${dialect === 'plain' ? '-plain' : ''}.csv` });
}, 'text');
