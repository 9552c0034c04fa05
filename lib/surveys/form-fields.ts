import { DONT_KNOW, rankingLength, type AnswerValue, type Answers } from './questions';
import type { Question, SurveyDefinition } from './definition';
import { emptyProfile, questionsOfStep, stepLayout, type Draft, type Profile } from './steps';

// The names the questionnaire's fields carry in HTML, and the reading of one step's fields from a
// posted form (the page without JavaScript posts each step to the server). What is read is only
// shaped here — strings to numbers where a scale expects one — and checked by the response schema.

/** Anything that reads like FormData. */
export interface FieldSource {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

/** The field names: one per question, `<id>-<row>` for matrix rows, `<id>-<place>` for ranking places. */
export const fieldName = {
  question: (q: Question) => q.id,
  row: (q: Question, row: string) => `${q.id}-${row}`,
  place: (q: Question, place: number) => `${q.id}-${place}`,
  profile: (key: keyof Profile) => `profile-${key}`,
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A point of a scale as posted: 1–5 as numbers, "dk" as itself; anything else stays for the schema to refuse. */
function point(raw: string): number | string | undefined {
  if (raw === '') return undefined;
  if (raw === DONT_KNOW) return DONT_KNOW;
  return /^\d{1,2}$/.test(raw) ? Number(raw) : raw;
}

function readQuestion(q: Question, form: FieldSource): AnswerValue | undefined {
  const one = text(form.get(fieldName.question(q)));
  switch (q.type) {
    case 'single_choice':
    case 'short_text':
    case 'long_text':
      return one === '' ? undefined : one;
    case 'multiple_choice': {
      const chosen = form.getAll(fieldName.question(q)).map(text).filter(Boolean);
      return chosen.length ? chosen : undefined;
    }
    case 'rating':
      return point(one) as AnswerValue | undefined;
    case 'matrix': {
      const rows: Record<string, number | 'dk'> = {};
      for (const row of q.rows) {
        const v = point(text(form.get(fieldName.row(q, row.value))));
        if (v !== undefined) rows[row.value] = v as number | 'dk';
      }
      return Object.keys(rows).length ? rows : undefined;
    }
    case 'ranking': {
      const order = Array.from({ length: rankingLength(q) }, (_, place) => text(form.get(fieldName.place(q, place))));
      return order.some(Boolean) ? order : undefined;
    }
    case 'number':
      return one.trim() === '' ? undefined : /^-?\d+$/.test(one.trim()) ? Number(one.trim()) : one;
  }
}

/**
 * The draft with the fields of its current step replaced by what the form posted: a box unticked
 * on this step is gone, answers of other steps stay as they were.
 */
export function readStep(definition: SurveyDefinition, draft: Draft, form: FieldSource): Draft {
  const { profileStep } = stepLayout(definition);
  if (draft.step === 0) {
    return { ...draft, consent: form.get('consent') !== null && form.get('consent') !== undefined, code: text(form.get('code')).slice(0, 40) };
  }
  if (draft.step === profileStep) {
    const profile = { ...emptyProfile };
    for (const key of Object.keys(emptyProfile) as (keyof Profile)[]) profile[key] = text(form.get(fieldName.profile(key))).slice(0, 20);
    return { ...draft, profile };
  }
  const answers: Answers = { ...draft.answers };
  for (const q of questionsOfStep(definition, draft.step)) {
    const value = readQuestion(q, form);
    if (value === undefined) delete answers[q.id];
    else answers[q.id] = value;
  }
  return { ...draft, answers };
}
