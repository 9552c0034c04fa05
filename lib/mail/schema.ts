import * as z from 'zod';
import { OPTIONAL_KIND_LIST } from './kinds';

// Safe to import in the browser: the forms and the server actions share these schemas.

/** The /account form: one checkbox per optional kind ("on" when ticked, absent when not). */
export const mailPreferencesSchema = z
  .object(Object.fromEntries(OPTIONAL_KIND_LIST.map((kind) => [kind, z.literal('on').optional()])) as Record<(typeof OPTIONAL_KIND_LIST)[number], z.ZodOptional<z.ZodLiteral<'on'>>>)
  .extend({ repliesMode: z.enum(['immediate', 'daily']).default('immediate') });

export const unsubscribeSchema = z.object({ token: z.string({ error: 'required' }).min(1, 'required').max(200, 'invalid') });

const address = z.string().trim().toLowerCase().pipe(z.email({ error: 'email_invalid' }));

/** A coordinator's invitation: communes (their approved members) and/or addresses, one per line. */
export const inviteSchema = z.object({
  meetingId: z.coerce.number().int().positive().max(2_147_483_647),
  communeIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(200)),
  emails: z
    .string()
    .max(20_000, 'text_too_long')
    .default('')
    .transform((v) => v.split(/[\s,;]+/).filter(Boolean))
    .pipe(z.array(address).max(500, 'invite_too_many'))
    .transform((list) => [...new Set(list)]),
  note: z.string().trim().max(2000, 'text_too_long').default(''),
});

export const resendSchema = z.object({ id: z.coerce.number().int().positive() });
