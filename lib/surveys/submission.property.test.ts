import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { surveyAnswers, surveyResponses } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { answerRows, definitionSchema, responseSchema } from './definition';
import { changeSurveyStatus, createSurvey, submitResponse } from './mutations';
import { makePlaces, makeUser, smallSurveyForm } from './test-helpers';

// Random and hostile payloads thrown at the submission: every invalid one is refused and stores
// nothing; every valid one is stored exactly once (a repeat is answered "duplicate"), with exactly
// the answer rows it carries.

let slug: string;
let surveyId: string;
let communeA: number;
let coordinator: CurrentUser;
const definition = definitionSchema.parse(smallSurveyForm('x').definition);

beforeAll(async () => {
  const places = await makePlaces();
  communeA = places.communeA;
  coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  const created = await createSurvey({ actor: coordinator, input: smallSurveyForm(`wlasnosci-${randomUUID().slice(0, 6)}`, 'open_link', [communeA]) });
  await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
  slug = created.slug;
  surveyId = created.id;
});

async function stored() {
  const [r] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
  const [a] = await db.select({ n: count() }).from(surveyAnswers).where(eq(surveyAnswers.surveyId, surveyId));
  return { responses: r!.n, answers: a!.n };
}

const scale = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('dk' as const));
const validAnswers = fc
  .record({
    bus: fc.constantFrom('yes', 'no'),
    busRating: scale,
    services: fc.record({ a: fc.integer({ min: 1, max: 5 }), b: fc.integer({ min: 1, max: 5 }) }),
    rank: fc.shuffledSubarray(['x', 'y', 'z'], { minLength: 2, maxLength: 2 }),
    many: fc.option(fc.shuffledSubarray(['p', 'q', 'r'], { minLength: 1, maxLength: 2 }), { nil: undefined }),
    count: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    note: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), { nil: undefined }),
  })
  .map(({ busRating, ...a }) => {
    const answers: Record<string, unknown> = { bus: a.bus, services: a.services, rank: a.rank };
    if (a.bus === 'yes') answers.bus_rating = busRating;
    if (a.many) answers.many = a.many;
    if (a.count !== undefined) answers.count = a.count;
    if (a.note !== undefined) answers.note = a.note;
    return answers;
  });

const validPayload = validAnswers.map((answers) => ({
  submissionId: randomUUID(),
  consent: true,
  profile: { communeId: communeA, localityId: null, ageGroup: '45_59', respondentType: 'senior' },
  answers,
}));

const notIn = (values: unknown[]) => fc.anything().filter((v) => !values.some((x) => JSON.stringify(x) === JSON.stringify(v)));

/** Each mutation makes a valid payload invalid in one known way. */
const hostile = fc.tuple(
  validPayload,
  fc.oneof(
    fc.record({ kind: fc.constant('unknown question'), key: fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !['bus', 'bus_rating', 'services', 'rank', 'many', 'count', 'note'].includes(k) && k !== '__proto__'), value: fc.jsonValue() }),
    fc.record({ kind: fc.constant('unknown option'), value: notIn(['yes', 'no', '', null, undefined]) }),
    fc.record({ kind: fc.constant('rating out of range'), value: fc.oneof(fc.integer().filter((n) => n < 1 || n > 5), fc.double({ noInteger: true }), fc.string().filter((s) => s !== 'dk' && s !== '')) }),
    fc.record({ kind: fc.constant('matrix out of range'), row: fc.constantFrom('a', 'b'), value: fc.oneof(fc.integer().filter((n) => n < 1 || n > 5), fc.string({ minLength: 1 })) }),
    fc.record({ kind: fc.constant('matrix unknown row'), row: fc.string({ minLength: 1, maxLength: 10 }).filter((r) => r !== 'a' && r !== 'b' && r !== '__proto__'), value: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('ranking invalid'), value: fc.oneof(fc.constant(['x', 'x']), fc.constant(['x', 'y', 'z']), fc.constant(['x', 'q']), fc.constant(['x'])) }),
    fc.record({ kind: fc.constant('too many choices'), value: fc.constant(['p', 'q', 'r']) }),
    fc.record({ kind: fc.constant('number out of range'), value: fc.oneof(fc.integer().filter((n) => n < 0 || n > 10), fc.double({ noInteger: true, noNaN: true }), fc.string({ minLength: 1 })) }),
    fc.record({ kind: fc.constant('text too long'), value: fc.string({ minLength: 21, maxLength: 5000 }) }),
    fc.record({ kind: fc.constant('hidden answer'), value: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('missing required'), key: fc.constantFrom('bus', 'services', 'rank') }),
    fc.record({ kind: fc.constant('bad submission id'), value: fc.string() }),
    fc.record({ kind: fc.constant('no consent'), value: notIn([true]) }),
    fc.record({ kind: fc.constant('unknown commune'), value: fc.oneof(fc.integer({ min: 100_000 }), fc.string({ minLength: 1 }), fc.constant(null)) }),
    fc.record({ kind: fc.constant('garbage'), value: fc.anything() }),
  ),
);

function mutate(payload: Record<string, unknown> & { answers: Record<string, unknown>; profile: Record<string, unknown> }, m: { kind: string; key?: string; value?: unknown; row?: string }): unknown {
  const p = structuredClone(payload);
  switch (m.kind) {
    case 'unknown question': p.answers[m.key!] = m.value; break;
    case 'unknown option': p.answers.bus = m.value; break;
    case 'rating out of range': p.answers.bus = 'yes'; p.answers.bus_rating = m.value; break;
    case 'matrix out of range': p.answers.services = { ...(p.answers.services as object), [m.row!]: m.value }; break;
    case 'matrix unknown row': p.answers.services = { ...(p.answers.services as object), [m.row!]: m.value }; break;
    case 'ranking invalid': p.answers.rank = m.value; break;
    case 'too many choices': p.answers.many = m.value; break;
    case 'number out of range': p.answers.count = m.value; break;
    case 'text too long': p.answers.note = m.value; break;
    case 'hidden answer': p.answers.bus = 'no'; p.answers.bus_rating = m.value; break;
    case 'missing required': delete p.answers[m.key!]; break;
    case 'bad submission id': p.submissionId = m.value; break;
    case 'no consent': p.consent = m.value; break;
    case 'unknown commune': p.profile.communeId = m.value; break;
    case 'garbage': return m.value;
  }
  return p;
}

let address = 0;
const context = () => ({ actor: null, channel: 'online' as const, clientAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}` });

describe('the submission, under random and hostile payloads', () => {
  it('refuses every invalid payload and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async ([payload, mutation]) => {
        const bad = mutate(payload as never, mutation);
        // The oracle agrees that the mutation made it invalid (guards the generator itself).
        expect(responseSchema(definition, { communeIds: [communeA] }).safeParse(bad).success).toBe(false);
        const before = await stored();
        const error = await submitResponse({ slug, payload: bad, context: context() }).then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
        expect(await stored()).toEqual(before);
      }),
      { numRuns: 120 },
    );
  }, 180_000);

  it('stores every valid payload exactly once, with exactly its answers', async () => {
    await fc.assert(
      fc.asyncProperty(validPayload, fc.integer({ min: 1, max: 3 }), async (payload, attempts) => {
        const before = await stored();
        const outcomes = [];
        for (let i = 0; i < attempts; i++) outcomes.push((await submitResponse({ slug, payload, context: context() })).status);
        expect(outcomes).toEqual(['stored', ...Array(attempts - 1).fill('duplicate')]);
        const rows = answerRows(definition, responseSchema(definition, { communeIds: [communeA] }).parse(payload).answers);
        const after = await stored();
        expect(after).toEqual({ responses: before.responses + 1, answers: before.answers + rows.length });
        const saved = await db
          .select({ questionId: surveyAnswers.questionId, itemKey: surveyAnswers.itemKey, value: surveyAnswers.value, dontKnow: surveyAnswers.dontKnow, text: surveyAnswers.text })
          .from(surveyAnswers)
          .where(eq(surveyAnswers.responseId, payload.submissionId));
        const key = (r: { questionId: string; itemKey: string }) => `${r.questionId}/${r.itemKey}`;
        expect([...saved].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...rows].sort((x, y) => key(x).localeCompare(key(y))));
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});
