import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { surveyResponses } from '@/db/schema';
import { definitionSchema } from './definition';
import { readStep } from './form-fields';
import { changeSurveyStatus, createSurvey, submitResponse } from './mutations';
import { parseDraft, stepErrors } from './step-check';
import { firstStepOf, freshState, newDraft, payloadOf, stepLayout, stepOfField, withAnswer, withoutError, type Draft } from './steps';
import { makePlaces, makeUser, smallSurveyForm } from './test-helpers';

// The questionnaire posted step by step as plain form fields (the page without JavaScript): each
// step read from its fields, checked by the response schema, carried on in the hidden draft, and
// the finished one stored once through the same submit as the page's JSON.

const definition = definitionSchema.parse(smallSurveyForm('x').definition);
const layout = stepLayout(definition);

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

/** What the hidden field carries from one POST to the next. */
const carried = (draft: Draft) => parseDraft(JSON.stringify(draft))!;

describe('steps', () => {
  it('lays out consent, one step per section, the profile and the review', () => {
    expect(layout).toEqual({ firstSection: 1, profileStep: 3, reviewStep: 4, total: 5 });
    expect(stepOfField(definition, 'consent')).toBe(0);
    expect(stepOfField(definition, 'answers.rank')).toBe(2);
    expect(stepOfField(definition, 'profile.communeId')).toBe(3);
    expect(firstStepOf(definition, { 'answers.note': 'x', 'answers.bus': 'required' })).toBe(1);
  });

  it('reads every kind of field, and an unticked box on this step is gone', () => {
    let draft: Draft = { ...freshState().draft, step: 1 };
    draft = readStep(definition, draft, form([['bus', 'yes'], ['bus_rating', 'dk'], ['services-a', '2'], ['services-b', '5']]));
    expect(draft.answers).toEqual({ bus: 'yes', bus_rating: 'dk', services: { a: 2, b: 5 } });
    draft = readStep(definition, { ...draft, step: 2 }, form([['rank-0', 'y'], ['rank-1', ''], ['many', 'p'], ['many', 'r'], ['count', '7'], ['note', 'dobrze']]));
    expect(draft.answers).toMatchObject({ bus: 'yes', rank: ['y', ''], many: ['p', 'r'], count: 7, note: 'dobrze' });
    draft = readStep(definition, draft, form([['rank-0', 'y'], ['rank-1', 'x']]));
    expect(draft.answers.many).toBeUndefined();
    expect(draft.answers.rank).toEqual(['y', 'x']);
    expect(draft.answers.bus).toBe('yes');
  });

  it('checks only the step’s own fields, with the schema’s messages', () => {
    const options = { communeIds: [1], invitation: false };
    const empty = { ...freshState().draft, step: 1 };
    expect(stepErrors(definition, empty, 0, options)).toEqual({ consent: 'survey_consent_required' });
    expect(stepErrors(definition, empty, 1, options)).toEqual({ 'answers.bus': 'required', 'answers.services': 'required' });
    const tooMany = readStep(definition, { ...empty, step: 2 }, form([['many', 'p'], ['many', 'q'], ['many', 'r'], ['count', '99']]));
    expect(stepErrors(definition, tooMany, 2, options)).toMatchObject({ 'answers.many': 'too_many_choices', 'answers.count': 'out_of_range' });
    expect(stepErrors(definition, empty, 0, { ...options, invitation: true })).toMatchObject({ code: 'invitation_code_required' });
  });

  it('a hand-made hidden draft is shaped or refused, never trusted', () => {
    expect(parseDraft('{')).toBeNull();
    expect(parseDraft(JSON.stringify({ submissionId: 'nope' }))).toBeNull();
    const odd = parseDraft(JSON.stringify({ submissionId: crypto.randomUUID(), consent: 'yes', step: -3, profile: 7, answers: { x: 1 } }))!;
    expect(odd).toMatchObject({ consent: false, step: 0, profile: { communeId: '' }, answers: { x: 1 } });
  });
});

describe('a questionnaire posted step by step', () => {
  let slug = '';
  let communeA = 0;
  beforeAll(async () => {
    const places = await makePlaces();
    communeA = places.communeA;
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    slug = `kroki-${crypto.randomUUID().slice(0, 6)}`;
    const created = await createSurvey({ actor: coordinator, input: smallSurveyForm(slug, 'open_link', [communeA]) });
    await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
  });

  it('is stored once, with the answers of every step', async () => {
    const options = { communeIds: [communeA], invitation: false };
    const posts: [string, string][][] = [
      [['consent', '1']],
      [['bus', 'yes'], ['bus_rating', '4'], ['services-a', '1'], ['services-b', '3']],
      [['rank-0', 'z'], ['rank-1', 'x'], ['many', 'q']],
      [['profile-communeId', String(communeA)], ['profile-ageGroup', '60_74']],
    ];
    let draft = freshState(crypto.randomUUID()).draft;
    for (const fields of posts) {
      draft = readStep(definition, carried(draft), form(fields));
      expect(stepErrors(definition, draft, draft.step, options)).toEqual({});
      draft = { ...draft, step: draft.step + 1 };
    }
    expect(draft.step).toBe(layout.reviewStep);
    expect(stepErrors(definition, draft, layout.reviewStep, options)).toEqual({});
    const payload = payloadOf(definition, carried(draft), { invitation: false });
    const context = { actor: null, channel: 'online' as const, clientAddress: '198.51.100.4' };
    expect((await submitResponse({ slug, payload, context })).status).toBe('stored');
    // The same questionnaire posted again (a double tap, a resend after a lost answer): one response.
    expect((await submitResponse({ slug, payload, context: { ...context, previousSubmissionId: draft.submissionId } })).status).toBe('duplicate');
    const [stored] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.id, draft.submissionId));
    expect(stored!.n).toBe(1);
  });
});

describe('giving and taking back an answer', () => {
  it('keeps an answer and drops an empty one, leaving the other answers and the draft as they were', () => {
    const draft = { ...newDraft('00000000-0000-4000-8000-000000000001'), answers: { bus: 'yes', stops: ['a', 'b'] } };
    const rated = withAnswer(draft, 'rating', 4);
    expect(rated.answers).toEqual({ bus: 'yes', stops: ['a', 'b'], rating: 4 });
    expect(rated.submissionId).toBe(draft.submissionId);
    expect(withAnswer(rated, 'stops', []).answers).toEqual({ bus: 'yes', rating: 4 });
    expect(withAnswer(rated, 'bus', '').answers).toEqual({ stops: ['a', 'b'], rating: 4 });
    expect(withAnswer(rated, 'rating', undefined).answers).toEqual({ bus: 'yes', stops: ['a', 'b'] });
    expect(draft.answers).toEqual({ bus: 'yes', stops: ['a', 'b'] });
  });
});

describe('clearing an answered field of its error', () => {
  it('drops only that error, and keeps the same object when there was none', () => {
    const errors = { 'answers.bus': 'required', consent: 'consent_required' };
    expect(withoutError(errors, 'answers.bus')).toEqual({ consent: 'consent_required' });
    expect(errors).toEqual({ 'answers.bus': 'required', consent: 'consent_required' });
    expect(withoutError(errors, 'answers.rating')).toBe(errors);
  });
});
