// The one local-time module: wall-clock times in the county's zone (Europe/Warsaw) ↔ instants.
// Built on the Temporal API (temporal-polyfill) instead of offset arithmetic, with the zone rules
// from the runtime's tz database. Browser-safe: forms check input with it, the server stores with
// it, so both always agree. Meetings, consultation deadlines, news and the seeds all go through here.
import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import { TIME_ZONE } from './i18n/locales';

/** The county's zone (the catalogue's formatting uses the same, lib/i18n/locales.ts). */
export const ZONE = TIME_ZONE;

/** What a datetime-local input gives: "2026-12-03T17:00". */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Why a wall-clock time names no single instant: not a real date and time ('invalid': 31 February,
 * 24:00, free text), a time the clocks skip in spring ('nonexistent': 02:00–02:59 on the last Sunday
 * of March), or one they show twice in autumn ('ambiguous': 02:00–02:59 on the last Sunday of
 * October, which could be either of two instants an hour apart).
 */
export type LocalTimeProblem = 'invalid' | 'nonexistent' | 'ambiguous';
export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; reason: LocalTimeProblem };

/** The message key (errors.*) for each problem, in the catalogue under lib/i18n/messages. */
export const LOCAL_TIME_ERRORS: Record<LocalTimeProblem, string> = {
  invalid: 'datetime_invalid',
  nonexistent: 'time_nonexistent',
  ambiguous: 'time_ambiguous',
};

function zoned(instant: Date): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(ZONE);
}

/**
 * The instant of a wall-clock time in Warsaw ("2026-03-29T10:00"). Refuses impossible dates
 * (overflow: 'reject', so 31 February is not quietly 3 March), times the spring change skips and
 * times the autumn change repeats: the person typing must say which moment they mean.
 */
export function fromLocal(value: string): LocalTimeResult {
  if (!LOCAL.test(value)) return { ok: false, reason: 'invalid' };
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(value, { overflow: 'reject' });
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const candidates = possibleInstants(local);
  if (candidates.length === 0) return { ok: false, reason: 'nonexistent' };
  if (candidates.length > 1) return { ok: false, reason: 'ambiguous' };
  return { ok: true, instant: new Date(candidates[0]!.epochMilliseconds) };
}

/**
 * Every instant the wall clock shows `local` at: one on an ordinary day, none in the spring gap,
 * two in the autumn overlap. 'reject' throws exactly when there is not one; the earlier and later
 * resolutions then tell a gap (they differ, neither reads back as `local`) from an overlap.
 */
function possibleInstants(local: Temporal.PlainDateTime): Temporal.Instant[] {
  try {
    return [local.toZonedDateTime(ZONE, { disambiguation: 'reject' }).toInstant()];
  } catch {
    const earlier = local.toZonedDateTime(ZONE, { disambiguation: 'earlier' });
    const later = local.toZonedDateTime(ZONE, { disambiguation: 'later' });
    const readsBack = (z: Temporal.ZonedDateTime) => z.toPlainDateTime().equals(local);
    return [earlier, later].filter(readsBack).map((z) => z.toInstant());
  }
}

/** The datetime-local value ("YYYY-MM-DDTHH:mm") of an instant, in Warsaw. */
export function toLocal(instant: Date): string {
  return zoned(instant).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The wall clock in Warsaw at an instant. */
export function localParts(instant: Date): WallClock {
  const z = zoned(instant);
  return { year: z.year, month: z.month, day: z.day, hour: z.hour, minute: z.minute, second: z.second };
}

/** Minutes Warsaw is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date): number {
  return zoned(instant).offsetNanoseconds / 60e9;
}

/** "YYYY-MM-DD" of the Warsaw day an instant falls on. */
export function dayKey(instant: Date): string {
  return zoned(instant).toPlainDate().toString();
}

/** The instants where a Warsaw calendar month starts and the next one starts. */
export function monthRange(year: number, month: number): { from: Date; to: Date } {
  const first = Temporal.PlainDate.from({ year, month, day: 1 }, { overflow: 'reject' });
  const start = (d: Temporal.PlainDate) => new Date(d.toZonedDateTime({ timeZone: ZONE }).epochMilliseconds);
  return { from: start(first), to: start(first.add({ months: 1 })) };
}

/** The instant of a Warsaw wall-clock `time` ("18:00") `days` after (or before) today (the seeds' dates). */
export function daysFromToday(days: number, time: string, now: Date = new Date()): Date {
  const day = zoned(now).toPlainDate().add({ days });
  const result = fromLocal(`${day.toString()}T${time}`);
  if (!result.ok) throw new Error(`${day.toString()}T${time} is ${result.reason} in ${ZONE}`);
  return result.instant;
}

/** The quarter an instant falls in, in Warsaw: year * 10 + quarter (20264 = Q4 2026). */
export function quarterOf(instant: Date): number {
  const z = zoned(instant);
  return z.year * 10 + Math.ceil(z.month / 3);
}

/**
 * A datetime-local form value read as the Warsaw wall clock, to a Date; an impossible, skipped or
 * repeated time is a field error with its own message (see LOCAL_TIME_ERRORS).
 */
export const localDateTime = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .transform((value, ctx) => {
    const result = fromLocal(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: LOCAL_TIME_ERRORS[result.reason] });
      return z.NEVER;
    }
    return result.instant;
  });

/**
 * An optional field of the same kind: empty is null; a datetime-local value is read as above; a
 * Date (an instant, already unambiguous — code that calls lib/ directly) is taken as it is.
 */
export const optionalLocalDateTime = z.unknown().transform((value, ctx): Date | null => {
  if (value === '' || value === null || value === undefined) return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const result: LocalTimeResult = typeof value === 'string' ? fromLocal(value.trim()) : { ok: false, reason: 'invalid' };
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: LOCAL_TIME_ERRORS[result.reason] });
    return z.NEVER;
  }
  return result.instant;
});

/** The datetime-local value of an optional instant (a Date, or its ISO text), or ''. */
export function toLocalInput(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(instant.getTime()) ? '' : toLocal(instant);
}
