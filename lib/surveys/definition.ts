import * as z from 'zod';
import { allQuestions, DONT_KNOW, isAnswered, rankingLength, SCALE_POINTS, visibleQuestionIds, type AnswerValue, type Answers } from './questions';

export { allQuestions, DONT_KNOW, isAnswered, localize, rankingLength, SCALE_POINTS, visibleQuestionIds, type AnswerValue, type Answers } from './questions';

// The survey definition model, safe to import in the browser. A definition is the structure of a
// survey (sections, questions, profile fields); it is validated here when the builder saves it, and
// `responseSchema` turns it into the one zod schema that checks a submission in the respondent's
// browser and again on the server. Messages are keys in the "errors" namespace.

export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'rating',
  'matrix',
  'ranking',
  'number',
  'short_text',
  'long_text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What a question measures; the dashboards aggregate by (service area, measure). */
export const MEASURES = ['satisfaction', 'importance', 'need', 'priority', 'profile', 'other'] as const;
export type Measure = (typeof MEASURES)[number];

export const AGE_GROUPS = ['under_18', '18_24', '25_34', '35_44', '45_59', '60_74', '75_plus'] as const;
export const RESPONDENT_TYPES = ['resident', 'parent', 'entrepreneur', 'senior', 'other'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export type RespondentType = (typeof RESPONDENT_TYPES)[number];


export const TEXT_LIMITS = { short_text: 300, long_text: 4000 } as const;
export const MAX_QUESTIONS = 200;

/** Question ids, option values, row and item keys: short, stable, safe in CSV headers and URLs. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const key = z.string({ error: 'required' }).trim().regex(KEY_PATTERN, 'key_invalid');

const localized = z.object({
  pl: z.string({ error: 'required' }).trim().min(1, 'required').max(500, 'text_too_long'),
  en: z.string().trim().max(500, 'text_too_long').default(''),
});
const optionalLocalized = z.object({
  pl: z.string().trim().max(2000, 'text_too_long').default(''),
  en: z.string().trim().max(2000, 'text_too_long').default(''),
});
export type Localized = z.output<typeof localized>;

const option = z.object({ value: key, label: localized });
export type SurveyOption = z.output<typeof option>;

const condition = z.object({ questionId: key, equals: z.string().trim().min(1, 'required').max(60, 'invalid') });
export type Condition = z.output<typeof condition>;

const base = {
  id: key,
  label: localized,
  help: optionalLocalized.default({ pl: '', en: '' }),
  required: z.boolean().default(false),
  area: z.string().regex(/^[a-z0-9-]+$/, 'invalid').max(60).nullable().default(null),
  measure: z.enum(MEASURES, { error: 'invalid' }).default('other'),
  condition: condition.nullable().default(null),
};

const scaleLabels = z.array(localized).length(SCALE_POINTS.length, 'scale_labels_invalid');

export const questionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...base, type: z.literal('single_choice'), options: z.array(option).min(2, 'options_too_few').max(40, 'options_too_many') }),
    z.object({
      ...base,
      type: z.literal('multiple_choice'),
      options: z.array(option).min(2, 'options_too_few').max(40, 'options_too_many'),
      maxChoices: z.int('invalid').min(1, 'invalid').nullable().default(null),
    }),
    z.object({ ...base, type: z.literal('rating'), scaleLabels, allowDontKnow: z.boolean().default(false) }),
    z.object({
      ...base,
      type: z.literal('matrix'),
      rows: z.array(option).min(1, 'rows_too_few').max(30, 'options_too_many'),
      scaleLabels,
      allowDontKnow: z.boolean().default(false),
    }),
    z.object({
      ...base,
      type: z.literal('ranking'),
      items: z.array(option).max(20, 'options_too_many'),
      maxRanked: z.int('invalid').min(1, 'invalid'),
    }),
    z.object({ ...base, type: z.literal('number'), min: z.int('invalid'), max: z.int('invalid') }),
    z.object({ ...base, type: z.literal('short_text'), maxLength: z.int('invalid').min(1, 'invalid').max(TEXT_LIMITS.short_text, 'invalid') }),
    z.object({ ...base, type: z.literal('long_text'), maxLength: z.int('invalid').min(1, 'invalid').max(TEXT_LIMITS.long_text, 'invalid') }),
  ],
  { error: 'invalid' },
);
export type Question = z.output<typeof questionSchema>;

const section = z.object({
  id: key,
  title: localized,
  description: optionalLocalized.default({ pl: '', en: '' }),
  questions: z.array(questionSchema).min(1, 'section_empty'),
});
export type Section = z.output<typeof section>;

const profile = z.object({
  ageGroups: z.array(z.enum(AGE_GROUPS)).default([...AGE_GROUPS]),
  respondentTypes: z.array(z.enum(RESPONDENT_TYPES)).default([...RESPONDENT_TYPES]),
  askLocality: z.boolean().default(true),
});
export type ProfileSettings = z.output<typeof profile>;

function optionsOf(question: Question): SurveyOption[] | null {
  if (question.type === 'single_choice' || question.type === 'multiple_choice') return question.options;
  if (question.type === 'matrix') return question.rows;
  if (question.type === 'ranking') return question.items;
  return null;
}

/** Values a condition on this question may compare with, or null when conditions cannot refer to it. */
export function conditionValues(question: Question): string[] | null {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return question.options.map((o) => o.value);
    case 'rating':
      return [...SCALE_POINTS.map(String), ...(question.allowDontKnow ? [DONT_KNOW] : [])];
    default:
      return null;
  }
}

/**
 * A survey's structure. Beyond the shape, refuses what the builder must not save: duplicate ids or
 * option values, a condition on a later (or unknown, or unconditionable) question, a ranking of
 * fewer than two items, an empty number range. Each issue points at the field to fix.
 */
export const definitionSchema = z
  .object({
    sections: z.array(section).min(1, 'sections_too_few').max(50, 'invalid'),
    profile: profile.default({ ageGroups: [...AGE_GROUPS], respondentTypes: [...RESPONDENT_TYPES], askLocality: true }),
  })
  .superRefine((definition, ctx) => {
    const seenSections = new Set<string>();
    const earlier = new Map<string, Question>();
    let count = 0;
    definition.sections.forEach((s, si) => {
      if (seenSections.has(s.id)) ctx.addIssue({ code: 'custom', message: 'section_id_duplicate', path: ['sections', si, 'id'] });
      seenSections.add(s.id);
      s.questions.forEach((q, qi) => {
        const at = (...rest: (string | number)[]) => ['sections', si, 'questions', qi, ...rest];
        count++;
        if (earlier.has(q.id)) ctx.addIssue({ code: 'custom', message: 'question_id_duplicate', path: at('id') });
        const options = optionsOf(q);
        if (options) {
          const field = q.type === 'matrix' ? 'rows' : q.type === 'ranking' ? 'items' : 'options';
          const values = new Set<string>();
          options.forEach((o, oi) => {
            if (values.has(o.value)) ctx.addIssue({ code: 'custom', message: 'option_value_duplicate', path: at(field, oi, 'value') });
            values.add(o.value);
          });
        }
        if (q.type === 'ranking') {
          if (q.items.length < 2) ctx.addIssue({ code: 'custom', message: 'ranking_too_few_items', path: at('items') });
          else if (q.maxRanked > q.items.length) ctx.addIssue({ code: 'custom', message: 'ranking_max_too_large', path: at('maxRanked') });
        }
        if (q.type === 'multiple_choice' && q.maxChoices !== null && q.maxChoices > q.options.length) {
          ctx.addIssue({ code: 'custom', message: 'max_choices_too_large', path: at('maxChoices') });
        }
        if (q.type === 'number' && q.min > q.max) ctx.addIssue({ code: 'custom', message: 'number_range_invalid', path: at('max') });
        if (q.condition) {
          const source = earlier.get(q.condition.questionId);
          if (!source) {
            ctx.addIssue({ code: 'custom', message: 'condition_not_earlier', path: at('condition', 'questionId') });
          } else {
            const allowed = conditionValues(source);
            if (!allowed) ctx.addIssue({ code: 'custom', message: 'condition_source_invalid', path: at('condition', 'questionId') });
            else if (!allowed.includes(q.condition.equals)) ctx.addIssue({ code: 'custom', message: 'condition_value_unknown', path: at('condition', 'equals') });
          }
        }
        earlier.set(q.id, q);
      });
    });
    if (count > MAX_QUESTIONS) ctx.addIssue({ code: 'custom', message: 'questions_too_many', path: ['sections'] });
  });
export type SurveyDefinition = z.output<typeof definitionSchema>;
export type SurveyDefinitionInput = z.input<typeof definitionSchema>;





const unique = (values: string[]) => new Set(values).size === values.length;

/** The zod schema of one question's answer (shape and range; "required" is checked over the whole). */
export function answerSchema(q: Question): z.ZodType<AnswerValue> {
  const scale = (allowDontKnow: boolean) =>
    allowDontKnow
      ? z.union([z.literal(DONT_KNOW), z.int().min(1).max(5)], { error: 'out_of_range' })
      : z.int({ error: 'out_of_range' }).min(1, 'out_of_range').max(5, 'out_of_range');
  switch (q.type) {
    case 'single_choice':
      return z.enum(q.options.map((o) => o.value) as [string, ...string[]], { error: 'option_unknown' });
    case 'multiple_choice':
      return z
        .array(z.enum(q.options.map((o) => o.value) as [string, ...string[]], { error: 'option_unknown' }), { error: 'invalid' })
        .max(q.maxChoices ?? q.options.length, 'too_many_choices')
        .refine(unique, 'option_duplicate');
    case 'rating':
      return scale(q.allowDontKnow);
    case 'matrix':
      return z.partialRecord(z.enum(q.rows.map((r) => r.value) as [string, ...string[]], { error: 'option_unknown' }), scale(q.allowDontKnow), {
        error: 'invalid',
      }) as z.ZodType<AnswerValue>;
    case 'ranking':
      return z
        .array(z.enum(q.items.map((o) => o.value) as [string, ...string[]], { error: 'option_unknown' }), { error: 'invalid' })
        .max(q.maxRanked, 'ranking_too_long')
        .refine(unique, 'option_duplicate');
    case 'number':
      return z.int({ error: 'number_invalid' }).min(q.min, 'out_of_range').max(q.max, 'out_of_range');
    case 'short_text':
    case 'long_text':
      return z.string({ error: 'invalid' }).max(q.maxLength, 'text_too_long');
  }
}


export interface ResponseSchemaOptions {
  /** The communes a respondent may choose (ids). */
  communeIds: number[];
}

/**
 * THE schema of a submission to this survey, used by the filling page before each step and on
 * submit, and by the server before anything is stored. Unknown question ids, unknown options,
 * out-of-range values, over-long text, answers to hidden questions and missing required answers
 * are all issues at `answers.<questionId>`; the profile's at `profile.<field>`.
 */
export function responseSchema(definition: SurveyDefinition, { communeIds }: ResponseSchemaOptions) {
  const questions = new Map(allQuestions(definition).map((q) => [q.id, q]));
  // Built once per schema, not per answer: making zod schemas costs far more than running them.
  const answerSchemas = new Map([...questions.values()].map((q) => [q.id, answerSchema(q)]));
  const allowedCommunes = new Set(communeIds);
  const optionalChoice = <T extends readonly string[]>(values: T) =>
    z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values as unknown as [string, ...string[]], { error: 'option_unknown' }).optional());

  return z.object({
    submissionId: z.uuid({ error: 'invalid' }),
    consent: z.literal(true, { error: 'survey_consent_required' }),
    profile: z.object(
      {
        communeId: z.preprocess(
          (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
          z
            .int({ error: 'commune_required' })
            .refine((id) => allowedCommunes.has(id), 'commune_required'),
        ),
        localityId: z.preprocess(
          (v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? Number(v) : v),
          z.int({ error: 'invalid' }).positive('invalid').max(2_147_483_647, 'invalid').nullable(),
        ),
        ageGroup: optionalChoice(definition.profile.ageGroups),
        respondentType: optionalChoice(definition.profile.respondentTypes),
      },
      { error: 'invalid' },
    ),
    answers: z
      .record(z.string().max(60), z.unknown(), { error: 'invalid' })
      .superRefine((raw, ctx) => {
        const keys = Object.keys(raw);
        if (keys.length > questions.size) ctx.addIssue({ code: 'custom', message: 'question_unknown', path: [] });
        for (const id of keys) {
          if (!questions.has(id)) ctx.addIssue({ code: 'custom', message: 'question_unknown', path: [id] });
        }
        const answered = Object.fromEntries(Object.entries(raw).filter(([, v]) => isAnswered(v))) as Answers;
        const visible = visibleQuestionIds(definition, answered);
        for (const [id, q] of questions) {
          const value = answered[id];
          if (value === undefined) {
            if (q.required && visible.has(id)) ctx.addIssue({ code: 'custom', message: 'required', path: [id] });
            continue;
          }
          if (!visible.has(id)) {
            ctx.addIssue({ code: 'custom', message: 'answer_hidden', path: [id] });
            continue;
          }
          const parsed = answerSchemas.get(id)!.safeParse(value);
          if (!parsed.success) {
            ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'invalid', path: [id] });
            continue;
          }
          if (q.required && q.type === 'matrix' && Object.keys(value).length < q.rows.length) {
            ctx.addIssue({ code: 'custom', message: 'matrix_incomplete', path: [id] });
          }
          if (q.required && q.type === 'ranking' && (value as string[]).length < rankingLength(q)) {
            ctx.addIssue({ code: 'custom', message: 'ranking_incomplete', path: [id] });
          }
        }
      })
      .transform((raw) => {
        // Unanswered questions (empty strings, empty lists) are dropped; text is trimmed.
        const out: Answers = {};
        for (const [id, value] of Object.entries(raw)) {
          if (!isAnswered(value)) continue;
          out[id] = typeof value === 'string' ? value.trim() : (value as AnswerValue);
          if (out[id] === '') delete out[id];
        }
        return out;
      }),
    /** The honeypot: a field people never see; bots fill it. */
    website: z.string().max(500, 'invalid').optional(),
    /** The invitation code, for invitation-mode surveys. */
    code: z.string().trim().max(40, 'invalid').optional(),
  });
}
export type Submission = z.output<ReturnType<typeof responseSchema>>;

/** One stored answer row (the long format of db/schema/surveys.ts). */
export interface AnswerRow {
  questionId: string;
  itemKey: string;
  value: number | null;
  dontKnow: boolean;
  text: string | null;
}

/** Turns checked answers into their stored rows. */
export function answerRows(definition: SurveyDefinition, answers: Answers): AnswerRow[] {
  const out: AnswerRow[] = [];
  const row = (questionId: string, itemKey: string, value: number | null, dontKnow = false, text: string | null = null) =>
    out.push({ questionId, itemKey, value, dontKnow, text });
  for (const q of allQuestions(definition)) {
    const a = answers[q.id];
    if (a === undefined) continue;
    switch (q.type) {
      case 'single_choice':
        row(q.id, a as string, null);
        break;
      case 'multiple_choice':
        for (const v of a as string[]) row(q.id, v, null);
        break;
      case 'rating':
        row(q.id, '', a === DONT_KNOW ? null : (a as number), a === DONT_KNOW);
        break;
      case 'matrix':
        for (const r of q.rows) {
          const v = (a as Record<string, number | 'dk'>)[r.value];
          if (v !== undefined) row(q.id, r.value, v === DONT_KNOW ? null : v, v === DONT_KNOW);
        }
        break;
      case 'ranking':
        (a as string[]).forEach((item, index) => row(q.id, item, index + 1));
        break;
      case 'number':
        row(q.id, '', a as number);
        break;
      case 'short_text':
      case 'long_text':
        row(q.id, '', null, false, a as string);
        break;
    }
  }
  return out;
}

/**
 * A value with every English text emptied (the `en` of each pl/en pair), in a canonical JSON form
 * (keys sorted: PostgreSQL's jsonb does not keep their order). Two definitions with the same
 * result differ at most in their English translations.
 */
export function withoutEnglish(value: unknown): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, inner]) => [k, k === 'en' && typeof inner === 'string' ? '' : strip(inner)]),
      );
    }
    return v;
  };
  return JSON.stringify(strip(value));
}

