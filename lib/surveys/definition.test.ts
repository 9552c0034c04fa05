import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from './default-questionnaire';
import { answerRows, definitionSchema, responseSchema, visibleQuestionIds, type SurveyDefinitionInput } from './definition';

const l = (pl: string) => ({ pl, en: '' });
const scale = [1, 2, 3, 4, 5].map((n) => l(String(n)));

export const small: SurveyDefinitionInput = {
  sections: [
    {
      id: 's1',
      title: l('Pierwsza'),
      questions: [
        { id: 'bus', type: 'single_choice', label: l('Autobus?'), required: true, options: [{ value: 'yes', label: l('Tak') }, { value: 'no', label: l('Nie') }] },
        { id: 'bus_rating', type: 'rating', label: l('Ocena'), required: true, scaleLabels: scale, allowDontKnow: true, condition: { questionId: 'bus', equals: 'yes' } },
        { id: 'services', type: 'matrix', label: l('Usługi'), required: true, rows: [{ value: 'a', label: l('A') }, { value: 'b', label: l('B') }], scaleLabels: scale },
      ],
    },
    {
      id: 's2',
      title: l('Druga'),
      questions: [
        { id: 'rank', type: 'ranking', label: l('Kolejność'), required: true, maxRanked: 2, items: [{ value: 'x', label: l('X') }, { value: 'y', label: l('Y') }, { value: 'z', label: l('Z') }] },
        { id: 'many', type: 'multiple_choice', label: l('Wiele'), maxChoices: 2, options: [{ value: 'p', label: l('P') }, { value: 'q', label: l('Q') }, { value: 'r', label: l('R') }] },
        { id: 'age', type: 'number', label: l('Liczba'), min: 0, max: 10 },
        { id: 'note', type: 'short_text', label: l('Uwagi'), maxLength: 20 },
      ],
    },
  ],
};

function issues(input: SurveyDefinitionInput) {
  const parsed = definitionSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
}

describe('the survey definition', () => {
  it('accepts the default questionnaire and a small survey', () => {
    expect(issues(DEFAULT_DEFINITION)).toEqual([]);
    expect(issues(small)).toEqual([]);
    const parsed = definitionSchema.parse(DEFAULT_DEFINITION);
    expect(parsed.sections).toHaveLength(7);
    expect(new Set(parsed.sections.flatMap((s) => s.questions.map((q) => q.area)).filter(Boolean)).size).toBe(6);
  });

  it('refuses a condition on a later question, at the field', () => {
    const bad = structuredClone(small);
    bad.sections[0]!.questions[0]!.condition = { questionId: 'bus_rating', equals: '3' };
    expect(issues(bad)).toContain('sections.0.questions.0.condition.questionId:condition_not_earlier');
  });

  it('refuses a condition value the source question cannot have', () => {
    const bad = structuredClone(small);
    bad.sections[0]!.questions[1]!.condition = { questionId: 'bus', equals: 'maybe' };
    expect(issues(bad)).toContain('sections.0.questions.1.condition.equals:condition_value_unknown');
  });

  it('refuses a ranking of fewer than two items and duplicate option values', () => {
    const bad = structuredClone(small);
    const rank = bad.sections[1]!.questions[0] as { items: { value: string; label: { pl: string; en: string } }[] };
    rank.items = [rank.items[0]!];
    const many = bad.sections[1]!.questions[1] as { options: { value: string }[] };
    many.options[1]!.value = 'p';
    const found = issues(bad);
    expect(found).toContain('sections.1.questions.0.items:ranking_too_few_items');
    expect(found).toContain('sections.1.questions.1.options.1.value:option_value_duplicate');
  });

  it('refuses duplicate question ids and an empty number range', () => {
    const bad = structuredClone(small);
    bad.sections[1]!.questions[3]!.id = 'age';
    (bad.sections[1]!.questions[2] as { min: number }).min = 11;
    const found = issues(bad);
    expect(found).toContain('sections.1.questions.3.id:question_id_duplicate');
    expect(found).toContain('sections.1.questions.2.max:number_range_invalid');
  });
});

describe('the response schema made from a definition', () => {
  const definition = definitionSchema.parse(small);
  const schema = responseSchema(definition, { communeIds: [1, 2] });
  const valid = () => ({
    submissionId: randomUUID(),
    consent: true,
    profile: { communeId: 1, localityId: null, ageGroup: '25_34', respondentType: 'resident' },
    answers: { bus: 'yes', bus_rating: 4, services: { a: 1, b: 5 }, rank: ['z', 'x'], many: ['p'], age: 3, note: ' ok ' },
  });
  const errorsOf = (payload: unknown) => {
    const parsed = schema.safeParse(payload);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('accepts a complete answer and trims text', () => {
    const parsed = schema.parse(valid());
    expect(parsed.answers.note).toBe('ok');
  });

  it('gives one error per field for each kind of problem', () => {
    const p = valid();
    Object.assign(p.answers, { bus: 'maybe', services: { a: 6, b: 1 }, rank: ['x', 'x'], many: ['p', 'q', 'r'], age: 11, note: 'x'.repeat(21), ghost: 'boo' });
    expect(errorsOf(p)).toMatchObject({
      'answers.bus': 'option_unknown',
      'answers.services': 'out_of_range',
      'answers.rank': 'option_duplicate',
      'answers.many': 'too_many_choices',
      'answers.age': 'out_of_range',
      'answers.note': 'text_too_long',
      'answers.ghost': 'question_unknown',
    });
  });

  it('refuses answers to hidden questions and wants required visible ones', () => {
    const p = valid();
    p.answers.bus = 'no';
    expect(errorsOf(p)).toEqual({ 'answers.bus_rating': 'answer_hidden' });
    const q = valid();
    delete (q.answers as Record<string, unknown>).bus_rating;
    expect(errorsOf(q)).toEqual({ 'answers.bus_rating': 'required' });
    const r = valid();
    r.answers.bus = 'no';
    delete (r.answers as Record<string, unknown>).bus_rating;
    expect(errorsOf(r)).toEqual({});
  });

  it('wants every matrix row and a full ranking when required, a known commune, consent', () => {
    const p = valid();
    p.answers.services = { a: 1 } as never;
    p.answers.rank = ['x'];
    p.profile.communeId = 3;
    (p as { consent: unknown }).consent = false;
    expect(errorsOf(p)).toMatchObject({
      'answers.services': 'matrix_incomplete',
      'answers.rank': 'ranking_incomplete',
      'profile.communeId': 'commune_required',
      consent: 'survey_consent_required',
    });
  });

  it('turns answers into typed long rows', () => {
    const rows = answerRows(definition, schema.parse(valid()).answers);
    expect(rows).toContainEqual({ questionId: 'services', itemKey: 'b', value: 5, dontKnow: false, text: null });
    expect(rows).toContainEqual({ questionId: 'rank', itemKey: 'z', value: 1, dontKnow: false, text: null });
    expect(rows).toContainEqual({ questionId: 'bus', itemKey: 'yes', value: null, dontKnow: false, text: null });
    expect(rows.filter((r) => r.questionId === 'many')).toHaveLength(1);
  });

  it('refuses, without throwing, an object as the answer a later question depends on', () => {
    // Found by the property test: an object whose toString is no function cannot be turned into text.
    const p = { ...valid(), answers: { ...valid().answers, bus: { toString: {} } } };
    expect(errorsOf(p)).toMatchObject({ 'answers.bus': expect.any(String), 'answers.bus_rating': 'answer_hidden' });
  });

  it('hides a question whose condition source is hidden', () => {
    expect(visibleQuestionIds(definition, { bus: 'no' }).has('bus_rating')).toBe(false);
    expect(visibleQuestionIds(definition, { bus: 'yes' }).has('bus_rating')).toBe(true);
  });
});
