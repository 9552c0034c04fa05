import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { cache } from 'react';
import { db, preparedQuery } from '@/db/client';
import { communes, localities, resultsCells, resultsDaily, resultsProfileCells, resultsProfiles, resultsPublications, surveys } from '@/db/schema';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { BoundedMap } from '@/lib/bounded-map';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { allQuestions, type Question, type SurveyDefinition } from '@/lib/surveys/definition';
import { areasOf, bordaOf, crossHairs, importanceFromShare, meanOf, optionCounts, priorityQuestionOf, quadrantOf, rowMeanOf, servicesOf, type Cell, type Quadrant, type ServiceInfo } from './compute';
import { canSeeAllResults, canSeeSurveyResults } from './permissions';
import { remembered } from './remembered';
import { effectiveMinGroup, isSmall, suppressLine, suppressMean, suppressTable } from './suppression';
import type { ExplorerFilters } from './schema';

// Reads for the dashboards: only aggregate tables, never raw answers. Every number leaves here
// already suppressed (null = "fewer than k"), so pages and CSVs show exactly the same thing.

export function minGroup(): number {
  return effectiveMinGroup(getEnv().RESULTS_MIN_GROUP);
}

export interface ResultsSurvey {
  id: string;
  slug: string;
  titlePl: string;
  titleEn: string;
  status: string;
  definition: SurveyDefinition;
  published: boolean;
}

const surveyColumns = {
  id: surveys.id,
  slug: surveys.slug,
  titlePl: surveys.titlePl,
  titleEn: surveys.titleEn,
  status: surveys.status,
  published: sql<boolean>`${resultsPublications.surveyId} is not null`,
};

/** Surveys whose results the user may see: published ones for everybody, all for analysts. */
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
 * may see it) and the 20–30 KB document only when that version is new to this process.
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
  return remembered('communes', () => db.select({ id: communes.id, slug: communes.slug, name: communes.name }).from(communes).orderBy(asc(communes.name)));
}

/** A commune's localities (by name), remembered briefly like the communes: the explorer's locality filter. */
function localitiesOf(communeId: number) {
  return remembered(`localities:${communeId}`, () => db.select({ id: localities.id, name: localities.name }).from(localities).where(eq(localities.communeId, communeId)).orderBy(asc(localities.name)));
}

/** A survey's commune cells: a few thousand rows however many responses, read once per window. */
function surveyCells(surveyId: string): Promise<Cell[]> {
  return remembered(`cells:${surveyId}`, () =>
    db
      .select({
        communeId: resultsCells.communeId,
        questionId: resultsCells.questionId,
        itemKey: resultsCells.itemKey,
        value: resultsCells.value,
        dontKnow: resultsCells.dontKnow,
        answers: resultsCells.answers,
      })
      .from(resultsCells)
      .where(eq(resultsCells.surveyId, surveyId)),
  );
}

/** Aggregate cells of a survey, of some questions, of one commune (or all), from the remembered rows. */
export async function cellsOf(surveyId: string, questionIds?: string[], communeId: number | null = null): Promise<Cell[]> {
  const cells = await surveyCells(surveyId);
  if (!questionIds && communeId === null) return cells;
  const wanted = questionIds ? new Set(questionIds) : null;
  return cells.filter((c) => (!wanted || wanted.has(c.questionId)) && (communeId === null || c.communeId === communeId));
}

function dailyOf(surveyId: string) {
  return remembered(`daily:${surveyId}`, () =>
    db
      .select({ communeId: resultsDaily.communeId, channel: resultsDaily.channel, day: resultsDaily.day, responses: resultsDaily.responses })
      .from(resultsDaily)
      .where(eq(resultsDaily.surveyId, surveyId)),
  );
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
  const [communeRows, daily, cells] = await Promise.all([
    listCommunesOf(survey),
    dailyOf(survey.id),
    cellsOf(survey.id, areas.flatMap((a) => a.satisfactionQuestions)),
  ]);
  const byCommune = new Map<number, { online: number; paper: number }>();
  const byWeek = new Map<string, number>();
  const weeks = new Map<string, string>();
  for (const row of daily) {
    const entry = byCommune.get(row.communeId) ?? { online: 0, paper: 0 };
    entry[row.channel] += row.responses;
    byCommune.set(row.communeId, entry);
    const week = weeks.get(row.day) ?? weekOf(row.day);
    weeks.set(row.day, week);
    byWeek.set(week, (byWeek.get(week) ?? 0) + row.responses);
  }
  const shownCommunes = communeRows.filter((c) => byCommune.has(c.id));
  const table = suppressTable(
    shownCommunes.map((c) => [byCommune.get(c.id)!.online, byCommune.get(c.id)!.paper]),
    k,
  );
  const weekStarts = [...byWeek.keys()].sort();
  const weekly = suppressLine(
    weekStarts.map((w) => byWeek.get(w)!),
    k,
  );
  const heatRow = (cellsIn: Cell[]) =>
    areas.map((area) => {
      const stat = meanOf(cellsIn, area.satisfactionQuestions);
      return { area: area.key, mean: round(suppressMean(stat.mean, stat.respondents, k)) };
    });
  const cellsByCommune = new Map<number, Cell[]>();
  for (const c of cells) {
    const list = cellsByCommune.get(c.communeId);
    if (list) list.push(c);
    else cellsByCommune.set(c.communeId, [c]);
  }
  return {
    k,
    areas: areas.map((a) => ({ key: a.key, title: a.title })),
    communes: shownCommunes.map((c, i) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      online: table.cells[i]![0]!,
      paper: table.cells[i]![1]!,
      total: table.rowTotals[i]!,
    })),
    county: { online: table.columnTotals[0] ?? null, paper: table.columnTotals[1] ?? null, total: table.total },
    weekly: weekStarts.map((week, i) => ({ week, responses: weekly.counts[i]! })),
    heat: shownCommunes.map((c) => ({ communeId: c.id, name: c.name, cells: heatRow(cellsByCommune.get(c.id) ?? []) })),
    heatCounty: heatRow(cells),
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

export async function respondentsIn(surveyId: string, communeId: number | null): Promise<number> {
  let n = 0;
  for (const row of await dailyOf(surveyId)) if (communeId === null || row.communeId === communeId) n += row.responses;
  return n;
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
  const allCells = await cellsOf(survey.id);
  const cells = communeId === null ? allCells : allCells.filter((c) => c.communeId === communeId);
  const respondents = await respondentsIn(survey.id, communeId);
  const stats = ranking ? bordaOf(cells, ranking) : [];
  const rankers = stats[0]?.rankers ?? 0;
  const firsts = suppressLine(
    stats.map((s) => s.first),
    k,
  );
  const enough = rankers >= k;
  const rows = stats.map((s, i) => {
    const area = areas.find((a) => a.key === s.item || a.slug === s.item);
    const importance = area?.importanceQuestion ? meanOf(cells, [area.importanceQuestion]) : null;
    const item = ranking!.items.find((it) => it.value === s.item)!;
    return {
      item: s.item,
      title: item.label,
      borda: enough ? s.borda : null,
      bordaMean: enough ? round(s.borda / rankers) : null,
      first: firsts.counts[i]!,
      firstShare: firsts.counts[i] === null || !enough ? null : round((firsts.counts[i]! / rankers) * 100, 1),
      importance: importance ? round(suppressMean(importance.mean, importance.respondents, k)) : null,
    };
  });
  rows.sort((a, b) => (b.borda ?? -1) - (a.borda ?? -1));
  const improvements = areas
    .filter((a) => a.needQuestion)
    .map((area) => {
      const counts = optionCounts(cells, area.needQuestion!.id);
      const options = area.needQuestion!.options
        .map((o) => {
          const n = counts.get(o.value) ?? 0;
          const shown = respondents < k || isSmall(n, k) ? null : n;
          return { value: o.value, label: o.label, count: shown, share: shown === null || respondents === 0 ? null : round((shown / respondents) * 100, 1) };
        })
        .sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
      return { area: area.key, title: area.title, options };
    });
  return { k, respondents: respondents < k ? null : respondents, rankers: enough ? rankers : null, places: ranking ? Math.min(ranking.maxRanked, ranking.items.length) : 0, rows, improvements };
}

export interface MatrixPoint {
  area: string;
  title: { pl: string; en: string };
  importance: number | null;
  satisfaction: number | null;
  quadrant: Quadrant | null;
}

/** Points of the importance–performance matrix from cells (already in scope), suppressed. */
export function matrixFromCells(definition: SurveyDefinition, cells: readonly Cell[], k: number) {
  const areas = areasOf(definition);
  const points: MatrixPoint[] = areas.map((area) => {
    const imp = area.importanceQuestion ? meanOf(cells, [area.importanceQuestion]) : null;
    const sat = meanOf(cells, area.satisfactionQuestions);
    return {
      area: area.key,
      title: area.title,
      importance: imp ? suppressMean(imp.mean, imp.respondents, k) : null,
      satisfaction: suppressMean(sat.mean, sat.respondents, k),
      quadrant: null,
    };
  });
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
  const cells = await cellsOf(
    survey.id,
    areas.flatMap((a) => [...a.satisfactionQuestions, ...(a.importanceQuestion ? [a.importanceQuestion] : [])]),
  );
  const k = minGroup();
  const inScope = communeId === null ? cells : cells.filter((c) => c.communeId === communeId);
  return { k, ...matrixFromCells(survey.definition, inScope, k) };
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

/**
 * Points of the matrix of one area's services from cells (already in scope), suppressed.
 * Satisfaction: the mean of the service's matrix row. Importance: the mean of its row in a matrix
 * tagged measure=importance when there is one; else the share of the respondents in scope who chose
 * its option in the area's "needs improving most" question, as 1 + 4 × share (a count under k, or
 * fewer than k respondents, hides it).
 */
export function serviceMatrixFromCells(services: readonly ServiceInfo[], cells: readonly Cell[], respondents: number, k: number) {
  const points: ServicePoint[] = services.map((s) => {
    const sat = rowMeanOf(cells, s.questionId, s.itemKey);
    let importance: number | null = null;
    let share: number | null = null;
    let basis: ServicePoint['basis'] = { kind: 'none' };
    if (s.importance?.kind === 'question') {
      const imp = rowMeanOf(cells, s.importance.questionId, s.importance.itemKey);
      importance = suppressMean(imp.mean, imp.answers, k);
      basis = { kind: 'question' };
    } else if (s.importance?.kind === 'need') {
      const chosen = optionCounts(cells, s.importance.questionId).get(s.importance.option) ?? 0;
      const shown = respondents >= k && !isSmall(chosen, k);
      share = shown ? chosen / respondents : null;
      importance = share === null ? null : importanceFromShare(share);
      basis = { kind: 'need', label: s.importance.label };
    }
    return { key: s.key, title: s.title, basis, share, importance, satisfaction: suppressMean(sat.mean, sat.answers, k), quadrant: null };
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
    const [cells, respondents] = await Promise.all([questionIds.length ? cellsOf(survey.id, questionIds, communeId) : Promise.resolve([]), respondentsIn(survey.id, communeId)]);
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

/** The rows × columns layout of a question's distribution. */
function layoutOf(q: ExplorableQuestion, cells: readonly Omit<Cell, 'communeId'>[]) {
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
      const values = [...new Set(cells.map((c) => c.value))].sort((a, b) => a - b);
      return { rows: [{ key: '', label: null }], columns: values.map((v) => ({ key: String(v), label: null })) };
    }
  }
}

function cellKey(q: ExplorableQuestion, c: Omit<Cell, 'communeId'>): { row: string; column: string } {
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

/** A question's distribution from cells, suppressed. Means leave "don't know" out. */
export function distributionFromCells(q: ExplorableQuestion, cells: readonly Omit<Cell, 'communeId'>[], respondents: number, k: number) {
  const layout = layoutOf(q, cells);
  const counts = layout.rows.map(() => layout.columns.map(() => 0));
  for (const c of cells) {
    const at = cellKey(q, c);
    const r = layout.rows.findIndex((x) => x.key === at.row);
    const col = layout.columns.findIndex((x) => x.key === at.column);
    if (r >= 0 && col >= 0) counts[r]![col]! += c.answers;
  }
  const tooFew = respondents < k;
  let shown: (number | null)[][];
  let rowTotals: (number | null)[];
  if (tooFew) {
    shown = counts.map((row) => row.map(() => null));
    rowTotals = counts.map(() => null);
  } else if (q.type === 'multiple_choice') {
    // Options are counted each on its own and add up to nothing shown: only the threshold applies.
    shown = counts.map((row) => row.map((n) => (isSmall(n, k) ? null : n)));
    rowTotals = counts.map(() => null);
  } else if (q.type === 'ranking') {
    const t = suppressTable(counts, k);
    shown = t.cells;
    rowTotals = t.rowTotals;
  } else {
    const lines = counts.map((row) => suppressLine(row, k));
    shown = lines.map((l) => l.counts);
    rowTotals = lines.map((l) => l.total);
  }
  const means = counts.map((row, r) => {
    if (tooFew || (q.type !== 'rating' && q.type !== 'matrix')) return null;
    let sum = 0;
    let n = 0;
    layout.columns.forEach((col, i) => {
      if (col.key === 'dk') return;
      sum += Number(col.key) * row[i]!;
      n += row[i]!;
    });
    void r;
    return n >= k ? round(sum / n) : null;
  });
  return {
    columns: layout.columns,
    rows: layout.rows.map((row, r) => ({ key: row.key, label: row.label, counts: shown[r]!, total: rowTotals[r]!, mean: means[r]! })),
    respondents: tooFew ? null : respondents,
  };
}

async function filteredCells(surveyId: string, questionId: string, filters: ExplorerFilters) {
  const profiled = filters.localityId !== null || filters.ageGroup !== null || filters.respondentType !== null || filters.channel !== null;
  if (!profiled) {
    // The commune cells summed over communes (or of one commune), from the remembered rows.
    const sums = new Map<string, Omit<Cell, 'communeId'>>();
    for (const c of await cellsOf(surveyId, [questionId])) {
      if (filters.communeId !== null && c.communeId !== filters.communeId) continue;
      const key = `${c.itemKey}\0${c.value}\0${c.dontKnow}`;
      const sum = sums.get(key);
      if (sum) sum.answers += c.answers;
      else sums.set(key, { questionId: c.questionId, itemKey: c.itemKey, value: c.value, dontKnow: c.dontKnow, answers: c.answers });
    }
    return { cells: [...sums.values()], respondents: await respondentsIn(surveyId, filters.communeId) };
  }
  const p = resultsProfileCells;
  const cells = await db
    .select({ questionId: p.questionId, itemKey: p.itemKey, value: p.value, dontKnow: p.dontKnow, answers: sql<number>`sum(${p.answers})::int` })
    .from(p)
    .where(
      and(
        eq(p.surveyId, surveyId),
        eq(p.questionId, questionId),
        filters.communeId === null ? undefined : eq(p.communeId, filters.communeId),
        filters.localityId === null ? undefined : eq(p.localityId, filters.localityId),
        filters.ageGroup === null ? undefined : eq(p.ageGroup, filters.ageGroup),
        filters.respondentType === null ? undefined : eq(p.respondentType, filters.respondentType),
        filters.channel === null ? undefined : eq(p.channel, filters.channel),
      ),
    )
    .groupBy(p.questionId, p.itemKey, p.value, p.dontKnow);
  const r = resultsProfiles;
  const [total] = await db
    .select({ n: sql<number>`coalesce(sum(${r.responses}), 0)::int` })
    .from(r)
    .where(
      and(
        eq(r.surveyId, surveyId),
        filters.communeId === null ? undefined : eq(r.communeId, filters.communeId),
        filters.localityId === null ? undefined : eq(r.localityId, filters.localityId),
        filters.ageGroup === null ? undefined : eq(r.ageGroup, filters.ageGroup),
        filters.respondentType === null ? undefined : eq(r.respondentType, filters.respondentType),
        filters.channel === null ? undefined : eq(r.channel, filters.channel),
      ),
    );
  return { cells: cells.map((c) => ({ ...c, answers: Number(c.answers) })), respondents: Number(total?.n ?? 0) };
}

export async function getQuestionExplorer({
  actor,
  slug,
  questionId,
  filters,
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
  const profiled = filters.localityId !== null || filters.ageGroup !== null || filters.respondentType !== null || filters.channel !== null;
  // The public sees the overall picture; profile filters are the analysts' tool.
  if (profiled) ensure(canSeeAllResults(actor));
  const k = minGroup();
  const [communeRows, localityRows] = await Promise.all([
    listCommunesOf(survey),
    filters.communeId === null ? Promise.resolve([]) : localitiesOf(filters.communeId),
  ]);
  if (!question) return { survey, k, questions, question: null, communes: communeRows, localities: localityRows, main: null, compare: null };
  const distribution = async (f: ExplorerFilters) => {
    const { cells, respondents } = await filteredCells(survey.id, question.id, f);
    return distributionFromCells(question, cells, respondents, k);
  };
  const compareFilters = compareCommuneId === null ? null : { ...filters, communeId: compareCommuneId, localityId: null };
  // Remembered per combination of filters too: the profile cells are read once per window, and
  // only after the check above has let an analyst's filters through.
  const scope = [question.id, filters.communeId, filters.localityId, filters.ageGroup, filters.respondentType, filters.channel, compareCommuneId];
  const [main, compare] = await rememberedView('explorer', survey, scope, () => Promise.all([distribution(filters), compareFilters ? distribution(compareFilters) : null]));
  return { survey, k, questions, question, communes: communeRows, localities: localityRows, main, compare };
}
