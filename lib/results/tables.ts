// The data tables of the dashboards, built once from a view's (already suppressed) data and used
// both for the table under each chart and for its CSV, so the two always carry the same numbers.
// Browser-safe and pure. A null value is a suppressed number ("fewer than k").
import { csvLines, type CsvDialect } from '@/lib/csv';
import type { Measure } from '@/lib/i18n/number-format';

export type TableValue = string | number | null;
export interface TableSpec {
  caption: string;
  headers: string[];
  /** The first value of each row is its header (th scope="row"). */
  rows: TableValue[][];
  /**
   * What each column's numbers measure (their one rounding rule on the page; the CSV keeps the
   * numbers as they are). A column left out holds text or counts.
   */
  measures?: (Measure | undefined)[];
}

type T = (key: string, values?: Record<string, string | number>) => string;
type Localized = { pl: string; en: string };
export const pick = (l: Localized | null | undefined, locale: string) => (l ? (locale === 'en' && l.en ? l.en : l.pl) : '');

const pct = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

type Counts = { online: number | null; paper: number | null; total: number | null };
interface OverviewData {
  areas: { key: string; title: Localized }[];
  communes: ({ name: string } & Counts)[];
  /** The communes under k, published together (null when they are not). */
  others: ({ communes: number } & Counts) | null;
  county: Counts;
  weekly: { week: string; responses: number | null }[];
  heat: { name: string; cells: { area: string; mean: number | null }[] }[];
  heatOthers: { area: string; mean: number | null }[] | null;
  heatCounty: { area: string; mean: number | null }[];
}

export function responsesTable(d: OverviewData, t: T): TableSpec {
  const others = d.others ? [{ name: t('otherCommunes', { n: d.others.communes }), ...d.others }] : [];
  return {
    caption: t('overview.responses'),
    headers: [t('commune'), t('overview.online'), t('overview.paper'), t('overview.total'), `${t('overview.paperShare')} (%)`],
    rows: [...d.communes, ...others, { name: t('county'), ...d.county }].map((c) => [c.name, c.online, c.paper, c.total, pct(c.paper, c.total)]),
    measures: [undefined, 'count', 'count', 'count', 'share'],
  };
}

export function heatTable(d: OverviewData, t: T, locale: string): TableSpec {
  const others = d.heatOthers && d.others ? [{ name: t('otherCommunes', { n: d.others.communes }), cells: d.heatOthers }] : [];
  return {
    caption: t('overview.heat'),
    headers: [t('commune'), ...d.areas.map((a) => pick(a.title, locale))],
    rows: [...d.heat, ...others, { name: t('county'), cells: d.heatCounty }].map((r) => [r.name, ...r.cells.map((c) => c.mean)]),
    measures: [undefined, ...d.areas.map(() => 'mean' as const)],
  };
}

/** Weeks by their Monday (yyyy-mm-dd, as the CSV keeps them; the page passes a local date label). */
export function timelineTable(d: OverviewData, t: T, weekLabel: (week: string) => string = (week) => week): TableSpec {
  return { caption: t('overview.timeline'), headers: [t('overview.week'), t('overview.count')], rows: d.weekly.map((w) => [weekLabel(w.week), w.responses]), measures: [undefined, 'count'] };
}

interface PrioritiesData {
  rows: { title: Localized; borda: number | null; bordaMean: number | null; firstShare: number | null; importance: number | null }[];
  improvements: { area: string; title: Localized; options: { label: Localized; count: number | null; share: number | null }[] }[];
}

export function prioritiesTable(d: PrioritiesData, t: T, locale: string): TableSpec {
  return {
    caption: t('priorities.ranking'),
    headers: [t('priorities.area'), t('priorities.position'), t('priorities.borda'), t('priorities.bordaMean'), t('priorities.firstShare'), t('priorities.importance')],
    rows: d.rows.map((r, i) => [pick(r.title, locale), r.borda === null ? null : i + 1, r.borda, r.bordaMean, r.firstShare, r.importance]),
    // A place and Borda points are no counts of people: hidden, they are marked, not "fewer than 5".
    measures: [undefined, undefined, undefined, 'mean', 'share', 'mean'],
  };
}

export function improvementsTable(d: PrioritiesData['improvements'][number], t: T, locale: string): TableSpec {
  return {
    caption: `${t('priorities.improvements')}: ${pick(d.title, locale)}`,
    headers: [t('priorities.option'), t('priorities.count'), t('priorities.share')],
    rows: d.options.map((o) => [pick(o.label, locale), o.count, o.share]),
    measures: [undefined, 'count', 'share'],
  };
}

/** All areas' improvement tables as one CSV table (the area in the first column). */
export function improvementsCsvTable(d: PrioritiesData, t: T, locale: string): TableSpec {
  return {
    caption: t('priorities.improvements'),
    headers: [t('priorities.area'), t('priorities.option'), t('priorities.count'), t('priorities.share')],
    rows: d.improvements.flatMap((a) => a.options.map((o) => [pick(a.title, locale), pick(o.label, locale), o.count, o.share])),
    measures: [undefined, undefined, 'count', 'share'],
  };
}

interface MatrixData {
  points: { title: Localized; importance: number | null; satisfaction: number | null; quadrant: string | null }[];
}

export function matrixTable(d: MatrixData, t: T, locale: string): TableSpec {
  return {
    caption: t('nav.matrix'),
    headers: [t('priorities.area'), t('matrix.importance'), t('matrix.satisfaction'), t('matrix.quadrant')],
    rows: d.points.map((p) => [pick(p.title, locale), p.importance, p.satisfaction, p.quadrant ? t(`matrix.quadrants.${p.quadrant}`) : null]),
    measures: [undefined, 'mean', 'mean'],
  };
}

interface Distribution {
  columns: { key: string; label: Localized | null }[];
  rows: { key: string; label: Localized | null; counts: (number | null)[]; total: number | null; mean: number | null }[];
}

export function distributionTable(d: Distribution, caption: string, options: { ranking: boolean; scale: boolean }, t: T, locale: string): TableSpec {
  const columnLabel = (c: Distribution['columns'][number]) => (c.label ? pick(c.label, locale) : c.key === 'dk' ? t('explorer.dk') : options.ranking ? t('explorer.place', { n: c.key }) : c.key);
  const showTotal = d.rows.some((r) => r.total !== null);
  return {
    caption,
    headers: [t('explorer.item'), ...d.columns.map(columnLabel), ...(showTotal ? [t('explorer.total')] : []), ...(options.scale ? [t('explorer.mean')] : [])],
    rows: d.rows.map((r) => [r.label ? pick(r.label, locale) : t('explorer.answer'), ...r.counts, ...(showTotal ? [r.total] : []), ...(options.scale ? [r.mean] : [])]),
    measures: [undefined, ...d.columns.map(() => 'count' as const), ...(showTotal ? ['count' as const] : []), ...(options.scale ? ['mean' as const] : [])],
  };
}

/** The table's CSV lines (lib/csv); suppressed numbers carry the same words as on the page. */
export function toCsv(table: TableSpec, suppressed: string, dialect: CsvDialect = 'plain'): string {
  return csvLines([table.headers, ...table.rows].map((row) => row.map((v) => (v === null ? suppressed : v))), dialect);
}

interface ServiceMatrixData {
  points: {
    title: Localized;
    basis: { kind: 'question' } | { kind: 'need'; label: Localized } | { kind: 'none' };
    share: number | null;
    importance: number | null;
    satisfaction: number | null;
    quadrant: string | null;
  }[];
}

/** The services of one area: importance with its basis (a question, or the "needs improving" proxy) in words. */
export function serviceMatrixTable(d: ServiceMatrixData & { area: { title: Localized } }, t: T, locale: string): TableSpec {
  const proxy = d.points.some((p) => p.basis.kind === 'need');
  return {
    caption: t('matrix.servicesCaption', { area: pick(d.area.title, locale) }),
    headers: [
      t('matrix.service'),
      t('matrix.importance'),
      t('matrix.basis'),
      ...(proxy ? [t('matrix.share')] : []),
      t('matrix.satisfaction'),
      t('matrix.quadrant'),
    ],
    rows: d.points.map((p) => [
      pick(p.title, locale),
      p.basis.kind === 'none' ? t('noData') : p.importance,
      p.basis.kind === 'question' ? t('matrix.basisQuestion') : p.basis.kind === 'need' ? t('matrix.basisNeed', { option: pick(p.basis.label, locale) }) : t('matrix.basisNone'),
      ...(proxy ? [p.basis.kind === 'need' ? p.share : t('noData')] : []),
      p.satisfaction,
      p.quadrant ? t(`matrix.quadrants.${p.quadrant}`) : p.basis.kind === 'none' ? t('noData') : null,
    ]),
    measures: [undefined, 'mean', undefined, ...(proxy ? ['share' as const] : []), 'mean'],
  };
}

interface MonitoringData {
  commune: { name: string } | null;
  area: { title: Localized } | null;
  quarters: { quarter: number; forum: number | null; ratings: number; fieldwork: boolean }[];
  residents: { mean: number | null };
}

/** "4 kw. 2026" from 20264. */
export const quarterLabel = (quarter: number, t: T) => t('forum.quarterLabel', { quarter: quarter % 10, year: Math.floor(quarter / 10) });

/**
 * Forum monitoring by quarter: the forum's mean and number of ratings (published opinion, never
 * hidden) and the residents' mean in the quarters of the survey's fieldwork (hidden under k).
 */
export function forumTable(d: MonitoringData, t: T, locale: string): TableSpec {
  return {
    caption: t('forum.caption', { scope: d.commune?.name ?? t('county'), area: pick(d.area?.title, locale) }),
    headers: [t('forum.quarter'), t('forum.forumMean'), t('forum.ratings'), t('forum.residentsMean')],
    rows: d.quarters.map((q) => [quarterLabel(q.quarter, t), q.forum ?? t('noData'), q.ratings, q.fieldwork ? d.residents.mean : t('noData')]),
    measures: [undefined, 'mean', 'count', 'mean'],
  };
}
