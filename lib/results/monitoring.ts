import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { replicaDb } from '@/db/client';
import { resultsDaily, scorecards, serviceAreas } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { areasOf, quarterOfDay, quartersBetween } from './compute';
import { groupsOfScope, type ScopeCell } from './disclosure';
import { cellsIn, getResultsSurvey, groupsOf, minGroup, publishedMean, rememberedView, scopeOf } from './queries';

// Forum monitoring (issue 5, view 5): the forum members' quarterly scorecards of a service area
// beside the residents' mean satisfaction with the same area in the same commune (or the county).
// Both are on the same 1–5 scale with the same words at its ends (1 very poor, 5 very good), so
// they are shown as they are, not rescaled.
//
// Who sees what: the scorecards are the published opinion of named forum members, public on the
// forum's own page with the number of ratings, so they are shown here whole (no threshold). The
// residents' side is anonymous survey answers: their mean follows the results page's rules
// (published surveys only for the public) and is hidden when fewer than k answers stand behind it.
//
// Cost: the residents' side reads only aggregate cells and daily counts; the forum's side is one
// grouped read of the scorecards of one area (a few rows per member per quarter, indexed). All of
// it may be a moment old, so it is read from a replica when there is one (replicaDb); who may see
// the survey is decided on the primary by getResultsSurvey.

export interface MonitoringQuarter {
  /** year * 10 + quarter. */
  quarter: number;
  /** Mean forum rating in the quarter, or null when the forum has none. */
  forum: number | null;
  ratings: number;
  /** Did the survey collect responses in this quarter? The residents' mean belongs to those quarters. */
  fieldwork: boolean;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** Mean forum rating per quarter of one area, in one commune or all. */
export function forumSeries(serviceAreaId: number, communeId: number | null) {
  return replicaDb
    .select({
      quarter: scorecards.quarter,
      mean: sql<number>`avg(${scorecards.score})::float8`,
      ratings: sql<number>`count(*)::int`,
    })
    .from(scorecards)
    .where(and(eq(scorecards.serviceAreaId, serviceAreaId), communeId === null ? undefined : eq(scorecards.communeId, communeId)))
    .groupBy(scorecards.quarter)
    .orderBy(asc(scorecards.quarter));
}

/** The first and last day (Warsaw) the survey received responses in the published communes of the scope. */
async function fieldworkOf(surveyId: string, communeIds: number[]) {
  if (communeIds.length === 0) return null;
  const [row] = await replicaDb
    .select({ first: sql<string | null>`min(${resultsDaily.day})::text`, last: sql<string | null>`max(${resultsDaily.day})::text` })
    .from(resultsDaily)
    .where(and(eq(resultsDaily.surveyId, surveyId), inArray(resultsDaily.communeId, communeIds)));
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/** Quarters of the forum's ratings and of the survey's fieldwork, with the residents' mean beside them. */
export function monitoringFrom(
  forum: readonly { quarter: number; mean: number; ratings: number }[],
  cells: readonly ScopeCell[],
  satisfactionQuestions: readonly string[],
  fieldwork: { first: string; last: string } | null,
  k: number,
) {
  const fieldworkQuarters = fieldwork ? quartersBetween(quarterOfDay(fieldwork.first), quarterOfDay(fieldwork.last)) : [];
  const quarters = [...new Set([...forum.map((f) => f.quarter), ...fieldworkQuarters])].sort((a, b) => a - b);
  return {
    quarters: quarters.map((quarter): MonitoringQuarter => {
      const f = forum.find((x) => x.quarter === quarter);
      return { quarter, forum: f ? round(Number(f.mean)) : null, ratings: f ? Number(f.ratings) : 0, fieldwork: fieldworkQuarters.includes(quarter) };
    }),
    residents: { mean: round(publishedMean(cells, satisfactionQuestions, k)), fieldwork },
  };
}

/**
 * The forum monitoring view of one survey: a service area (the survey's first by default) in a
 * commune or the county. 404 for an area the survey does not rate.
 */
export async function getForumMonitoring({ actor, slug, communeId, areaKey }: { actor: CurrentUser | null; slug: string; communeId: number | null; areaKey: string | null }) {
  const survey = await getResultsSurvey({ actor, slug });
  const commune = await scopeOf(survey, communeId);
  const areas = areasOf(survey.definition).filter((a) => a.satisfactionQuestions.length > 0);
  const area = areaKey === null ? areas[0] : areas.find((a) => a.key === areaKey);
  if (areaKey !== null && !area) throw new AppError('not_found');
  const k = minGroup();
  const base = { survey, k, commune, areas: areas.map((a) => ({ key: a.key, title: a.title })) };
  if (!area) return { ...base, area: null, forumRates: false, quarters: [] as MonitoringQuarter[], residents: { mean: null, fieldwork: null } };
  // Remembered like the other views: the forum's side may lag new scorecards by the same window.
  const view = await rememberedView('monitoring', survey, [area.key, communeId], async () => {
    const [serviceArea] = await replicaDb.select({ id: serviceAreas.id }).from(serviceAreas).where(eq(serviceAreas.slug, area.slug)).limit(1);
    const [forum, cells, fieldwork] = await Promise.all([
      serviceArea ? forumSeries(serviceArea.id, communeId) : Promise.resolve([]),
      cellsIn(survey, area.satisfactionQuestions, communeId),
      groupsOf(survey).then((groups) => fieldworkOf(survey.id, groupsOfScope(groups, communeId).flat())),
    ]);
    return { forumRates: Boolean(serviceArea), ...monitoringFrom(forum, cells, area.satisfactionQuestions, fieldwork, k) };
  });
  return { ...base, area: { key: area.key, title: area.title }, ...view };
}
