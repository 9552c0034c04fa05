import { expect } from 'vitest';
import { db } from '@/db/client';
import {
  articles,
  consultations,
  documents,
  documentVersions,
  forumSettings,
  meetingAttendance,
  meetings,
  memberships,
  positions,
  posts,
  scorecards,
  surveyResponses,
  surveys,
  threads,
} from '@/db/schema';
import type { IndicatorCell, Indicators } from './queries';

// Shared by the indicators' tests (not shipped: only *.test.ts import it). The expected figures
// are computed here from every raw row, in plain JS, with the rules as the page states them — not
// with lib/indicators' queries, lib/local-time or the dashboards' aggregates — so a wrong query,
// a wrong month boundary or a stale aggregate shows up as a difference.

const warsaw = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' });

/** "YYYY-MM" of an instant on a Warsaw wall calendar. */
export function warsawMonth(instant: Date): string {
  const parts = Object.fromEntries(warsaw.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

/** The first instant after a Warsaw month: the first instant whose Warsaw month is the next one. */
function afterMonth(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Midnight UTC on the 1st of the next month is 01:00 or 02:00 there; step back to the change.
  let t = Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 3 * 3600_000;
  while (warsawMonth(new Date(t)) === month) t += 60_000;
  return new Date(t);
}

/** A cell as getIndicators gives it, with its members active beside it. */
export type ExpectedCell = IndicatorCell & { membersActive: number | null };

/** Every figure of every (month, area) cell, from the raw rows. `areas`: commune ids, null for county-wide. */
export async function expectedIndicators({ months, areas, now }: { months: string[]; areas: (number | null)[]; now: Date }) {
  const [meetingRows, attendanceRows, threadRows, postRows, consultationRows, positionRows, responseRows, surveyRows, articleRows, membershipRows, scorecardRows, settingsRows, documentRows, versionRows] = await Promise.all([
    db.select().from(meetings),
    db.select().from(meetingAttendance),
    db.select().from(threads),
    db.select().from(posts),
    db.select().from(consultations),
    db.select().from(positions),
    db.select({ surveyId: surveyResponses.surveyId, communeId: surveyResponses.communeId, channel: surveyResponses.channel, submittedAt: surveyResponses.submittedAt }).from(surveyResponses),
    db.select({ id: surveys.id, responseMode: surveys.responseMode }).from(surveys),
    db.select().from(articles),
    db.select().from(memberships),
    db.select().from(scorecards),
    db.select().from(forumSettings),
    db.select().from(documents),
    db.select().from(documentVersions),
  ]);
  expect(settingsRows.length).toBeLessThanOrEqual(1);

  const cells = new Map<string, ExpectedCell>();
  const key = (month: string, area: number | null) => `${month}|${area ?? 'county'}`;
  for (const month of months) {
    for (const area of areas) {
      const county = area === null;
      cells.set(key(month, area), {
        meetings: { forum_session: 0, workshop: 0, consultation: 0, conference: 0, training: 0 },
        attendance: 0,
        seatsLocality: county ? null : 0,
        seatsOrganisation: county ? null : 0,
        threads: 0,
        posts: 0,
        consultationsOpened: 0,
        consultationsClosed: 0,
        positions: county ? null : 0,
        responsesPaper: county ? null : 0,
        responsesInvitation: county ? null : 0,
        responsesOpenLink: county ? null : 0,
        documents: 0,
        news: 0,
        membersActive: county ? null : 0,
      });
    }
  }
  const cell = (at: Date, area: number | null) => cells.get(key(warsawMonth(at), area));

  for (const m of meetingRows) {
    if (m.cancelledAt || m.startsAt > now) continue;
    const c = cell(m.startsAt, m.communeId);
    if (!c) continue;
    c.meetings[m.type]!++;
    c.attendance += attendanceRows.filter((a) => a.meetingId === m.id).length;
  }
  const threadCommune = new Map(threadRows.map((t) => [t.id, t.communeId]));
  for (const t of threadRows) {
    const c = cell(t.createdAt, t.communeId);
    if (c) c.threads++;
  }
  for (const p of postRows) {
    if (p.hiddenAt) continue;
    const c = cell(p.createdAt, threadCommune.get(p.threadId)!);
    if (c) c.posts++;
  }
  for (const k of consultationRows) {
    const opened = cell(k.createdAt, k.communeId);
    if (opened) opened.consultationsOpened++;
    const closed = k.deadline <= now ? cell(k.deadline, k.communeId) : undefined;
    if (closed) closed.consultationsClosed++;
  }
  for (const p of positionRows) {
    const c = cell(p.createdAt, p.communeId);
    if (c) c.positions!++;
  }
  const mode = new Map(surveyRows.map((s) => [s.id, s.responseMode]));
  for (const r of responseRows) {
    const c = cell(r.submittedAt, r.communeId);
    if (!c) continue;
    if (r.channel === 'paper') c.responsesPaper!++;
    else if (mode.get(r.surveyId) === 'invitation') c.responsesInvitation!++;
    else c.responsesOpenLink!++;
  }
  for (const a of articleRows) {
    if (a.status !== 'published' || a.publishedAt > now) continue;
    const c = cell(a.publishedAt, a.communeId);
    if (c) c.news++;
  }
  // A document from its first version; an article's attachment not before the article is out.
  for (const d of documentRows) {
    const versions = versionRows.filter((v) => v.documentId === d.id);
    if (versions.length === 0) continue;
    let published = versions.reduce((first, v) => (v.createdAt < first ? v.createdAt : first), versions[0]!.createdAt);
    if (d.articleId !== null) {
      const a = articleRows.find((r) => r.id === d.articleId)!;
      if (a.status !== 'published') continue;
      if (a.publishedAt > published) published = a.publishedAt;
    }
    if (published > now) continue;
    const c = cell(published, d.communeId);
    if (c) c.documents++;
  }

  // Seats at each month's end (or now): decided, approved then, not yet ended.
  const quotaOf = (r: string) => (r === 'locality' ? 'seatsLocality' : 'seatsOrganisation');
  for (const month of months) {
    const end = afterMonth(month);
    const at = end < now ? end : now;
    for (const m of membershipRows) {
      if (m.status !== 'approved' && m.status !== 'ended') continue;
      if (!m.decidedAt || m.decidedAt > at || (m.endedAt && m.endedAt <= at)) continue;
      const c = cells.get(key(month, m.communeId));
      if (c) (c[quotaOf(m.representation)] as number)++;
    }
  }

  // Members active: acted (a post not hidden, a position, a rating) while holding a seat; in the commune of that seat.
  const acts = [
    ...postRows.filter((p) => p.authorId && !p.hiddenAt).map((p) => ({ userId: p.authorId!, at: p.createdAt })),
    ...positionRows.map((p) => ({ userId: p.userId, at: p.createdAt })),
    ...scorecardRows.map((s) => ({ userId: s.userId, at: s.createdAt })),
  ];
  const active = new Map<string, Set<string>>();
  const note = (k: string, userId: string) => (active.get(k) ?? active.set(k, new Set()).get(k)!).add(userId);
  for (const act of acts) {
    const month = warsawMonth(act.at);
    if (!months.includes(month)) continue;
    const seat = membershipRows.find(
      (m) => m.userId === act.userId && (m.status === 'approved' || m.status === 'ended') && m.decidedAt && m.decidedAt <= act.at && (!m.endedAt || m.endedAt > act.at),
    );
    if (!seat || !areas.includes(seat.communeId)) continue;
    note(key(month, seat.communeId), act.userId);
    note(`month|${month}`, act.userId);
    note(`commune|${seat.communeId}`, act.userId);
    note('total', act.userId);
  }
  for (const [k, c] of cells) if (c.membersActive !== null) c.membersActive = active.get(k)?.size ?? 0;
  const size = (k: string) => active.get(k)?.size ?? 0;
  return {
    cells,
    quotas: { locality: settingsRows[0]?.localityQuota ?? 5, organisation: settingsRows[0]?.organisationQuota ?? 5 },
    byMonth: Object.fromEntries(months.map((m) => [m, size(`month|${m}`)])),
    byCommune: Object.fromEntries(areas.filter((a) => a !== null).map((a) => [a, size(`commune|${a}`)])),
    total: size('total'),
  };
}

/** getIndicators' figures in the same shape, to compare whole. */
export function actualCells(d: Indicators): Map<string, ExpectedCell> {
  return new Map([...d.cells].map(([k, c]) => [k, { ...c, membersActive: k.endsWith('|county') ? null : (d.membersActive.byCell.get(k) ?? 0) }]));
}
