import * as z from 'zod';
import { ROLES, SCOPABLE_ROLES } from '@/lib/auth/permissions';

// Safe to import in the browser: the admin forms and the server actions share these schemas.
// Messages are keys in the "errors" namespace of the message catalogue.

export const USERS_PAGE_SIZE = 25;
export const AUDIT_PAGE_SIZE = 50;

/** Lower-case letters, digits and single hyphens between them: it goes into URLs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const COMMUNE_KINDS = ['urban', 'urban_rural', 'rural'] as const;
export const LOCALITY_KINDS = ['village', 'neighbourhood'] as const;
export const SETTABLE_USER_STATUSES = ['active', 'disabled'] as const;

export type CommuneKind = (typeof COMMUNE_KINDS)[number];
export type LocalityKind = (typeof LOCALITY_KINDS)[number];
export type SettableUserStatus = (typeof SETTABLE_USER_STATUSES)[number];

const userId = z.uuid({ error: 'invalid' });
const serialId = z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid').max(2_147_483_647, 'invalid');

/** "true"/"false" from a hidden input. */
const flag = z.enum(['true', 'false'], { error: 'invalid' }).transform((value) => value === 'true');

/** An empty select ("whole county") or a disabled one (not sent at all) means no commune. */
const optionalCommuneId = z
  .union([z.literal(''), z.null(), serialId])
  .optional()
  .transform((value) => (typeof value === 'number' ? value : null));

export const placeName = z
  .string({ error: 'required' })
  .trim()
  .min(2, 'place_name_too_short')
  .max(120, 'place_name_too_long');

export const slug = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(60, 'slug_too_long')
  .regex(SLUG_PATTERN, 'slug_invalid');

/** A slug suggested from a name: "Nowy Żmigród" → "nowy-zmigrod" (ł has no decomposition). */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export function isScopable(role: string): boolean {
  return (SCOPABLE_ROLES as readonly string[]).includes(role);
}

export const grantRoleSchema = z
  .object({
    userId,
    role: z.enum(ROLES, { error: 'required' }),
    communeId: optionalCommuneId,
  })
  .refine((v) => v.communeId === null || isScopable(v.role), { path: ['communeId'], message: 'role_not_scopable' });

export const revokeRoleSchema = z.object({ grantId: serialId });

export const setUserStatusSchema = z.object({
  userId,
  status: z.enum(SETTABLE_USER_STATUSES, { error: 'invalid' }),
});

export const resetSecondFactorSchema = z.object({ userId });

export const createCommuneSchema = z.object({
  name: placeName,
  slug,
  kind: z.enum(COMMUNE_KINDS, { error: 'required' }),
});

export const renameCommuneSchema = z.object({ id: serialId, name: placeName });

export const setCommuneActiveSchema = z.object({ id: serialId, active: flag });

export const createLocalitySchema = z.object({
  communeId: serialId,
  name: placeName,
  kind: z.enum(LOCALITY_KINDS, { error: 'required' }),
});

export const renameLocalitySchema = z.object({ id: serialId, name: placeName });

export const setLocalityActiveSchema = z.object({ id: serialId, active: flag });

// Search parameters of the list pages. A malformed value (a hand-edited URL) is dropped rather
// than failing the page: the list then simply starts from the top.
const dropInvalid = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const userListParamsSchema = z.object({
  q: dropInvalid(z.string().trim().max(100)).transform((v) => v || undefined),
  cursor: dropInvalid(userId),
});

export const auditListParamsSchema = z.object({
  action: dropInvalid(z.string().trim().regex(/^[a-z_.]{1,64}$/)),
  actorId: dropInvalid(userId),
  cursor: dropInvalid(z.string().regex(/^[1-9][0-9]{0,17}$/)),
});

export type GrantRoleInput = z.infer<typeof grantRoleSchema>;
export type CreateCommuneInput = z.infer<typeof createCommuneSchema>;
export type CreateLocalityInput = z.infer<typeof createLocalitySchema>;
