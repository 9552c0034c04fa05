import * as z from 'zod';
import { optionalLocalDateTime } from '@/lib/local-time';
import { definitionSchema } from './definition';

// Forms of the survey back office, safe in the browser; the server actions parse with the same
// schemas. Messages are keys in the "errors" namespace.

export const SURVEY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Addresses a survey's results page would shadow (static pages under /results). */
export const RESERVED_SURVEY_SLUGS: readonly string[] = ['method'];
export const MAX_CODES_PER_BATCH = 1000;
export const OFFICE_PAGE_SIZE = 50;
export const EXPORT_BATCH_SIZE = 1000;


/** The survey's own fields, beside its structure. */
export const surveyMetaSchema = z
  .object({
    slug: z
      .string({ error: 'required' })
      .trim()
      .min(3, 'survey_slug_invalid')
      .max(60, 'slug_too_long')
      .regex(SURVEY_SLUG_PATTERN, 'survey_slug_invalid')
      // /results/method is the page about how results are protected: no survey may take its address.
      .refine((slug) => !RESERVED_SURVEY_SLUGS.includes(slug), 'survey_slug_taken'),
    titlePl: z.string({ error: 'required' }).trim().min(3, 'title_too_short').max(200, 'title_too_long'),
    titleEn: z.string().trim().max(200, 'title_too_long').default(''),
    descriptionPl: z.string().trim().max(4000, 'text_too_long').default(''),
    descriptionEn: z.string().trim().max(4000, 'text_too_long').default(''),
    responseMode: z.enum(['open_link', 'invitation'], { error: 'invalid' }),
    /** The communes the survey covers: at least one; the filling page offers only these. */
    communeIds: z
      .array(z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid'), { error: 'survey_communes_required' })
      .min(1, 'survey_communes_required')
      .max(1000, 'invalid')
      .transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
    /** Warsaw wall-clock times from datetime-local fields (lib/local-time). */
    opensAt: optionalLocalDateTime,
    closesAt: optionalLocalDateTime,
  })
  .refine((m) => !m.opensAt || !m.closesAt || m.opensAt < m.closesAt, { message: 'dates_order_invalid', path: ['closesAt'] });

/** What the builder saves: the fields and the structure together. */
export const surveyFormSchema = z.object({ meta: surveyMetaSchema, definition: definitionSchema });
export type SurveyFormInput = z.input<typeof surveyFormSchema>;
export type SurveyFormOutput = z.output<typeof surveyFormSchema>;

export const surveyIdSchema = z.object({ surveyId: z.uuid({ error: 'invalid' }) });

export const generateCodesSchema = z.object({
  surveyId: z.uuid({ error: 'invalid' }),
  count: z.coerce.number({ error: 'codes_count_invalid' }).int('codes_count_invalid').min(1, 'codes_count_invalid').max(MAX_CODES_PER_BATCH, 'codes_count_invalid'),
});

/** The office list's search parameters; a malformed cursor (a hand-edited URL) starts from the top. */
export const officeListParamsSchema = z.object({ cursor: z.uuid().optional().catch(undefined) });
