import { z } from 'zod';
import { localDateTime } from '@/lib/local-time';

// Safe to import in the browser: the meeting forms and the server actions share these schemas.
// Messages are keys in the "errors" namespace of the message catalogue.

export const MEETING_TYPES = ['forum_session', 'workshop', 'consultation', 'conference', 'training'] as const;
export type MeetingTypeName = (typeof MEETING_TYPES)[number];
export const MEETINGS_PAGE_SIZE = 20;

export const serialId = z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid').max(2_147_483_647, 'invalid');

/** The "commune or county" select: empty means the whole county. */
export const communeChoice = z
  .union([z.literal(''), z.null(), serialId])
  .optional()
  .transform((value) => (typeof value === 'number' ? value : null));

/** A same-site path ("/forum/…", "/s/…") or an absolute https URL; anything else is a broken link. */
export function isSafeLink(value: string): boolean {
  if (/\s|\\/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** An https URL only (an online meeting room). */
export function isHttpsUrl(value: string): boolean {
  return !value.startsWith('/') && isSafeLink(value);
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'text_too_long')
    .optional()
    .transform((v) => v ?? '');

const optionalLink = (check: (v: string) => boolean, key: string) =>
  z
    .string()
    .trim()
    .max(2000, key)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || check(v), key);

const meetingFields = z.object({
  type: z.enum(MEETING_TYPES, { error: 'required' }),
  title: z.string({ error: 'required' }).trim().min(3, 'title_too_short').max(200, 'title_too_long'),
  description: optionalText(20_000),
  agenda: optionalText(10_000),
  startsAt: localDateTime,
  endsAt: localDateTime,
  address: z.string({ error: 'required' }).trim().min(3, 'address_too_short').max(300, 'text_too_long'),
  onlineUrl: optionalLink(isHttpsUrl, 'url_https_required'),
  communeId: communeChoice,
  linkUrl: optionalLink(isSafeLink, 'link_invalid'),
  capacity: z
    .union([z.literal(''), z.coerce.number({ error: 'capacity_invalid' }).int('capacity_invalid').min(1, 'capacity_invalid').max(100_000, 'capacity_invalid')])
    .optional()
    .transform((v) => (typeof v === 'number' ? v : null)),
});

function endAfterStart(value: { startsAt: Date; endsAt: Date }, ctx: z.RefinementCtx) {
  if (value.endsAt.getTime() <= value.startsAt.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'ends_before_start' });
  }
}

export type MeetingInput = z.output<typeof meetingFields>;

/** A new meeting: it must end after it starts, and it must not start in the past. */
export const createMeetingSchema = meetingFields.superRefine((value, ctx) => {
  endAfterStart(value, ctx);
  if (value.startsAt.getTime() < Date.now()) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'starts_in_past' });
});

/** Editing keeps a past start (a meeting that has happened can be corrected). */
export const updateMeetingSchema = meetingFields.extend({ id: serialId }).superRefine(endAfterStart);

export const minutesSchema = z.object({
  meetingId: serialId,
  minutes: z.string({ error: 'required' }).trim().min(10, 'minutes_too_short').max(50_000, 'text_too_long'),
});

export const attendanceSchema = z.object({ meetingId: serialId });

/** The calendar's filters, from the query string; anything unknown is ignored rather than an error. */
export const calendarFiltersSchema = z.object({
  commune: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
  type: z.enum(MEETING_TYPES).optional().catch(undefined),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  view: z.enum(['month', 'list', 'archive']).optional().catch(undefined),
  cursor: z.string().regex(/^\d{1,10}$/).optional().catch(undefined),
});

export const cancelMeetingSchema = z.object({
  meetingId: serialId,
  reason: z.string({ error: 'required' }).trim().min(3, 'reason_required').max(2000, 'text_too_long'),
});
