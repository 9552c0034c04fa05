// The indicators' tables, built once from getIndicators' figures and used both for the table under
// each chart and for its CSV (lib/results/tables.ts's TableSpec and toCsv), so the two always carry
// the same numbers. Pure. A null value means "does not apply here" (seats of the county-wide row).
import type { TableSpec, TableValue } from '@/lib/results/tables';
import { MEETING_TYPES, type MeetingTypeName } from '@/lib/meetings/schema';
import { cellKey, type IndicatorArea, type IndicatorCell, type Indicators } from './queries';

type T = (key: string, values?: Record<string, string | number>) => string;

export interface TableWords {
  /** An "indicators" message. */
  t: T;
  /** A month key ("2026-03") as the table shows it. */
  month: (key: string) => string;
  /** A meeting type's name. */
  meetingType: (type: MeetingTypeName) => string;
}

const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/** Cells added up; a figure that applies to none of them stays null. */
function sum(cells: IndicatorCell[]): IndicatorCell {
  const total: IndicatorCell = {
    meetings: Object.fromEntries(MEETING_TYPES.map((t) => [t, 0])) as Record<MeetingTypeName, number>,
    attendance: 0,
    seatsLocality: null,
    seatsOrganisation: null,
    threads: 0,
    posts: 0,
    consultationsOpened: 0,
    consultationsClosed: 0,
    positions: null,
    responsesPaper: null,
    responsesInvitation: null,
    responsesOpenLink: null,
    documents: 0,
    news: 0,
  };
  for (const c of cells) {
    for (const type of MEETING_TYPES) total.meetings[type] += c.meetings[type];
    total.attendance += c.attendance;
    total.seatsLocality = plus(total.seatsLocality, c.seatsLocality);
    total.seatsOrganisation = plus(total.seatsOrganisation, c.seatsOrganisation);
    total.threads += c.threads;
    total.posts += c.posts;
    total.consultationsOpened += c.consultationsOpened;
    total.consultationsClosed += c.consultationsClosed;
    total.positions = plus(total.positions, c.positions);
    total.responsesPaper = plus(total.responsesPaper, c.responsesPaper);
    total.responsesInvitation = plus(total.responsesInvitation, c.responsesInvitation);
    total.responsesOpenLink = plus(total.responsesOpenLink, c.responsesOpenLink);
    total.documents += c.documents;
    total.news += c.news;
  }
  return total;
}

const meetingsHeld = (c: IndicatorCell) => MEETING_TYPES.reduce((n, t) => n + c.meetings[t], 0);
const responses = (c: IndicatorCell) => [c.responsesPaper, c.responsesInvitation, c.responsesOpenLink].reduce<number | null>(plus, null);

function cellsOf(d: Indicators, months: string[], areas: IndicatorArea[]): IndicatorCell[] {
  return months.flatMap((m) => areas.map((a) => d.cells.get(cellKey(m, a.communeId))!));
}

/** The seats' limit for these areas: the 5 + 5 of each commune (the county-wide row has none). */
function seatLimit(d: Indicators, areas: IndicatorArea[]): number | null {
  const communes = areas.filter((a) => a.communeId !== null).length;
  return communes === 0 ? null : communes * (d.quotas.locality + d.quotas.organisation);
}

/** One summary row's figures: activity over `months`, seats at the last of them. */
interface Summary {
  cell: IndicatorCell;
  seats: IndicatorCell;
  limit: number | null;
  membersActive: number | null;
}

function summary(d: Indicators, months: string[], areas: IndicatorArea[], membersActive: number | null): Summary {
  return { cell: sum(cellsOf(d, months, areas)), seats: sum(cellsOf(d, months.slice(-1), areas)), limit: seatLimit(d, areas), membersActive };
}

const communeOnly = (areas: IndicatorArea[]) => areas.some((a) => a.communeId !== null);

function areaName(area: IndicatorArea, t: T) {
  return area.name ?? t('countyWide');
}

/** Every figure in one row, in the column order of `allHeaders`. */
function figures(d: Indicators, s: Summary): TableValue[] {
  return [
    meetingsHeld(s.cell),
    s.cell.attendance,
    s.seats.seatsLocality,
    s.seats.seatsOrganisation,
    s.limit,
    s.membersActive,
    s.cell.threads,
    s.cell.posts,
    s.cell.consultationsOpened,
    s.cell.consultationsClosed,
    s.cell.positions,
    s.cell.responsesPaper,
    s.cell.responsesInvitation,
    s.cell.responsesOpenLink,
    s.cell.documents,
    s.cell.news,
  ];
}

function allHeaders(d: Indicators, t: T): string[] {
  return [
    t('columns.meetings'),
    t('columns.attendance'),
    t('columns.seatsLocality'),
    t('columns.seatsOrganisation'),
    t('columns.seatLimit'),
    t('columns.membersActive'),
    t('columns.threads'),
    t('columns.posts'),
    t('columns.consultationsOpened'),
    t('columns.consultationsClosed'),
    t('columns.positions'),
    t('columns.responsesPaper'),
    t('columns.responsesInvitation'),
    t('columns.responsesOpenLink'),
    t('columns.documents'),
    t('columns.news'),
  ];
}

/** Each commune (and the county-wide items) over the whole range, then the total; seats at its end. */
export function communesTable(d: Indicators, w: TableWords): TableSpec {
  const rows = d.areas.map((a) => [areaName(a, w.t), ...figures(d, summary(d, d.months, [a], a.communeId === null ? null : (d.membersActive.byCommune.get(a.communeId) ?? 0)))]);
  if (d.areas.length > 1) rows.push([w.t('total'), ...figures(d, summary(d, d.months, d.areas, d.membersActive.total))]);
  return { caption: w.t('communes.caption', { from: w.month(d.from), to: w.month(d.to) }), headers: [w.t('columns.commune'), ...allHeaders(d, w.t)], rows };
}

/** Month by month, the areas in view added up, then the whole range. */
function monthly(d: Indicators, w: TableWords, caption: string, headers: string[], pick: (s: Summary) => TableValue[]): TableSpec {
  const rows = d.months.map((m) => [w.month(m), ...pick(summary(d, [m], d.areas, communeOnly(d.areas) ? (d.membersActive.byMonth.get(m) ?? 0) : null))]);
  rows.push([w.t('total'), ...pick(summary(d, d.months, d.areas, communeOnly(d.areas) ? d.membersActive.total : null))]);
  return { caption, headers: [w.t('columns.month'), ...headers], rows };
}

export function meetingsTable(d: Indicators, w: TableWords): TableSpec {
  return monthly(d, w, w.t('meetings.caption'), [...MEETING_TYPES.map(w.meetingType), w.t('columns.meetings'), w.t('columns.attendance')], (s) => [
    ...MEETING_TYPES.map((t) => s.cell.meetings[t]),
    meetingsHeld(s.cell),
    s.cell.attendance,
  ]);
}

/** The forum month by month; seats at each month's end (the total row: at the range's end). */
export function forumTable(d: Indicators, w: TableWords): TableSpec {
  const t = w.t;
  return monthly(
    d,
    w,
    t('forum.caption'),
    [t('columns.seatsLocality'), t('columns.seatsOrganisation'), t('columns.seatLimit'), t('columns.membersActive'), t('columns.threads'), t('columns.posts'), t('columns.consultationsOpened'), t('columns.consultationsClosed'), t('columns.positions')],
    (s) => [s.seats.seatsLocality, s.seats.seatsOrganisation, s.limit, s.membersActive, s.cell.threads, s.cell.posts, s.cell.consultationsOpened, s.cell.consultationsClosed, s.cell.positions],
  );
}

export function responsesTable(d: Indicators, w: TableWords): TableSpec {
  const t = w.t;
  return monthly(d, w, t('responses.caption'), [t('columns.responsesPaper'), t('columns.responsesInvitation'), t('columns.responsesOpenLink'), t('columns.responsesTotal')], (s) => [
    s.cell.responsesPaper,
    s.cell.responsesInvitation,
    s.cell.responsesOpenLink,
    responses(s.cell),
  ]);
}

export function publicationsTable(d: Indicators, w: TableWords): TableSpec {
  const t = w.t;
  return monthly(d, w, t('publications.caption'), [t('columns.news'), t('columns.documents')], (s) => [s.cell.news, s.cell.documents]);
}

/**
 * The whole grid for the CSV: one row per month and area with every figure, each meeting type in
 * its own column. Months as "YYYY-MM" and communes by name, for a spreadsheet's pivot table.
 */
export function everythingTable(d: Indicators, w: TableWords): TableSpec {
  const headers = allHeaders(d, w.t);
  const at = headers.indexOf(w.t('columns.meetings'));
  return {
    caption: w.t('csvNames.all'),
    headers: [w.t('columns.month'), w.t('columns.commune'), ...headers.slice(0, at), ...MEETING_TYPES.map(w.meetingType), ...headers.slice(at)],
    rows: d.months.flatMap((m) =>
      d.areas.map((a) => {
        const s = summary(d, [m], [a], a.communeId === null ? null : (d.membersActive.byCell.get(cellKey(m, a.communeId)) ?? 0));
        const values = figures(d, s);
        return [m, areaName(a, w.t), ...values.slice(0, at), ...MEETING_TYPES.map((t) => s.cell.meetings[t]), ...values.slice(at)];
      }),
    ),
  };
}

export const INDICATOR_TABLES = {
  all: everythingTable,
  communes: communesTable,
  meetings: meetingsTable,
  forum: forumTable,
  responses: responsesTable,
  publications: publicationsTable,
} as const;
export type IndicatorView = keyof typeof INDICATOR_TABLES;
