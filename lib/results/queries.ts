import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { cache } from 'react';
import { db, preparedQuery, replicaDb } from '@/db/client';
import { communes, localities, resultsCells, resultsDaily, resultsProfileCells, resultsProfiles, resultsPublications, resultsSources, surveys } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { BoundedMap } from '@/lib/bounded-map';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { allQuestions, type Question, type SurveyDefinition } from '@/lib/surveys/definition';
import { areasOf, bordaOf, crossHairs, importanceFromShare, meanOf, optionCounts, priorityQuestionOf, quadrantOf, rowMeanOf, servicesOf, type Cell, type Quadrant, type ServiceInfo } from './compute';
import {
  addKeyed,
  effectiveMinGroup,
  groupsOfScope,
  publishedCount,
  publishedGroups,
  scopeCells,
  type CommuneResponses,
  type KeyedCell,
  type KeyedCount,
  type PublishedGroups,
  type ScopeCell,
} from './disclosure';
import { canSeeAllResults, canSeeSurveyResults } from './permissions';
import { remembered } from './remembered';
import type { ExplorerFilters } from './schema';

// Reads for the dashboards: only aggregate tables, never raw answers. Every number leaves here
// already protected by lib/results/disclosure.ts (published groups, cell-key perturbation, figures
// derived from published counts; null = "fewer than k"), so pages and CSVs show the same thing.
//
// Where each read goes (DATABASE_REPLICA_URLS): the aggregate rows and the place names, which may
// be a moment old, come from a read replica (replicaDb); what decides who may see a survey — its
// status, its publication, its definition's version — comes from the primary (db), so a
// withdrawal, or a coordinator's own change, shows on the very next request whatever the
// replica's delay.

export function minGroup(): number {
  return effectiveMinGroup(getEnv().RESULTS_MIN_GROUP);
}

export interface ResultsSurvey {
  id: string;
  slug: string;
  titlePl: string;
  titleEn: string;
  status: string;
  responseMode: 'open_link' | 'invitation';
  definition: SurveyDefinition;
  published: boolean;
}

const surveyColumns = {
  id: surveys.id,
  slug: surveys.slug,
  titlePl: surveys.titlePl,
  titleEn: surveys.titleEn,
  status: surveys.status,
  responseMode: surveys.responseMode,
  communeIds: surveys.communeIds,
  published: sql<boolean>`${resultsPublications.surveyId} is not null`,
};

/** Surveys whose results the user may see: published ones for everybody, all for analysts (read on the primary: it decides). */
export async function listResultSurveys({ actor }: { actor: CurrentUser | null }) {
  const all = canSeeAllResults(actor);
  const where: SQL | undefined = all
    ? ne(surveys.status, 'draft')
    : and(inArray(surveys.status, ['open', 'closed']), sql`${resultsPublications.surveyId} is not null`);
  return db
    .select(surveyColumns)
    .from(surveys)
    .leftJoin(resultsPublications, eq(resultsPublications.surveyId, surveys.id))
    .where(where)
    .orderBy(desc(surveys.createdAt));
}

/**
 * Survey definitions by survey and version. A definition only changes with its survey's
 * updatedAt, so a view reads the small row on every request (status and publication decide who
 * may see it) and the 20–30 KB document only when that version is new to this process. Both on the
 * primary: a replica one edit behind would file the old document under the new version.
 */
const definitions = new BoundedMap<string, Promise<SurveyDefinition>>(50);

function definitionOf(surveyId: string, updatedAt: Date): Promise<SurveyDefinition> {
  const key = `${surveyId}:${updatedAt.getTime()}`;
  let definition = definitions.get(key);
  if (!definition) {
    definition = db
      .select({ definition: surveys.definition })
      .from(surveys)
      .where(eq(surveys.id, surveyId))
      .then(([row]) => row!.definition);
    definitions.set(key, definition);
    definition.catch(() => definitions.delete(key));
  }
  return definition;
}

const surveyBySlug = preparedQuery((database) =>
  database
    .select({ ...surveyColumns, updatedAt: surveys.updatedAt })
    .from(surveys)
    .leftJoin(resultsPublications, eq(resultsPublications.surveyId, surveys.id))
    .where(eq(surveys.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare('results_survey'),
);

/** Once per request: the commune report reads its overview, priorities and matrix, each by slug. */
const surveyRowOf = cache((slug: string) => surveyBySlug().execute({ slug }));

/** exists (404) → may (403); a survey the public may not see is simply not found for them. */
export async function getResultsSurvey({ actor, slug }: { actor: CurrentUser | null; slug: string }): Promise<ResultsSurvey> {
  const [survey] = await surveyRowOf(slug);
  if (!survey || survey.status === 'draft') throw new AppError('not_found:survey');
  if (!canSeeSurveyResults(actor, survey)) throw new AppError(actor ? 'forbidden' : 'not_found:survey');
  const { updatedAt, ...rest } = survey;
  return { ...rest, definition: await definitionOf(survey.id, updatedAt) };
}

/** All communes (by name), remembered briefly: every view labels its rows with them. */
export async function listCommunesOf(survey: ResultsSurvey) {
  void survey;
  return remembered('communes', () => replicaDb.select({ id: communes.id, slug: communes.slug, name: communes.name }).from(communes).orderBy(asc(communes.name)));
}

/** A commune's localities (by name), remembered briefly like the communes: the explorer's locality filter. */
function localitiesOf(communeId: number) {
  return remembered(`localities:${communeId}`, () => replicaDb.select({ id: localities.id, name: localities.name }).from(localities).where(eq(localities.communeId, communeId)).orderBy(asc(localities.name)));
}

/** A survey's commune cells with their key sums: a few thousand rows however many responses, read once per window. */
function surveyCells(surveyId: string): Promise<KeyedCell[]> {
  return remembered(`cells:${surveyId}`, () =>
    replicaDb
      .select({
        communeId: resultsCells.communeId,
        questionId: resultsCells.questionId,
        itemKey: resultsCells.itemKey,
        value: resultsCells.value,
        dontKnow: resultsCells.dontKnow,
        answers: resultsCells.answers,
        keySum: resultsCells.keySum,
      })
      .from(resultsCells)
      .where(eq(resultsCells.surveyId, surveyId)),
  );
}

/** A survey's commune cells, of some questions, from the remembered rows (not yet protected: see cellsIn). */
async function keyedCellsOf(surveyId: string, questionIds?: string[]): Promise<KeyedCell[]> {
  const cells = await surveyCells(surveyId);
  if (!questionIds) return cells;
  const wanted = new Set(questionIds);
  return cells.filter((c) => wanted.has(c.questionId));
}

function dailyOf(surveyId: string) {
  return remembered(`daily:${surveyId}`, () =>
    replicaDb
      .select({ communeId: resultsDaily.communeId, channel: resultsDaily.channel, day: resultsDaily.day, responses: resultsDaily.responses, keySum: resultsDaily.keySum })
      .from(resultsDaily)
      .where(eq(resultsDaily.surveyId, surveyId)),
  );
}

/**
 * Independent open-link sources per commune, counted up to k (more never changes a decision), so
 * the read stays a few short index scans at a million responses.
 */
function sourcesOf(surveyId: string, k: number) {
  return remembered(`sources:${surveyId}:${k}`, async () => {
    // A select rather than raw SQL, so that it goes to the replica (withReplicas sends execute to
    // the primary). The inner query names the outer `c.commune_id` itself: drizzle would write an
    // unqualified "commune_id" there, which the inner query would take for its own.
    const c = replicaDb.selectDistinct({ communeId: resultsDaily.communeId }).from(resultsDaily).where(eq(resultsDaily.surveyId, surveyId)).as('c');
    const counted = await replicaDb
      .select({
        communeId: c.communeId,
        n: sql<number>`(select count(*) from (select 1 from ${resultsSources} s
          where s.survey_id = ${surveyId} and s.commune_id = c.commune_id limit ${k}) x)::int`,
      })
      .from(c);
    return new Map(counted.map((r) => [Number(r.communeId), Number(r.n)]));
  });
}

/** Which communes of a survey are published on their own, pooled, or left out (lib/results/disclosure.ts). */
export async function groupsOf(survey: Pick<ResultsSurvey, 'id' | 'responseMode'>): Promise<PublishedGroups> {
  const k = minGroup();
  return remembered(`groups:${survey.id}:${k}`, async () => {
    const [daily, sources] = await Promise.all([dailyOf(survey.id), sourcesOf(survey.id, k)]);
    const byCommune = new Map<number, { responses: number; online: number; paper: number }>();
    for (const row of daily) {
      const c = byCommune.get(row.communeId) ?? { responses: 0, online: 0, paper: 0 };
      c.responses += row.responses;
      c[row.channel] += row.responses;
      byCommune.set(row.communeId, c);
    }
    const communes: CommuneResponses[] = [...byCommune].map(([communeId, c]) => ({
      communeId,
      responses: c.responses,
      // Invitation codes and paper forms are verified one by one; open-link answers count once per source and hour.
      independent: survey.responseMode === 'invitation' ? c.responses : c.paper + Math.min(c.online, sources.get(communeId) ?? 0),
    }));
    return publishedGroups(communes, k);
  });
}

/** The groups behind a scope (the county, or one commune: none when it is not published). */
async function scopeGroups(survey: ResultsSurvey, communeId: number | null) {
  return groupsOfScope(await groupsOf(survey), communeId);
}

/** The protected cells of some questions in a scope (see scopeCells): published counts, exact ones for thresholds. */
export async function cellsIn(survey: ResultsSurvey, questionIds: string[] | undefined, communeId: number | null): Promise<ScopeCell[]> {
  const [cells, groups] = await Promise.all([keyedCellsOf(survey.id, questionIds), scopeGroups(survey, communeId)]);
  return scopeCells(cells, groups, minGroup());
}

/** The exact counts of protected cells, only to decide whether enough answers stand behind a figure. */
export function exactCells(cells: readonly ScopeCell[]): Cell[] {
  return cells.map((c) => ({ ...c, answers: c.exact }));
}

/** A mean of some questions, computed from the published counts; null when fewer than k answers stand behind it. */
export function publishedMean(cells: readonly ScopeCell[], questionIds: readonly string[], k: number): number | null {
  if (meanOf(exactCells(cells), questionIds).respondents < k) return null;
  return meanOf(cells, questionIds).mean;
}

/** The published and exact responses of a list of groups, per channel (the published count is the sum over groups and channels). */
function respondentsOfGroups(daily: readonly DailyRow[], groups: readonly (readonly number[])[], k: number) {
  const result = { online: 0, paper: 0, published: 0, exact: 0 };
  for (const group of groups) {
    const members = new Set(group);
    const online: KeyedCount = { count: 0, keySum: 0 };
    const paper: KeyedCount = { count: 0, keySum: 0 };
    for (const row of daily) {
      if (!members.has(row.communeId)) continue;
      const target = row.channel === 'online' ? online : paper;
      target.count += row.responses;
      target.keySum += row.keySum;
    }
    result.online += publishedCount(online, k);
    result.paper += publishedCount(paper, k);
    result.exact += online.count + paper.count;
  }
  result.published = result.online + result.paper;
  return result;
}
type DailyRow = Awaited<ReturnType<typeof dailyOf>>[number];

/** Responses in a scope: published (the sum of its groups' published online and paper counts) and exact (thresholds only). */
export async function respondentsIn(survey: ResultsSurvey, communeId: number | null): Promise<{ published: number; exact: number }> {
  const [daily, groups] = await Promise.all([dailyOf(survey.id), scopeGroups(survey, communeId)]);
  const r = respondentsOfGroups(daily, groups, minGroup());
  return { published: r.published, exact: r.exact };
}

/** Monday of the ISO week of a yyyy-mm-dd day. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * A view computed from a survey's remembered rows is remembered with them (same window): the
 * numbers depend only on those rows, the frozen definition and k. Access is still checked on every
 * request, before this, by getResultsSurvey.
 */
export function rememberedView<T>(view: string, survey: ResultsSurvey, scope: (string | number | null)[], compute: () => Promise<T>): Promise<T> {
  return remembered(`${view}:${survey.id}:${scope.join(':')}`, compute);
}

// Rounding of what is published (all computed from published counts, so rounding protects nothing
// and only reads well): counts whole, means two decimals, shares one decimal of a percent.
const round = (n: number | null, digits = 2) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

// ---------------------------------------------------------------------------------------------
// Overview

export async function getOverview({ actor, slug }: { actor: CurrentUser | null; slug: string }) {
  const survey = await getResultsSurvey({ actor, slug });
  return { survey, ...(await rememberedView('overview', survey, [], () => computeOverview(survey))) };
}

async function computeOverview(survey: ResultsSurvey) {
  const k = minGroup();
  const areas = areasOf(survey.definition);
  const [communeRows, daily, cells, groups] = await Promise.all([
    listCommunesOf(survey),
    dailyOf(survey.id),
    keyedCellsOf(survey.id, areas.flatMap((a) => a.satisfactionQuestions)),
    groupsOf(survey),
  ]);
  const withResponses = new Set(daily.map((row) => row.communeId));
  const countyGroups = groupsOfScope(groups, null);
  const row = (group: readonly number[] | null) => {
    if (!group) return { online: null, paper: null, total: null };
    const r = respondentsOfGroups(daily, [group], k);
    return { online: r.online, paper: r.paper, total: r.published };
  };
  const county = respondentsOfGroups(daily, countyGroups, k);
  // Responses per week of the published groups: each week a cell of its own.
  const included = new Set(countyGroups.flat());
  const byWeek = new Map<string, KeyedCount>();
  const weeks = new Map<string, string>();
  for (const r of daily) {
    if (!included.has(r.communeId)) continue;
    const week = weeks.get(r.day) ?? weekOf(r.day);
    weeks.set(r.day, week);
    byWeek.set(week, addKeyed(byWeek.get(week) ?? { count: 0, keySum: 0 }, { count: r.responses, keySum: r.keySum }));
  }
  const heatRow = (scope: readonly (readonly number[])[]) => {
    const protectedCells = scopeCells(cells, scope, k);
    return areas.map((area) => ({ area: area.key, mean: round(publishedMean(protectedCells, area.satisfactionQuestions, k)) }));
  };
  const listed = communeRows.filter((c) => withResponses.has(c.id));
  const shown = new Set(groups.shown);
  return {
    k,
    areas: areas.map((a) => ({ key: a.key, title: a.title })),
    communes: listed.map((c) => ({ id: c.id, slug: c.slug, name: c.name, ...row(shown.has(c.id) ? [c.id] : null) })),
    /** The communes under k published together, when together they reach k. */
    others: groups.pooled.length ? { communes: groups.pooled.length, ...row(groups.pooled) } : null,
    county: { online: countyGroups.length ? county.online : null, paper: countyGroups.length ? county.paper : null, total: countyGroups.length ? county.published : null },
    weekly: [...byWeek.keys()].sort().map((week) => ({ week, responses: publishedCount(byWeek.get(week)!, k) })),
    heat: listed.map((c) => ({ communeId: c.id, name: c.name, cells: shown.has(c.id) ? heatRow([[c.id]]) : areas.map((a) => ({ area: a.key, mean: null })) })),
    heatOthers: groups.pooled.length ? heatRow([groups.pooled]) : null,
    heatCounty: heatRow(countyGroups),
  };
}

// ---------------------------------------------------------------------------------------------
// Priorities and the importance–performance matrix (per commune, or the county when null)

/** The chosen commune (404 when unknown), or null for the whole county. */
export async function scopeOf(survey: ResultsSurvey, communeId: number | null) {
  if (communeId === null) return null;
  const commune = (await listCommunesOf(survey)).find((c) => c.id === communeId);
  if (!commune) throw new AppError('not_found:commune');
  return commune;
}

export async function getPriorities({ actor, slug, communeId }: { actor: CurrentUser | null; slug: string; communeId: number | null }) {
  const survey = await getResultsSurvey({ actor, slug });
  const commune = await scopeOf(survey, communeId);
  return { survey, commune, ...(await rememberedView('priorities', survey, [communeId], () => computePriorities(survey, communeId))) };
}

async function computePriorities(survey: ResultsSurvey, communeId: number | null) {
  const k = minGroup();
  const areas = areasOf(survey.definition);
  const ranking = priorityQuestionOf(survey.definition);
  const [cells, respondents] = await Promise.all([cellsIn(survey, undefined, communeId), respondentsIn(survey, communeId)]);
  const stats = ranking ? bordaOf(cells, ranking) : [];
  const exactRankers = ranking ? (bordaOf(exactCells(cells), ranking)[0]?.rankers ?? 0) : 0;
  // Every figure of the ranking comes from the published counts of (item, place) cells.
  const rankers = stats[0]?.rankers ?? 0;
  const enough = exactRankers >= k;
  const tooFew = respondents.exact < k;
  const rows = stats.map((s) => {
    const area = areas.find((a) => a.key === s.item || a.slug === s.item);
    const item = ranking!.items.find((it) => it.value === s.item)!;
    return {
      item: s.item,
      title: item.label,
      borda: enough ? s.borda : null,
      // Shares of the published first places: none when every one of them is published as 0.
      bordaMean: enough && rankers > 0 ? round(s.borda / rankers) : null,
      first: enough ? s.first : null,
      firstShare: enough && rankers > 0 ? round((s.first / rankers) * 100, 1) : null,
      importance: area?.importanceQuestion ? round(publishedMean(cells, [area.importanceQuestion], k)) : null,
    };
  });
  rows.sort((a, b) => (b.borda ?? -1) - (a.borda ?? -1));
  const improvements = areas
    .filter((a) => a.needQuestion)
    .map((area) => {
      const counts = optionCounts(cells, area.needQuestion!.id);
      const options = area.needQuestion!.options
        .map((o) => {
          const n = tooFew ? null : (counts.get(o.value) ?? 0);
          return { value: o.value, label: o.label, count: n, share: n === null || respondents.published === 0 ? null : round((n / respondents.published) * 100, 1) };
        })
        .sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
      return { area: area.key, title: area.title, options };
    });
  return {
    k,
    respondents: tooFew ? null : respondents.published,
    rankers: enough ? rankers : null,
    places: ranking ? Math.min(ranking.maxRanked, ranking.items.length) : 0,
    rows,
    improvements,
  };
}

export interface MatrixPoint {
  area: string;
  title: { pl: string; en: string };
  importance: number | null;
  satisfaction: number | null;
  quadrant: Quadrant | null;
}

/** Points of the importance–performance matrix from a scope's protected cells. */
export function matrixFromCells(definition: SurveyDefinition, cells: readonly ScopeCell[], k: number) {
  const areas = areasOf(definition);
  const points: MatrixPoint[] = areas.map((area) => ({
    area: area.key,
    title: area.title,
    importance: area.importanceQuestion ? publishedMean(cells, [area.importanceQuestion], k) : null,
    satisfaction: publishedMean(cells, area.satisfactionQuestions, k),
    quadrant: null,
  }));
  const plotted = points.filter((p) => p.importance !== null && p.satisfaction !== null) as { importance: number; satisfaction: number }[];
  const cross = crossHairs(plotted);
  for (const p of points) if (p.importance !== null && p.satisfaction !== null) p.quadrant = quadrantOf(p.importance, p.satisfaction, cross);
  return {
    cross: { importance: round(cross.importance)!, satisfaction: round(cross.satisfaction)! },
    points: points.map((p) => ({ ...p, importance: round(p.importance), satisfaction: round(p.satisfaction) })),
  };
}

export async function getMatrix({ actor, slug, communeId }: { actor: CurrentUser | null; slug: string; communeId: number | null }) {
  const survey = await getResultsSurvey({ actor, slug });
  const commune = await scopeOf(survey, communeId);
  return { survey, commune, ...(await rememberedView('matrix', survey, [communeId], () => computeMatrix(survey, communeId))) };
}

async function computeMatrix(survey: ResultsSurvey, communeId: number | null) {
  const areas = areasOf(survey.definition);
  const cells = await cellsIn(
    survey,
    areas.flatMap((a) => [...a.satisfactionQuestions, ...(a.importanceQuestion ? [a.importanceQuestion] : [])]),
    communeId,
  );
  const k = minGroup();
  return { k, ...matrixFromCells(survey.definition, cells, k) };
}

export interface ServicePoint {
  key: string;
  title: { pl: string; en: string };
  /** Where the importance comes from: a question asked per service, the "needs improving" proxy, or nothing. */
  basis: { kind: 'question' } | { kind: 'need'; label: { pl: string; en: string } } | { kind: 'none' };
  /** The share (%) of respondents who chose the service's improvement (the proxy only). */
  share: number | null;
  importance: number | null;
  satisfaction: number | null;
  quadrant: Quadrant | null;
}

/** The mean of one row of a matrix from published counts; null when fewer than k answers stand behind it. */
function publishedRowMean(cells: readonly ScopeCell[], questionId: string, itemKey: string, k: number): number | null {
  if (rowMeanOf(exactCells(cells), questionId, itemKey).answers < k) return null;
  return rowMeanOf(cells, questionId, itemKey).mean;
}

/**
 * Points of the matrix of one area's services from a scope's protected cells.
 * Satisfaction: the mean of the service's matrix row. Importance: the mean of its row in a matrix
 * tagged measure=importance when there is one; else the share of the respondents in scope who chose
 * its option in the area's "needs improving most" question, as 1 + 4 × share (both published
 * counts; fewer than k respondents hides it).
 */
export function serviceMatrixFromCells(services: readonly ServiceInfo[], cells: readonly ScopeCell[], respondents: { published: number; exact: number }, k: number) {
  const points: ServicePoint[] = services.map((s) => {
    let importance: number | null = null;
    let share: number | null = null;
    let basis: ServicePoint['basis'] = { kind: 'none' };
    if (s.importance?.kind === 'question') {
      importance = publishedRowMean(cells, s.importance.questionId, s.importance.itemKey, k);
      basis = { kind: 'question' };
    } else if (s.importance?.kind === 'need') {
      const chosen = optionCounts(cells, s.importance.questionId).get(s.importance.option) ?? 0;
      share = respondents.exact >= k && respondents.published > 0 ? chosen / respondents.published : null;
      importance = share === null ? null : importanceFromShare(Math.min(1, share));
      basis = { kind: 'need', label: s.importance.label };
    }
    return { key: s.key, title: s.title, basis, share, importance, satisfaction: publishedRowMean(cells, s.questionId, s.itemKey, k), quadrant: null };
  });
  const plotted = points.filter((p) => p.importance !== null && p.satisfaction !== null) as { importance: number; satisfaction: number }[];
  const cross = crossHairs(plotted);
  for (const p of points) if (p.importance !== null && p.satisfaction !== null) p.quadrant = quadrantOf(p.importance, p.satisfaction, cross);
  return {
    cross: { importance: round(cross.importance)!, satisfaction: round(cross.satisfaction)! },
    points: points.map((p) => ({ ...p, share: p.share === null ? null : round(p.share * 100, 1), importance: round(p.importance), satisfaction: round(p.satisfaction) })),
  };
}

/** The importance–performance matrix of the services of one area, for a commune or the county. */
export async function getServiceMatrix({ actor, slug, communeId, areaKey }: { actor: CurrentUser | null; slug: string; communeId: number | null; areaKey: string }) {
  const survey = await getResultsSurvey({ actor, slug });
  const commune = await scopeOf(survey, communeId);
  const area = areasOf(survey.definition).find((a) => a.key === areaKey);
  if (!area) throw new AppError('not_found');
  const services = servicesOf(survey.definition, area);
  const questionIds = [...new Set(services.flatMap((s) => [s.questionId, ...(s.importance ? [s.importance.questionId] : [])]))];
  const k = minGroup();
  const kinds = new Set(services.map((s) => s.importance?.kind ?? 'none'));
  const points = await rememberedView('services', survey, [area.key, communeId], async () => {
    const [cells, respondents] = await Promise.all([questionIds.length ? cellsIn(survey, questionIds, communeId) : Promise.resolve([]), respondentsIn(survey, communeId)]);
    return serviceMatrixFromCells(services, cells, respondents, k);
  });
  return {
    survey,
    k,
    commune,
    area: { key: area.key, title: area.title },
    needQuestion: area.needQuestion ? { id: area.needQuestion.id, label: area.needQuestion.label } : null,
    /** How importance is measured: asked per service, the proxy, or (for no service) not at all. */
    importanceBasis: kinds.has('question') ? ('question' as const) : kinds.has('need') ? ('need' as const) : ('none' as const),
    ...points,
  };
}

// ---------------------------------------------------------------------------------------------
// Question explorer

export type ExplorableQuestion = Exclude<Question, { type: 'short_text' | 'long_text' }>;

export function explorableQuestions(definition: SurveyDefinition): ExplorableQuestion[] {
  return allQuestions(definition).filter((q): q is ExplorableQuestion => q.type !== 'short_text' && q.type !== 'long_text');
}

interface Column {
  key: string;
  label: { pl: string; en: string } | null;
}

/** The rows × columns layout of a question's distribution (a number question's columns: the values published as more than 0). */
function layoutOf(q: ExplorableQuestion, cells: readonly Cell[]) {
  const scale: Column[] = [1, 2, 3, 4, 5].map((v) => ({ key: String(v), label: null }));
  const dk: Column = { key: 'dk', label: null };
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return { rows: [{ key: '', label: null }], columns: q.options.map((o) => ({ key: o.value, label: o.label })) };
    case 'rating':
      return { rows: [{ key: '', label: null }], columns: q.allowDontKnow ? [...scale, dk] : scale };
    case 'matrix':
      return { rows: q.rows.map((r) => ({ key: r.value, label: r.label })), columns: q.allowDontKnow ? [...scale, dk] : scale };
    case 'ranking':
      return {
        rows: q.items.map((r) => ({ key: r.value, label: r.label })),
        columns: Array.from({ length: Math.min(q.maxRanked, q.items.length) }, (_, i) => ({ key: String(i + 1), label: null })),
      };
    case 'number': {
      const values = [...new Set(cells.filter((c) => c.answers > 0).map((c) => c.value))].sort((a, b) => a - b);
      return { rows: [{ key: '', label: null }], columns: values.map((v) => ({ key: String(v), label: null })) };
    }
  }
}

function cellKey(q: ExplorableQuestion, c: Cell): { row: string; column: string } {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return { row: '', column: c.itemKey };
    case 'rating':
    case 'matrix':
      return { row: c.itemKey, column: c.dontKnow ? 'dk' : String(c.value) };
    case 'ranking':
      return { row: c.itemKey, column: String(c.value) };
    case 'number':
      return { row: '', column: String(c.value) };
  }
}

/**
 * A question's distribution from protected cells: the published counts, each row's total as the
 * sum of its published counts (so a table always adds up), the mean of a rating row from the same
 * counts ("don't know" left out). Nothing at all when fewer than k respondents are in scope; a mean
 * only when k or more answers stand behind it.
 */
export function distributionFromCells(q: ExplorableQuestion, cells: readonly ScopeCell[], respondents: { published: number; exact: number }, k: number) {
  const layout = layoutOf(q, cells);
  const counts = layout.rows.map(() => layout.columns.map(() => 0));
  const exact = layout.rows.map(() => 0);
  for (const c of cells) {
    const at = cellKey(q, c);
    const r = layout.rows.findIndex((x) => x.key === at.row);
    const col = layout.columns.findIndex((x) => x.key === at.column);
    if (r < 0) continue;
    if (col >= 0) counts[r]![col]! += c.answers;
    if (at.column !== 'dk') exact[r]! += c.exact;
  }
  const tooFew = respondents.exact < k;
  const addsUp = q.type !== 'multiple_choice'; // options are counted each on its own
  const means = counts.map((row, r) => {
    if (tooFew || (q.type !== 'rating' && q.type !== 'matrix') || exact[r]! < k) return null;
    let sum = 0;
    let n = 0;
    layout.columns.forEach((col, i) => {
      if (col.key === 'dk') return;
      sum += Number(col.key) * row[i]!;
      n += row[i]!;
    });
    return n > 0 ? round(sum / n) : null;
  });
  return {
    columns: layout.columns,
    rows: layout.rows.map((row, r) => ({
      key: row.key,
      label: row.label,
      counts: tooFew ? counts[r]!.map(() => null) : counts[r]!,
      total: tooFew || !addsUp ? null : counts[r]!.reduce((s, n) => s + n, 0),
      mean: means[r]!,
    })),
    respondents: tooFew ? null : respondents.published,
  };
}

const isProfiled = (f: ExplorerFilters) => f.localityId !== null || f.ageGroup !== null || f.respondentType !== null || f.channel !== null;

/**
 * The protected cells and respondents of one question under the explorer's filters. Without
 * profile filters: the scope's cells (as every other view). With them (analysts and coordinators
 * only): the profile cells of the published communes in scope summed, each filtered cell perturbed
 * as one cell of its records.
 */
async function filteredCells(survey: ResultsSurvey, questionId: string, filters: ExplorerFilters) {
  if (!isProfiled(filters)) {
    const [cells, respondents] = await Promise.all([cellsIn(survey, [questionId], filters.communeId), respondentsIn(survey, filters.communeId)]);
    return { cells, respondents };
  }
  const k = minGroup();
  const communeIds = groupsOfScope(await groupsOf(survey), filters.communeId).flat();
  if (communeIds.length === 0) return { cells: [], respondents: { published: 0, exact: 0 } };
  const p = resultsProfileCells;
  const keyed = await replicaDb
    .select({
      questionId: p.questionId,
      itemKey: p.itemKey,
      value: p.value,
      dontKnow: p.dontKnow,
      answers: sql<number>`sum(${p.answers})::int`,
      keySum: sql<number>`sum(${p.keySum})::bigint`,
    })
    .from(p)
    .where(
      and(
        eq(p.surveyId, survey.id),
        eq(p.questionId, questionId),
        inArray(p.communeId, communeIds),
        filters.localityId === null ? undefined : eq(p.localityId, filters.localityId),
        filters.ageGroup === null ? undefined : eq(p.ageGroup, filters.ageGroup),
        filters.respondentType === null ? undefined : eq(p.respondentType, filters.respondentType),
        filters.channel === null ? undefined : eq(p.channel, filters.channel),
      ),
    )
    .groupBy(p.questionId, p.itemKey, p.value, p.dontKnow);
  const r = resultsProfiles;
  const [total] = await replicaDb
    .select({ n: sql<number>`coalesce(sum(${r.responses}), 0)::int`, keySum: sql<number>`coalesce(sum(${r.keySum}), 0)::bigint` })
    .from(r)
    .where(
      and(
        eq(r.surveyId, survey.id),
        inArray(r.communeId, communeIds),
        filters.localityId === null ? undefined : eq(r.localityId, filters.localityId),
        filters.ageGroup === null ? undefined : eq(r.ageGroup, filters.ageGroup),
        filters.respondentType === null ? undefined : eq(r.respondentType, filters.respondentType),
        filters.channel === null ? undefined : eq(r.channel, filters.channel),
      ),
    );
  const cells = scopeCells(
    keyed.map((c) => ({ ...c, communeId: 0, answers: Number(c.answers), keySum: Number(c.keySum) })),
    [[0]],
    k,
  );
  const exact = Number(total?.n ?? 0);
  return { cells, respondents: { published: publishedCount({ count: exact, keySum: Number(total?.keySum ?? 0) }, k), exact } };
}

export async function getQuestionExplorer({
  actor,
  slug,
  questionId,
  filters: requested,
  compareCommuneId = null,
}: {
  actor: CurrentUser | null;
  slug: string;
  questionId: string | null;
  filters: ExplorerFilters;
  compareCommuneId?: number | null;
}) {
  const survey = await getResultsSurvey({ actor, slug });
  const questions = explorableQuestions(survey.definition);
  const question = questions.find((q) => q.id === questionId) ?? questions[0];
  if (questionId && question?.id !== questionId) throw new AppError('not_found');
  const k = minGroup();
  const [communeRows, localityRows] = await Promise.all([
    listCommunesOf(survey),
    requested.communeId === null ? Promise.resolve([]) : localitiesOf(requested.communeId),
  ]);
  // The nearest allowed view: the public sees the overall picture (profile filters are the
  // analysts' tool, dropped for everyone else), and a locality counts only within its commune.
  let filters = canSeeAllResults(actor) ? requested : { ...requested, localityId: null, ageGroup: null, respondentType: null, channel: null };
  if (filters.localityId !== null && !localityRows.some((l) => l.id === filters.localityId)) filters = { ...filters, localityId: null };
  if (filters.communeId !== null && !communeRows.some((c) => c.id === filters.communeId)) throw new AppError('not_found:commune');
  if (!question) return { survey, k, questions, question: null, communes: communeRows, localities: localityRows, filters, main: null, compare: null };
  const distribution = async (f: ExplorerFilters) => {
    const { cells, respondents } = await filteredCells(survey, question.id, f);
    return distributionFromCells(question, cells, respondents, k);
  };
  const compareId = compareCommuneId !== null && communeRows.some((c) => c.id === compareCommuneId) ? compareCommuneId : null;
  const compareFilters = compareId === null ? null : { ...filters, communeId: compareId, localityId: null };
  // Remembered per combination of filters too: the profile cells are read once per window, and
  // only after the check above has let an analyst's filters through.
  const scope = [question.id, filters.communeId, filters.localityId, filters.ageGroup, filters.respondentType, filters.channel, compareId];
  const [main, compare] = await rememberedView('explorer', survey, scope, () => Promise.all([distribution(filters), compareFilters ? distribution(compareFilters) : null]));
  return { survey, k, questions, question, communes: communeRows, localities: localityRows, filters, main, compare };
}
