import * as z from 'zod';
import { withMarkdownLimits } from '@/lib/markdown/limits';
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
  description: withMarkdownLimits(optionalText(20_000)),
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
  minutes: withMarkdownLimits(z.string({ error: 'required' }).trim().min(10, 'minutes_too_short').max(50_000, 'text_too_long')),
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

/**
 * Whom a person at a meeting speaks for: the forum's representation types (lib/forum, the seats of
 * the 5 + 5 quota) and "other" for residents, officials and guests.
 */
export const ATTENDANCE_REPRESENTATIONS = ['locality', 'ngo', 'business', 'other'] as const;
export type AttendanceRepresentationName = (typeof ATTENDANCE_REPRESENTATIONS)[number];
/** Walk-ins added at once: a conference hall, not a stadium. */
export const MAX_WALK_INS = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ticks on the sign-up list: one checkbox per person, named present_<user id> (a form's entries
 * are read into a plain object, one value per name), gathered into presentUserIds.
 */
export const signUpAttendanceSchema = z
  .object({ meetingId: serialId })
  .catchall(z.unknown())
  .transform(({ meetingId, ...rest }) => {
    const presentUserIds: string[] = [];
    for (const [key, value] of Object.entries(rest)) {
      const id = key.startsWith('present_') ? key.slice('present_'.length) : null;
      if (id && UUID.test(id) && (value === 'on' || value === true)) presentUserIds.push(id.toLowerCase());
    }
    return { meetingId, presentUserIds };
  });

export const walkInSchema = z
  .object({
    meetingId: serialId,
    name: z
      .string()
      .trim()
      .max(120, 'name_too_long')
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'invalid')
      .optional()
      .transform((v) => v || null),
    representation: z.enum(ATTENDANCE_REPRESENTATIONS, { error: 'representation_required' }),
    count: z.coerce.number({ error: 'walk_in_count_invalid' }).int('walk_in_count_invalid').min(1, 'walk_in_count_invalid').max(MAX_WALK_INS, 'walk_in_count_invalid'),
  })
  .superRefine((value, ctx) => {
    // A name is one person's: several people at once are counted without names.
    if (value.name !== null && value.count !== 1) ctx.addIssue({ code: 'custom', path: ['count'], message: 'walk_in_named_one' });
  });
export type WalkInInput = z.output<typeof walkInSchema>;

export const removeAttendanceSchema = z.object({ meetingId: serialId, attendanceId: serialId });
