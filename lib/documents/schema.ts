import * as z from 'zod';
import { communeChoice, serialId } from '@/lib/meetings/schema';

// Safe to import in the browser: the upload form checks with these before sending, and
// lib/documents checks again. Messages are keys in the "errors" namespace.

export const DOCUMENT_KINDS = ['service_model', 'expert_report', 'strategy', 'training', 'minutes', 'other'] as const;
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number];
export const VISIBILITIES = ['public', 'members'] as const;
export type VisibilityName = (typeof VISIBILITIES)[number];
/** What a document can be attached to. */
export const PARENT_TYPES = ['meeting', 'article', 'consultation'] as const;
export type ParentType = (typeof PARENT_TYPES)[number];

export const DOCUMENTS_PAGE_SIZE = 20;

const optionalId = z
  .union([z.literal(''), z.null(), serialId])
  .optional()
  .transform((value) => (typeof value === 'number' ? value : null));

/** What describes a document (everything but its file), in the upload form and the edit form. */
export const documentDetailsSchema = z.object({
  title: z.string({ error: 'required' }).trim().min(3, 'title_too_short').max(200, 'title_too_long'),
  description: z
    .string()
    .trim()
    .max(2000, 'text_too_long')
    .optional()
    .transform((v) => v ?? ''),
  kind: z.enum(DOCUMENT_KINDS, { error: 'document_kind_required' }),
  communeId: communeChoice,
  serviceAreaId: optionalId,
  visibility: z.enum(VISIBILITIES, { error: 'visibility_required' }),
});
export type DocumentDetails = z.output<typeof documentDetailsSchema>;

/** A new document's fields (its file comes with them); at most one parent to attach it to. */
export const newDocumentSchema = documentDetailsSchema
  .extend({ meetingId: optionalId, articleId: optionalId, consultationId: optionalId })
  .refine((v) => [v.meetingId, v.articleId, v.consultationId].filter((id) => id !== null).length <= 1, { message: 'invalid', path: ['meetingId'] });
export type NewDocumentInput = z.output<typeof newDocumentSchema>;

export const updateDocumentSchema = documentDetailsSchema.extend({ id: serialId });

/** A new version's note ("corrected table 3"); its file comes with it. */
export const newVersionSchema = z.object({
  note: z
    .string()
    .trim()
    .max(500, 'text_too_long')
    .optional()
    .transform((v) => v ?? ''),
});

export const deleteDocumentSchema = z.object({ id: serialId });

const dropInvalid = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The library's filters, from the URL: anything malformed is simply not applied. */
export const documentFiltersSchema = z.object({
  kind: dropInvalid(z.enum(DOCUMENT_KINDS)),
  commune: dropInvalid(z.union([z.literal('county'), z.coerce.number().int().positive().max(2_147_483_647)])),
  area: dropInvalid(z.coerce.number().int().positive().max(2_147_483_647)),
  cursor: dropInvalid(z.string().regex(/^\d{1,10}$/)),
});
export type DocumentFilters = z.output<typeof documentFiltersSchema>;
