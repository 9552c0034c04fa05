import type { Question, SurveyDefinition } from './definition';

// The parts of the survey model a respondent's page needs at every render, without zod: which
// questions show, how an answer is held, labels in the page's language. The filling page's first
// script stays small; the zod schemas (definition.ts) load only when a step is checked.

/** Rating scales and matrices use the same five points. */
export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;
/** The stored answer "don't know / not applicable" of a rating or matrix row. */
export const DONT_KNOW = 'dk';

export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.sections.flatMap((s) => s.questions);
}

/** An answer as the form holds it and the submission carries it. */
export type AnswerValue = string | number | string[] | Record<string, number | typeof DONT_KNOW>;
export type Answers = Record<string, AnswerValue | undefined>;

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Does the answer to a condition's question meet it? */
function meets(value: unknown, equals: string): boolean {
  if (Array.isArray(value)) return value.includes(equals);
  // Only a string or a number can be an option. Anything else — a hostile payload's object, whose
  // toString may be no function at all — meets no condition (and fails its own question's check).
  return (typeof value === 'string' || typeof value === 'number') && String(value) === equals;
}

/**
 * The ids of the questions a respondent sees given their answers. Conditions refer only to earlier
 * questions, so one pass in order settles it; a question whose source is hidden is hidden too.
 */
export function visibleQuestionIds(definition: SurveyDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of allQuestions(definition)) {
    if (!q.condition || (visible.has(q.condition.questionId) && meets(answers[q.condition.questionId], q.condition.equals))) visible.add(q.id);
  }
  return visible;
}

/** How many items a required ranking must order. */
export function rankingLength(q: Extract<Question, { type: 'ranking' }>): number {
  return Math.min(q.maxRanked, q.items.length);
}

/** A label in the wanted language, falling back to Polish. */
export function localize(text: { pl: string; en?: string } | undefined, locale: string): string {
  if (!text) return '';
  return locale === 'en' && text.en ? text.en : text.pl;
}
