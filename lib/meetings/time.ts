// Wall-clock times in the county's zone (Europe/Warsaw) ↔ instants. Browser-safe: the forms use it
// to check input, the server to store it. Only Intl is used, so the host's zone never matters.

export const ZONE = 'Europe/Warsaw';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock in Warsaw at an instant. */
export function warsawParts(instant: Date): WallClock & { second: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes Warsaw is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function warsawOffsetMinutes(instant: Date): number {
  const p = warsawParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function parseLocal(value: string): WallClock | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  // Rejects 31 February and the like.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute };
}

function sameClock(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; reason: 'invalid' | 'nonexistent' };

/**
 * The instant of a wall-clock time in Warsaw ("2026-03-29T10:00", as a datetime-local input gives
 * it). Around the change to summer time (last Sunday of March) 02:00–02:59 does not exist and is
 * refused; around the change back (last Sunday of October) 02:00–02:59 happens twice and the first
 * (summer-time) one is taken, as people mean "before the clocks go back".
 */
export function fromWarsawLocal(value: string): LocalTimeResult {
  const clock = parseLocal(value);
  if (!clock) return { ok: false, reason: 'invalid' };
  const naive = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  // Try both offsets Warsaw uses, summer first: the first that reads back as the same wall clock wins.
  for (const offset of [120, 60]) {
    const instant = new Date(naive - offset * 60_000);
    if (sameClock(warsawParts(instant), clock)) return { ok: true, instant };
  }
  return { ok: false, reason: 'nonexistent' };
}

/** The datetime-local value ("YYYY-MM-DDTHH:mm") of an instant, in Warsaw. */
export function toWarsawLocal(instant: Date): string {
  const p = warsawParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instants where a Warsaw calendar month starts and the next one starts. */
export function warsawMonthRange(year: number, month: number): { from: Date; to: Date } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const from = fromWarsawLocal(`${year}-${pad(month)}-01T00:00`);
  const to = fromWarsawLocal(`${next.year}-${pad(next.month)}-01T00:00`);
  if (!from.ok || !to.ok) throw new Error('month out of range');
  return { from: from.instant, to: to.instant };
}

/** "YYYY-MM-DD" of the Warsaw day an instant falls on. */
export function warsawDayKey(instant: Date): string {
  return toWarsawLocal(instant).slice(0, 10);
}
