import * as z from 'zod';
import { AGE_GROUPS, KEY_PATTERN, RESPONDENT_TYPES } from '@/lib/surveys/definition';

// Browser-safe schemas of the dashboards' query parameters (filters come from the URL).

const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : Number(v)), z.int().positive().max(2_147_483_647).nullable()).catch(null);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(values).nullable()).catch(null);

export const explorerFiltersSchema = z.object({
  communeId: optionalId,
  localityId: optionalId,
  ageGroup: optionalEnum(AGE_GROUPS),
  respondentType: optionalEnum(RESPONDENT_TYPES),
  channel: optionalEnum(['online', 'paper'] as const),
});
export type ExplorerFilters = z.output<typeof explorerFiltersSchema>;

export const scopeSchema = z.object({ commune: optionalId });

/** A commune and, optionally, one service area (a section id of the survey): the matrix per service, forum monitoring. */
export const areaScopeSchema = scopeSchema.extend({
  area: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().regex(KEY_PATTERN).nullable()).catch(null),
});

export const publishSchema = z.object({ surveyId: z.uuid({ error: 'invalid' }), publish: z.enum(['1', '0']) });

/** Review states of a free-text answer (survey_answers.review_state); null is pending. */
export const REVIEW_STATE = { publishable: 1, redacted: 2, rejected: 3 } as const;
export const REVIEW_DECISIONS = ['publishable', 'redact', 'reject'] as const;
/** What a reviewer puts where personal data was (a suggestion in the edit field's hint). */
export const REDACTION_MARK = '[usunięto]';

/** One decision of the free-text review queue; a redaction carries the reviewer's edited text. */
export const reviewDecisionSchema = z
  .object({
    surveyId: z.uuid({ error: 'invalid' }),
    responseId: z.uuid({ error: 'invalid' }),
    questionId: z.string().regex(KEY_PATTERN, 'invalid'),
    decision: z.enum(REVIEW_DECISIONS, { error: 'invalid' }),
    text: z.string().trim().max(4000, 'review_text_too_long').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'redact' && !v.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'review_text_required' });
  });
export type ReviewDecision = z.output<typeof reviewDecisionSchema>;

const cursor = z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined);

/** The remarks view's and the review queue's URL parameters. */
export const freeTextFiltersSchema = z.object({
  questionId: z.string().regex(KEY_PATTERN).nullable().catch(null),
  communeId: optionalId,
  after: cursor,
});
