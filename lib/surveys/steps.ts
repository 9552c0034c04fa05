import { allQuestions, isAnswered, visibleQuestionIds, type Answers, type AnswerValue } from './questions';
import type { Question, SurveyDefinition } from './definition';

// The respondent's questionnaire as a sequence of steps — consent, one step per section, the
// profile, the review — and the answers given so far. Shared by the page in the browser and the
// server's step action (the form without JavaScript), so both count, split and check alike.
// Without zod: the checks themselves are in step-check.ts, loaded when a step is checked.

export interface Profile {
  communeId: string;
  localityId: string;
  ageGroup: string;
  respondentType: string;
}

/** A questionnaire in progress: what it carries between steps (in the browser, or in the POST). */
export interface Draft {
  /** Made once per questionnaire: a retried or repeated submit stores one response. */
  submissionId: string;
  consent: boolean;
  code: string;
  answers: Answers;
  profile: Profile;
  step: number;
}

/** Message keys by field ("answers.q1", "profile.communeId", "consent", "code"). */
export type Errors = Record<string, string>;

export const emptyProfile: Profile = { communeId: '', localityId: '', ageGroup: '', respondentType: '' };

export function newDraft(submissionId: string = crypto.randomUUID()): Draft {
  return { submissionId, consent: false, code: '', answers: {}, profile: emptyProfile, step: 0 };
}

/** Where each kind of step sits: consent is 0, sections 1…n, then the profile and the review. */
export function stepLayout(definition: SurveyDefinition) {
  const firstSection = 1;
  const profileStep = firstSection + definition.sections.length;
  const reviewStep = profileStep + 1;
  return { firstSection, profileStep, reviewStep, total: reviewStep + 1 };
}

/** The questions a section step shows (before conditions); none on the other steps. */
export function questionsOfStep(definition: SurveyDefinition, step: number): Question[] {
  const { firstSection, profileStep } = stepLayout(definition);
  return step >= firstSection && step < profileStep ? definition.sections[step - firstSection]!.questions : [];
}

/** Which error keys belong to a step (the review owns every field). */
export function fieldsOfStep(definition: SurveyDefinition, step: number): (key: string) => boolean {
  const { profileStep, reviewStep } = stepLayout(definition);
  if (step >= reviewStep) return () => true;
  if (step === 0) return (k) => k === 'consent' || k === 'code';
  if (step === profileStep) return (k) => k.startsWith('profile.');
  const ids = new Set(questionsOfStep(definition, step).map((q) => `answers.${q.id}`));
  return (k) => ids.has(k);
}

/** The step holding a field, for errors found later (at the review, or by the server). */
export function stepOfField(definition: SurveyDefinition, key: string): number {
  const { firstSection, profileStep, reviewStep } = stepLayout(definition);
  if (key === 'consent' || key === 'code') return 0;
  if (key.startsWith('profile.')) return profileStep;
  const id = key.split('.')[1];
  const index = definition.sections.findIndex((s) => s.questions.some((q) => q.id === id));
  return index < 0 ? reviewStep : firstSection + index;
}

/** The first step among fields with errors. */
export const firstStepOf = (definition: SurveyDefinition, errors: Errors) => Math.min(...Object.keys(errors).map((k) => stepOfField(definition, k)));

/**
 * The submission as it is sent: answers to questions a condition hides are left out, gaps in a
 * ranking closed. The invitation code goes only with invitation surveys.
 */
export function payloadOf(definition: SurveyDefinition, draft: Draft, { website = '', invitation }: { website?: string; invitation: boolean }) {
  const shown = visibleQuestionIds(definition, draft.answers);
  const answers = Object.fromEntries(
    Object.entries(draft.answers)
      .filter(([id, v]) => shown.has(id) && isAnswered(v))
      .map(([id, v]) => [id, Array.isArray(v) ? v.filter(Boolean) : v]),
  );
  return {
    submissionId: draft.submissionId,
    consent: draft.consent,
    profile: draft.profile,
    answers,
    website,
    ...(invitation ? { code: draft.code } : {}),
  };
}

/** The draft with one answer given, or taken back (an empty answer is no answer). */
export function withAnswer(draft: Draft, id: string, value: AnswerValue | undefined): Draft {
  const answers = { ...draft.answers };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete answers[id];
  else answers[id] = value;
  return { ...draft, answers };
}

/** The errors without the one of `key` (the same object when it has none, so nothing re-renders). */
export function withoutError(errors: Errors, key: string): Errors {
  if (!errors[key]) return errors;
  const rest = { ...errors };
  delete rest[key];
  return rest;
}

/** Keeps a step number within the questionnaire. */
export function clampStep(definition: SurveyDefinition, step: number): number {
  return Math.max(0, Math.min(Number.isInteger(step) ? step : 0, stepLayout(definition).reviewStep));
}

/** The element id of a field, for the error summary's links and focus. */
export const fieldId = (key: string) => `f-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The ids of all questions (for reading a POST that carries some of them). */
export const questionIds = (definition: SurveyDefinition) => new Set(allQuestions(definition).map((q) => q.id));

/** What the page shows: the draft, the errors of its step, a message, or the thanks once sent. */
export interface FillState {
  draft: Draft;
  errors: Errors;
  /** A message key: "errors" namespace for errors, "surveys.fill" for information. */
  message: { tone: 'error' | 'info'; key: string } | null;
  done: boolean;
}

export const freshState = (submissionId?: string): FillState => ({ draft: newDraft(submissionId), errors: {}, message: null, done: false });
