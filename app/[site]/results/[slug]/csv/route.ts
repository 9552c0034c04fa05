import { getLocale } from 'next-intl/server';
import { routeErrorResponse } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { csvDialectSchema, csvResponse } from '@/lib/csv';
import { AppError } from '@/lib/errors';
import { getForumMonitoring } from '@/lib/results/monitoring';
import { getMatrix, getOverview, getPriorities, getQuestionExplorer, getServiceMatrix } from '@/lib/results/queries';
import { areaScopeSchema, explorerFiltersSchema } from '@/lib/results/schema';
import {
  distributionTable,
  forumTable,
  heatTable,
  improvementsCsvTable,
  matrixTable,
  prioritiesTable,
  responsesTable,
  serviceMatrixTable,
  timelineTable,
  toCsv,
  type TableSpec,
} from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';

export const dynamic = 'force-dynamic';

/**
 * The CSV of exactly the numbers a chart's table shows (same query, same protection), in the
 * dialect `?dialect=excel` (default) or `plain` (lib/csv).
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const sp = new URL(request.url).searchParams;
  const view = sp.get('view') ?? '';
  const dialect = csvDialectSchema.parse(sp.get('dialect') ?? undefined);
  try {
    const user = await getCurrentUser();
    const [{ t }, locale] = await Promise.all([getResultsText(), getLocale()]);
    const { commune: communeId, area: areaKey } = areaScopeSchema.parse({ commune: sp.get('commune') ?? undefined, area: sp.get('area') ?? undefined });
    let table: TableSpec;
    let k: number;
    if (view === 'responses' || view === 'heat' || view === 'timeline') {
      const d = await getOverview({ actor: user, slug });
      k = d.k;
      table = view === 'responses' ? responsesTable(d, t) : view === 'heat' ? heatTable(d, t, locale) : timelineTable(d, t);
    } else if (view === 'priorities' || view === 'improvements') {
      const d = await getPriorities({ actor: user, slug, communeId });
      k = d.k;
      table = view === 'priorities' ? prioritiesTable(d, t, locale) : improvementsCsvTable(d, t, locale);
    } else if (view === 'matrix' && areaKey !== null) {
      const d = await getServiceMatrix({ actor: user, slug, communeId, areaKey });
      k = d.k;
      table = serviceMatrixTable(d, t, locale);
    } else if (view === 'matrix') {
      const d = await getMatrix({ actor: user, slug, communeId });
      k = d.k;
      table = matrixTable(d, t, locale);
    } else if (view === 'forum') {
      const d = await getForumMonitoring({ actor: user, slug, communeId, areaKey });
      k = d.k;
      table = forumTable(d, t, locale);
    } else if (view === 'explorer') {
      // Filters the caller may not use are dropped by getQuestionExplorer (the nearest allowed view).
      const filters = explorerFiltersSchema.parse({ communeId: sp.get('commune'), localityId: sp.get('locality'), ageGroup: sp.get('age'), respondentType: sp.get('type'), channel: sp.get('channel') });
      const d = await getQuestionExplorer({ actor: user, slug, questionId: sp.get('question'), filters });
      if (!d.main || !d.question) throw new AppError('not_found:question');
      k = d.k;
      table = distributionTable(d.main, t('csvNames.explorer'), { ranking: d.question.type === 'ranking', scale: d.question.type === 'rating' || d.question.type === 'matrix' }, t, locale);
    } else {
      throw new AppError('not_found');
    }
    return csvResponse(toCsv(table, t('fewerShort', { k }), dialect), { filename: `${slug}-${view}${dialect === 'plain' ? '-plain' : ''}.csv` });
  } catch (error) {
    return routeErrorResponse(error, 'text');
  }
}
