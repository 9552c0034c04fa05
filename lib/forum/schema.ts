import * as z from 'zod';
import { withMarkdownLimits } from '@/lib/markdown/limits';

// Safe to import in the browser: the forum's forms and server actions share these schemas.
// Messages are keys in the "errors" namespace of the message catalogue. A consultation's form,
// with its deadline in Warsaw time (Temporal), has its own module: consultation-schema.ts.

export const REPRESENTATIONS = ['locality', 'ngo', 'business'] as const;
export const POSITIONS = ['supports', 'supports_with_remarks', 'opposes', 'abstains'] as const;
export const THREAD_FLAGS = ['lock', 'unlock', 'pin', 'unpin'] as const;
export const POSTS_PER_PAGE = 20;
export const THREADS_PER_PAGE = 25;
export const MAX_POST_LENGTH = 20_000;

export type RepresentationValue = (typeof REPRESENTATIONS)[number];
export type PositionValue = (typeof POSITIONS)[number];
export type ThreadFlag = (typeof THREAD_FLAGS)[number];

export const serialId = z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid').max(2_147_483_647, 'invalid');
const bigId = z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid').max(Number.MAX_SAFE_INTEGER, 'invalid');

/** An empty select ("whole county") means no commune. */
export const optionalCommuneId = z
  .union([z.literal(''), z.null(), serialId])
  .optional()
  .transform((value) => (typeof value === 'number' ? value : null));

const reason = z.string({ error: 'required' }).trim().min(3, 'reason_too_short').max(1000, 'reason_too_long');

/** A post body: Markdown, not empty, at most 20,000 characters. */
export const postBody = withMarkdownLimits(
  z
    .string({ error: 'post_empty' })
    .max(MAX_POST_LENGTH, 'post_too_long')
    .refine((value) => value.trim().length > 0, 'post_empty')
    // NUL and other control characters (but tab/newline) are malformed input, never text.
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value), 'post_malformed'),
);

/**
 * Service areas come from checkboxes named area_<id> (one field each, since a form's entries are
 * read into a plain object); they are gathered into serviceAreaIds, at least one.
 */
export function withAreas<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .catchall(z.unknown())
    .transform((value, ctx) => {
      const serviceAreaIds: number[] = [];
      for (const [key, v] of Object.entries(value)) {
        const match = /^area_([1-9][0-9]{0,8})$/.exec(key);
        if (match && (v === true || v === 'on')) serviceAreaIds.push(Number(match[1]));
      }
      if (serviceAreaIds.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['areas'], message: 'areas_required' });
        return z.NEVER;
      }
      const picked = Object.fromEntries(Object.keys(shape).map((k) => [k, (value as Record<string, unknown>)[k]])) as z.output<z.ZodObject<T>>;
      return { ...picked, serviceAreaIds };
    });
}

export const applySchema = z
  .object({
    communeId: serialId,
    representation: z.enum(REPRESENTATIONS, { error: 'required' }),
    localityId: z.union([z.literal(''), serialId]).optional().transform((v) => (typeof v === 'number' ? v : null)),
    organisation: z.string().trim().max(200, 'organisation_too_long').optional().transform((v) => v || null),
    statement: z.string().trim().max(2000, 'statement_too_long').optional().transform((v) => v ?? ''),
  })
  .superRefine((value, ctx) => {
    if (value.representation === 'locality' && value.localityId === null) {
      ctx.addIssue({ code: 'custom', path: ['localityId'], message: 'locality_required' });
    }
    if (value.representation !== 'locality' && (!value.organisation || value.organisation.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'organisation_required' });
    }
  });

export const decideMembershipSchema = z
  .object({
    membershipId: serialId,
    decision: z.enum(['approve', 'reject'], { error: 'invalid' }),
    reason: z.string().trim().max(1000, 'reason_too_long').optional().transform((v) => v ?? ''),
  })
  .refine((v) => v.decision === 'approve' || v.reason.length >= 3, { path: ['reason'], message: 'reason_required' });

export const endMembershipSchema = z.object({ membershipId: serialId, reason });
export const stepDownSchema = z.object({ membershipId: serialId });

export const threadTitle = z.string({ error: 'required' }).trim().min(5, 'title_too_short').max(200, 'title_too_long');

export const createThreadSchema = withAreas({ title: threadTitle, communeId: optionalCommuneId, body: postBody });

export const replySchema = z.object({
  threadId: serialId,
  body: postBody,
  quotedPostId: z.union([z.literal(''), bigId]).optional().transform((v) => (typeof v === 'number' ? v : null)),
});

export const editPostSchema = z.object({ postId: bigId, body: postBody });
export const reportPostSchema = z.object({ postId: bigId, reason });
export const moderatePostSchema = z
  .object({
    postId: bigId,
    action: z.enum(['hide', 'restore'], { error: 'invalid' }),
    reason: z.string().trim().max(1000, 'reason_too_long').optional().transform((v) => v ?? ''),
  })
  .refine((v) => v.action === 'restore' || v.reason.length >= 3, { path: ['reason'], message: 'reason_required' });
export const threadFlagSchema = z.object({ threadId: serialId, flag: z.enum(THREAD_FLAGS, { error: 'invalid' }) });
export const suspendSchema = z.object({
  postId: bigId,
  days: z.coerce.number({ error: 'invalid' }).int('invalid').min(1, 'days_range').max(365, 'days_range'),
  reason,
});
/** How far a member has read: the thread and the number of the last post their page showed. */
export const markReadSchema = z.object({ threadId: serialId, upTo: serialId });
export const followSchema = z.object({ threadId: serialId, follow: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const takePositionSchema = z.object({
  consultationId: serialId,
  position: z.enum(POSITIONS, { error: 'position_required' }),
  justification: z.string({ error: 'required' }).trim().min(3, 'justification_too_short').max(5000, 'justification_too_long'),
});

export const summarySchema = z.object({
  consultationId: serialId,
  summary: withMarkdownLimits(z.string({ error: 'required' }).trim().min(10, 'summary_too_short').max(20_000, 'summary_too_long')),
});

export const rateServiceSchema = z.object({
  serviceAreaId: serialId,
  score: z.coerce.number({ error: 'score_range' }).int('score_range').min(1, 'score_range').max(5, 'score_range'),
  comment: z.string().trim().max(2000, 'comment_too_long').optional().transform((v) => v ?? ''),
});

const setting = (min: number, max: number) =>
  z.coerce.number({ error: 'setting_range' }).int('setting_range').min(min, 'setting_range').max(max, 'setting_range');

/** The deployment's forum settings, edited by an administrator. */
export const forumSettingsSchema = z.object({
  localityQuota: setting(0, 100),
  organisationQuota: setting(0, 100),
  autoHideReports: setting(1, 100),
  postsPerWindow: setting(1, 1000),
  postWindowSeconds: setting(10, 86_400),
});

// Search parameters of list pages: a malformed value (a hand-edited URL) is dropped.
const dropInvalid = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const idParam = dropInvalid(z.coerce.number().int().positive().max(2_147_483_647));

export const forumIndexParamsSchema = z.object({
  commune: dropInvalid(z.union([z.literal('county'), z.coerce.number().int().positive().max(2_147_483_647)])),
  area: idParam,
  cursor: dropInvalid(z.string().regex(/^[01]\.\d{13,16}\.\d{1,10}$/)),
});

export const searchParamsSchema = z.object({
  q: dropInvalid(z.string().trim().max(200)).transform((v) => v || undefined),
  commune: idParam,
  area: idParam,
});

export type ApplyInput = z.output<typeof applySchema>;
