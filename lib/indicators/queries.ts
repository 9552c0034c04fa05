/**
 * The project office's indicators: per Warsaw month and per commune (and the county-wide items),
 * what the project did and who took part. Each figure is one grouped query over its own table;
 * survey responses are read from the dashboards' daily aggregate (results_daily), so the page
 * costs the same at a million responses as at a thousand.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, rows } from '@/db/client';
import { communes, memberships } from '@/db/schema';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { quotaOf } from '@/lib/forum/membership-mutations';
import { getForumSettings } from '@/lib/forum/settings';
import { localParts, monthRange } from '@/lib/local-time';
import { MEETING_TYPES, type MeetingTypeName } from '@/lib/meetings/schema';
import { monthKey, parseMonth } from './months';
import { indicatorScope } from './permissions';
import { monthSpan, type IndicatorParams } from './schema';

/** One commune's (or the county-wide items') figures for one month. null: does not apply there. */
export interface IndicatorCell {
  meetings: Record<MeetingTypeName, number>;
  attendance: number;
  /** Forum seats held at the month's end (or now, for the current month). */
  seatsLocality: number | null;
  seatsOrganisation: number | null;
  threads: number;
  posts: number;
  consultationsOpened: number;
  consultationsClosed: number;
  positions: number | null;
  responsesPaper: number | null;
  responsesInvitation: number | null;
  responsesOpenLink: number | null;
  /** Documents of the library that became readable (their first version, or their article's publication). */
  documents: number;
  news: number;
}

/** A column of the tables: a commune, or (communeId null) the county-wide meetings, threads and news. */
export interface IndicatorArea {
  communeId: number | null;
  name: string | null;
}

export interface Indicators {
  from: string;
  to: string;
  months: string[];
  /** The areas shown, communes by name, then the county-wide items when in view. */
  areas: IndicatorArea[];
  /** The commune filtered by, or null (every commune in the viewer's scope). */
  commune: { id: number; name: string; slug: string } | null;
  /** The viewer sees the whole county (else only the communes they coordinate). */
  wholeCounty: boolean;
  /** The communes the viewer may filter by. */
  communes: { id: number; name: string; slug: string }[];
  quotas: { locality: number; organisation: number };
  /** key: cellKey(month, communeId). */
  cells: Map<string, IndicatorCell>;
  /** Distinct members active (posted, took a position or rated), counted without double-counting a person. */
  membersActive: {
    byCell: Map<string, number>;
    byMonth: Map<string, number>;
    byCommune: Map<number, number>;
    total: number;
  };
}

export const cellKey = (month: string, communeId: number | null) => `${month}|${communeId ?? 'county'}`;

const collator = new Intl.Collator('pl');

/** The Warsaw month of an instant, "YYYY-MM". */
export function monthOf(instant: Date): string {
  const { year, month } = localParts(instant);
  return monthKey(year, month);
}

function emptyCell(county: boolean): IndicatorCell {
  const na = county ? null : 0;
  return {
    meetings: Object.fromEntries(MEETING_TYPES.map((t) => [t, 0])) as Record<MeetingTypeName, number>,
    attendance: 0,
    seatsLocality: na,
    seatsOrganisation: na,
    threads: 0,
    posts: 0,
    consultationsOpened: 0,
    consultationsClosed: 0,
    positions: na,
    responsesPaper: na,
    responsesInvitation: na,
    responsesOpenLink: na,
    documents: 0,
    news: 0,
  };
}

/** `column` limited to the areas in view: every commune and the county-wide rows, or these communes. */
function inScope(column: SQL, scope: 'all' | number[]): SQL {
  if (scope === 'all') return sql`true`;
  return sql`${column} in (${sql.join(scope.map((id) => sql`${id}`), sql`, `)})`;
}

const warsawMonth = (column: SQL) => sql`to_char(${column} at time zone 'Europe/Warsaw', 'YYYY-MM')`;

type Counted = { month: string; communeId: number | null; n: number };

async function select<T>(query: SQL): Promise<T[]> {
  return rows<T>(await db.execute(query));
}

/** Rows of (month, commune, n) from a grouped query, with numbers as numbers on both drivers. */
async function counted(query: SQL): Promise<Counted[]> {
  return (await select<{ month: string; communeId: number | null; n: number | string }>(query)).map((r) => ({
    month: r.month,
    communeId: r.communeId === null ? null : Number(r.communeId),
    n: Number(r.n),
  }));
}

/**
 * The indicators for the months and commune the viewer asked for, within what they may see
 * (lib/indicators/permissions.ts): who is it → may they at all → does the commune exist → is it
 * theirs. `now` is when "held" and "published" are judged (meetings to come are not counted).
 */
export async function getIndicators({ actor, params, now = new Date() }: { actor: CurrentUser | null; params: IndicatorParams; now?: Date }): Promise<Indicators> {
  const user = requireUser(actor);
  const scope = indicatorScope(user);
  ensure(scope !== null);

  const allCommunes = await db.select({ id: communes.id, name: communes.name, slug: communes.slug, active: communes.active }).from(communes);
  const visible = allCommunes.filter((c) => scope === 'all' || scope.includes(c.id)).sort((a, b) => collator.compare(a.name, b.name));
  let commune: Indicators['commune'] = null;
  if (params.commune) {
    const found = allCommunes.find((c) => c.slug === params.commune);
    if (!found) throw new AppError('not_found:commune');
    ensure(scope === 'all' || scope.includes(found.id));
    commune = { id: found.id, name: found.name, slug: found.slug };
  }
  // The rows' areas: the chosen commune, or every commune in scope (inactive ones only with data,
  // see below) and, for a county-wide viewer, the county-wide items.
  const areaScope: 'all' | number[] = commune ? [commune.id] : scope;

  const { from, to, months } = monthSpan(params, monthOf(now));
  const start = monthRange(parseMonth(from).year, parseMonth(from).month).from;
  const end = monthRange(parseMonth(to).year, parseMonth(to).month).to;
  const firstDay = `${from}-01`;
  const afterLastDay = (() => {
    const { year, month } = parseMonth(to);
    return month === 12 ? `${year + 1}-01-01` : `${monthKey(year, month + 1)}-01`;
  })();
  const inRange = (column: SQL) => sql`${column} >= ${start.toISOString()}::timestamptz and ${column} < ${end.toISOString()}::timestamptz`;
  const notAfterNow = (column: SQL) => sql`${column} <= ${now.toISOString()}::timestamptz`;

  const [meetingRows, threadRows, postRows, openedRows, closedRows, positionRows, responseRows, newsRows, activityRows, seatRows, settings, documentRows] = await Promise.all([
    select<{ month: string; communeId: number | null; type: MeetingTypeName; n: number | string; attendance: number | string }>(sql`
        select ${warsawMonth(sql`m.starts_at`)} as month, m.commune_id as "communeId", m.type::text as type,
               count(*)::int as n, coalesce(sum(a.n), 0)::int as attendance
        from meetings m
        left join (select meeting_id, count(*) as n from meeting_attendance group by meeting_id) a on a.meeting_id = m.id
        where m.cancelled_at is null and ${inRange(sql`m.starts_at`)} and ${notAfterNow(sql`m.starts_at`)} and ${inScope(sql`m.commune_id`, areaScope)}
        group by 1, 2, 3`),
    counted(sql`
      select ${warsawMonth(sql`t.created_at`)} as month, t.commune_id as "communeId", count(*)::int as n
      from forum_threads t where ${inRange(sql`t.created_at`)} and ${inScope(sql`t.commune_id`, areaScope)} group by 1, 2`),
    // Posts a moderator hid are not counted: they are no longer part of the discussion.
    counted(sql`
      select ${warsawMonth(sql`p.created_at`)} as month, t.commune_id as "communeId", count(*)::int as n
      from forum_posts p join forum_threads t on t.id = p.thread_id
      where p.hidden_at is null and ${inRange(sql`p.created_at`)} and ${inScope(sql`t.commune_id`, areaScope)} group by 1, 2`),
    counted(sql`
      select ${warsawMonth(sql`c.created_at`)} as month, c.commune_id as "communeId", count(*)::int as n
      from forum_consultations c where ${inRange(sql`c.created_at`)} and ${inScope(sql`c.commune_id`, areaScope)} group by 1, 2`),
    // A consultation closes at its deadline: counted in the month the deadline passed.
    counted(sql`
      select ${warsawMonth(sql`c.deadline`)} as month, c.commune_id as "communeId", count(*)::int as n
      from forum_consultations c where ${inRange(sql`c.deadline`)} and ${notAfterNow(sql`c.deadline`)} and ${inScope(sql`c.commune_id`, areaScope)} group by 1, 2`),
    // A position counts for the commune whose seat its member held when taking it (copied then).
    counted(sql`
      select ${warsawMonth(sql`p.created_at`)} as month, p.commune_id as "communeId", count(*)::int as n
      from forum_consultation_positions p where ${inRange(sql`p.created_at`)} and ${inScope(sql`p.commune_id`, areaScope)} group by 1, 2`),
    // Days are already Warsaw days in the aggregate. Online responses are by invitation code or by
    // the open link, as the survey was set up.
    select<{ month: string; communeId: number; channel: 'paper' | 'invitation' | 'open_link'; n: number | string }>(sql`
        select to_char(d.day, 'YYYY-MM') as month, d.commune_id as "communeId",
               case when d.channel = 'paper' then 'paper' when s.response_mode = 'invitation' then 'invitation' else 'open_link' end as channel,
               sum(d.responses)::bigint as n
        from results_daily d join surveys s on s.id = d.survey_id
        where d.day >= ${firstDay}::date and d.day < ${afterLastDay}::date and ${inScope(sql`d.commune_id`, areaScope)}
        group by 1, 2, 3`),
    counted(sql`
      select ${warsawMonth(sql`a.published_at`)} as month, a.commune_id as "communeId", count(*)::int as n
      from articles a where a.status = 'published' and ${inRange(sql`a.published_at`)} and ${notAfterNow(sql`a.published_at`)} and ${inScope(sql`a.commune_id`, areaScope)}
      group by 1, 2`),
    // A member is active in a month in the commune whose seat they held when they acted: wrote a
    // post (not hidden), took a position or rated a service.
    select<{ month: string; communeId: number; userId: string }>(sql`
        select distinct ${warsawMonth(sql`e.at`)} as month, m.commune_id as "communeId", e.user_id as "userId"
        from (
          select p.author_id as user_id, p.created_at as at from forum_posts p where p.author_id is not null and p.hidden_at is null and ${inRange(sql`p.created_at`)}
          union all
          select q.user_id, q.created_at from forum_consultation_positions q where ${inRange(sql`q.created_at`)}
          union all
          select s.user_id, s.created_at from forum_scorecards s where ${inRange(sql`s.created_at`)}
        ) e
        join forum_memberships m on m.user_id = e.user_id and m.status in ('approved', 'ended') and m.decided_at is not null
          and m.decided_at <= e.at and (m.ended_at is null or m.ended_at > e.at)
        where ${inScope(sql`m.commune_id`, areaScope)}`),
    // Seats ever held: the months' ends are matched against these below (a few hundred rows).
    db
      .select({ communeId: memberships.communeId, representation: memberships.representation, decidedAt: memberships.decidedAt, endedAt: memberships.endedAt })
      .from(memberships)
      .where(sql`${memberships.status} in ('approved', 'ended') and ${memberships.decidedAt} is not null and ${memberships.decidedAt} < ${end.toISOString()}::timestamptz and ${inScope(sql`${memberships.communeId}`, areaScope)}`),
    getForumSettings(),
    // A document is published when its first version is uploaded; one attached to a news article
    // only once the article is out (till then it is as private as the draft). Members-only
    // documents count: they are published to the forum. A new version is not a new document.
    counted(sql`
      select ${warsawMonth(sql`x.at`)} as month, x.commune_id as "communeId", count(*)::int as n
      from (
        select d.commune_id, case when a.id is null then v.created_at else greatest(v.created_at, a.published_at) end as at
        from documents d
        join document_versions v on v.document_id = d.id and v.number = 1
        left join articles a on a.id = d.article_id
        where (d.article_id is null or a.status = 'published') and ${inScope(sql`d.commune_id`, areaScope)}
      ) x
      where ${inRange(sql`x.at`)} and ${notAfterNow(sql`x.at`)}
      group by 1, 2`),
  ]);

  // The areas: communes in view (an inactive one only when it has figures), then the county.
  const withData = new Set<number | null>([
    ...meetingRows.map((r) => r.communeId),
    ...[...threadRows, ...postRows, ...openedRows, ...closedRows, ...positionRows, ...newsRows].map((r) => r.communeId),
    ...responseRows.map((r) => Number(r.communeId)),
    ...seatRows.map((r) => r.communeId),
  ]);
  const areaCommunes = commune ? [commune] : visible.filter((c) => c.active || withData.has(c.id));
  const areas: IndicatorArea[] = [...areaCommunes.map((c) => ({ communeId: c.id, name: c.name })), ...(areaScope === 'all' ? [{ communeId: null, name: null }] : [])];

  const cells = new Map<string, IndicatorCell>();
  for (const month of months) for (const area of areas) cells.set(cellKey(month, area.communeId), emptyCell(area.communeId === null));
  // Rows outside the areas (an inactive commune without data cannot have any) are ignored.
  const cellOf = (month: string, communeId: number | null) => cells.get(cellKey(month, communeId));

  for (const r of meetingRows) {
    const cell = cellOf(r.month, r.communeId === null ? null : Number(r.communeId));
    if (!cell) continue;
    cell.meetings[r.type] += Number(r.n);
    cell.attendance += Number(r.attendance);
  }
  const add = (list: Counted[], field: 'threads' | 'posts' | 'consultationsOpened' | 'consultationsClosed' | 'news' | 'documents') => {
    for (const r of list) {
      const cell = cellOf(r.month, r.communeId);
      if (cell) cell[field] += r.n;
    }
  };
  add(threadRows, 'threads');
  add(postRows, 'posts');
  add(openedRows, 'consultationsOpened');
  add(closedRows, 'consultationsClosed');
  add(newsRows, 'news');
  add(documentRows, 'documents');
  for (const r of positionRows) {
    const cell = cellOf(r.month, r.communeId);
    if (cell) cell.positions = (cell.positions ?? 0) + r.n;
  }
  const channelField = { paper: 'responsesPaper', invitation: 'responsesInvitation', open_link: 'responsesOpenLink' } as const;
  for (const r of responseRows) {
    const cell = cellOf(r.month, Number(r.communeId));
    if (cell) cell[channelField[r.channel]] = (cell[channelField[r.channel]] ?? 0) + Number(r.n);
  }

  // Seats at each month's end, or now for a month not yet over.
  for (const month of months) {
    const { year, month: m } = parseMonth(month);
    const monthEnd = monthRange(year, m).to;
    const at = monthEnd.getTime() < now.getTime() ? monthEnd : now;
    for (const seat of seatRows) {
      const cell = cellOf(month, seat.communeId);
      if (!cell || !seat.decidedAt || seat.decidedAt.getTime() > at.getTime()) continue;
      if (seat.endedAt && seat.endedAt.getTime() <= at.getTime()) continue;
      if (quotaOf(seat.representation) === 'locality') cell.seatsLocality = (cell.seatsLocality ?? 0) + 1;
      else cell.seatsOrganisation = (cell.seatsOrganisation ?? 0) + 1;
    }
  }

  const distinct = <K>(keyOf: (r: (typeof activityRows)[number]) => K) => {
    const sets = new Map<K, Set<string>>();
    for (const r of activityRows) {
      const key = keyOf(r);
      if (key === undefined) continue;
      (sets.get(key) ?? sets.set(key, new Set()).get(key)!).add(r.userId);
    }
    return new Map([...sets].map(([k, s]) => [k, s.size]));
  };

  return {
    from,
    to,
    months,
    areas,
    commune,
    wholeCounty: scope === 'all',
    communes: visible.map(({ id, name, slug }) => ({ id, name, slug })),
    quotas: { locality: settings.localityQuota, organisation: settings.organisationQuota },
    cells,
    membersActive: {
      byCell: distinct((r) => cellKey(r.month, Number(r.communeId))),
      byMonth: distinct((r) => r.month),
      byCommune: distinct((r) => Number(r.communeId)),
      total: new Set(activityRows.map((r) => r.userId)).size,
    },
  };
}
