import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { communes, surveyAnswers, surveyInvitationCodes, surveyResponses, surveys } from '@/db/schema';
import { seedSurveys } from '@/db/seed/surveys';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { DEFAULT_SURVEY_SLUG } from './default-questionnaire';
import { changeSurveyStatus, copySurvey, createSurvey, generateInvitationCodes, submitResponse, updateSurvey } from './mutations';
import { getSurveyForBuilder, getSurveyForFilling, getSurveyForOffice, listCommunesForBuilder, listInvitationCodes, listOpenSurveys, listSurveysForOffice, openResponseExport } from './queries';
import { makePlaces, makeUser, smallSurveyForm, validPayload } from './test-helpers';
import { OFFICE_PAGE_SIZE, surveyFormSchema } from './schema';

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function responsesOf(surveyId: string) {
  const [r] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
  return r!.n;
}

let places: Awaited<ReturnType<typeof makePlaces>>;
let coordinator: CurrentUser;
let analyst: CurrentUser;
let operator: CurrentUser;
let member: CurrentUser;
let slugNo = 0;
const nextSlug = () => `ankieta-${++slugNo}-${randomUUID().slice(0, 4)}`;
/** The small survey, covering both test communes unless told otherwise. */
const form = (slug: string, mode: 'open_link' | 'invitation' = 'open_link', communeIds?: number[]) =>
  smallSurveyForm(slug, mode, communeIds ?? [places.communeA, places.communeB]);

async function openSurvey(mode: 'open_link' | 'invitation' = 'open_link') {
  const created = await createSurvey({ actor: coordinator, input: form(nextSlug(), mode) });
  await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
  return created;
}

const online = { actor: null, channel: 'online' as const, clientAddress: '203.0.113.7' };

beforeAll(async () => {
  places = await makePlaces();
  coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  analyst = await makeUser([{ role: 'analyst', communeId: null }]);
  operator = await makeUser([{ role: 'operator', communeId: null }]);
  member = await makeUser();
});

describe('permissions', () => {
  const outsiders: [string, () => RoleGrant[]][] = [
    ['a member', () => []],
    ['a moderator', () => [{ role: 'moderator', communeId: null }]],
    ['an operator', () => [{ role: 'operator', communeId: null }]],
  ];
  it.each(outsiders)('%s may not create, edit, publish or copy a survey', async (_label, roles) => {
    const actor = await makeUser(roles());
    const existing = await createSurvey({ actor: coordinator, input: form(nextSlug()) });
    const before = await db.select({ n: count() }).from(surveys);
    expect((await thrown(createSurvey({ actor, input: form(nextSlug()) }))).code).toBe('forbidden');
    expect((await thrown(updateSurvey({ actor, id: existing.id, input: form(nextSlug()) }))).code).toBe('forbidden');
    expect((await thrown(changeSurveyStatus({ actor, id: existing.id, transition: 'publish' }))).code).toBe('forbidden');
    expect((await thrown(copySurvey({ actor, id: existing.id }))).code).toBe('forbidden');
    expect(await db.select({ n: count() }).from(surveys)).toEqual(before);
    const [row] = await db.select({ status: surveys.status }).from(surveys).where(eq(surveys.id, existing.id));
    expect(row!.status).toBe('draft');
  });

  it('analysts and coordinators may build; a commune coordinator too', async () => {
    const local = await makeUser([{ role: 'coordinator', communeId: places.communeA }]);
    for (const actor of [analyst, coordinator, local]) {
      const created = await createSurvey({ actor, input: form(nextSlug(), 'open_link', [places.communeA]) });
      expect(created.id).toBeTruthy();
    }
  });

  it('only coordinators generate invitation codes', async () => {
    const survey = await createSurvey({ actor: coordinator, input: form(nextSlug(), 'invitation') });
    for (const actor of [analyst, operator, member]) {
      expect((await thrown(generateInvitationCodes({ actor, surveyId: survey.id, count: 3 }))).code).toBe('forbidden');
      expect((await thrown(listInvitationCodes({ actor, surveyId: survey.id, batch: 1 }))).code).toBe('forbidden');
    }
    expect((await generateInvitationCodes({ actor: coordinator, surveyId: survey.id, count: 3 })).count).toBe(3);
  });

  it('paper entry needs an operator or a coordinator', async () => {
    const survey = await openSurvey();
    expect((await thrown(submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: { actor: null, channel: 'paper' } }))).code).toBe('unauthorized');
    for (const actor of [member, analyst]) {
      const error = await thrown(submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: { actor, channel: 'paper' } }));
      expect(error.code).toBe('forbidden');
    }
    for (const actor of [operator, coordinator]) {
      const outcome = await submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: { actor, channel: 'paper' } });
      expect(outcome.status).toBe('stored');
    }
    const rows = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, (await getSurveyForOffice({ actor: coordinator, id: (await db.select().from(surveys).where(eq(surveys.slug, survey.slug)))[0]!.id })).survey.id));
    expect(rows.map((r) => r.channel)).toEqual(['paper', 'paper']);
    expect(rows.map((r) => r.enteredBy).sort()).toEqual([operator.id, coordinator.id].sort());
  });

  it('export is for analysts and coordinators; the office list refuses members', async () => {
    const survey = await openSurvey();
    for (const actor of [member, operator]) {
      expect((await thrown(openResponseExport({ actor, surveyId: survey.id }))).code).toBe('forbidden');
    }
    expect((await thrown(getSurveyForOffice({ actor: member, id: survey.id }))).code).toBe('forbidden');
    await openResponseExport({ actor: analyst, surveyId: survey.id });
  });
});

describe('the survey lifecycle', () => {
  it('goes draft → open → closed → archived; a draft is not public', async () => {
    const created = await createSurvey({ actor: coordinator, input: form(nextSlug()) });
    expect((await thrown(submitResponse({ slug: created.slug, payload: validPayload(places.communeA), context: online }))).code).toBe('not_found:survey');
    expect((await listOpenSurveys()).some((s) => s.id === created.id)).toBe(false);
    await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
    expect((await listOpenSurveys()).some((s) => s.id === created.id)).toBe(true);
    expect((await thrown(changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' }))).code).toBe('conflict:survey_status');
    await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'close' });
    const error = await thrown(submitResponse({ slug: created.slug, payload: validPayload(places.communeA), context: online }));
    expect(error.code).toBe('conflict:survey_closed');
    await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'archive' });
  });

  it('closes by itself at its closing date', async () => {
    const input = form(nextSlug());
    input.meta.closesAt = new Date(Date.now() + 60_000);
    const created = await createSurvey({ actor: coordinator, input });
    await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
    await db.update(surveys).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(surveys.id, created.id));
    expect((await listOpenSurveys()).some((s) => s.id === created.id)).toBe(false);
    expect((await thrown(submitResponse({ slug: created.slug, payload: validPayload(places.communeA), context: online }))).code).toBe('conflict:survey_closed');
  });

  it('freezes the structure once answered; a copy is a new editable version', async () => {
    const survey = await openSurvey();
    await updateSurvey({ actor: coordinator, id: survey.id, input: form(survey.slug) });
    await submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: online });
    const changed = form(survey.slug);
    changed.definition.sections[1]!.questions.pop();
    expect((await thrown(updateSurvey({ actor: coordinator, id: survey.id, input: changed }))).code).toBe('conflict:survey_frozen');
    const copy = await copySurvey({ actor: coordinator, id: survey.id });
    expect(copy.slug).toBe(`${survey.slug}-v2`);
    const [row] = await db.select().from(surveys).where(eq(surveys.id, copy.id));
    expect(row).toMatchObject({ status: 'draft', version: 2, previousVersionId: survey.id });
    await updateSurvey({ actor: coordinator, id: copy.id, input: form(copy.slug) });
  });

  it('refuses an invalid definition and a taken slug at the field', async () => {
    const input = form(nextSlug());
    input.definition.sections[0]!.questions[0]!.condition = { questionId: 'services', equals: 'yes' };
    const error = await thrown(createSurvey({ actor: coordinator, input }));
    expect(error.fieldErrors).toMatchObject({ 'definition.sections.0.questions.0.condition.questionId': ['condition_not_earlier'] });
    const first = await createSurvey({ actor: coordinator, input: form(nextSlug()) });
    const taken = await thrown(createSurvey({ actor: coordinator, input: form(first.slug) }));
    expect(taken.fieldErrors).toEqual({ 'meta.slug': ['survey_slug_taken'] });
  });
});

describe('the office list', () => {
  it('walks every survey that is not archived once, in keyset pages; a malformed cursor is refused', async () => {
    const definition = surveyFormSchema.parse(form('lista')).definition;
    const same = new Date();
    // More than two pages, many with the same updated_at: the id breaks the tie.
    await db.insert(surveys).values(
      Array.from({ length: OFFICE_PAGE_SIZE * 2 + 5 }, (_, i) => ({ slug: `lista-${i}-${randomUUID().slice(0, 6)}`, titlePl: `Lista ${i}`, definition, updatedAt: same })),
    );
    await db.insert(surveys).values({ slug: `archiwum-${randomUUID().slice(0, 6)}`, titlePl: 'Archiwum', definition, status: 'archived' });
    const expected = (await db.select({ id: surveys.id, status: surveys.status }).from(surveys)).filter((s) => s.status !== 'archived').map((s) => s.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listSurveysForOffice({ actor: analyst, cursor });
      if (page.nextCursor) expect(page.surveys).toHaveLength(OFFICE_PAGE_SIZE);
      seen.push(...page.surveys.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.sort());
    expect((await thrown(listSurveysForOffice({ actor: analyst, cursor: 'x; drop' }))).code).toBe('bad_request');
    expect((await thrown(listSurveysForOffice({ actor: member }))).code).toBe('forbidden');
  });
});

describe('the communes a survey covers', () => {
  it('the shared form schema requires at least one commune, at the field', () => {
    const parsed = surveyFormSchema.safeParse(smallSurveyForm('gminy', 'open_link', []));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ['meta', 'communeIds'], message: 'survey_communes_required' })]);
    expect(surveyFormSchema.parse(smallSurveyForm('gminy', 'open_link', [3, 1, 3])).meta.communeIds).toEqual([1, 3]);
  });

  it('refuses a survey covering no commune, storing nothing', async () => {
    const slug = nextSlug();
    const error = await thrown(createSurvey({ actor: coordinator, input: form(slug, 'open_link', []) }));
    expect(error.fieldErrors).toEqual({ 'meta.communeIds': ['survey_communes_required'] });
    expect(await db.select().from(surveys).where(eq(surveys.slug, slug))).toEqual([]);
  });

  it('refuses an unknown or inactive commune', async () => {
    const [inactive] = await db.insert(communes).values({ slug: `stara-${randomUUID().slice(0, 6)}`, name: 'Stara', kind: 'rural', active: false }).returning({ id: communes.id });
    for (const id of [inactive!.id, 999_999]) {
      const error = await thrown(createSurvey({ actor: coordinator, input: form(nextSlug(), 'open_link', [places.communeA, id]) }));
      expect(error.fieldErrors).toEqual({ 'meta.communeIds': ['survey_communes_unknown'] });
    }
  });

  it('a commune coordinator covers only their own commune, and may not change a survey beyond it', async () => {
    const local = await makeUser([{ role: 'coordinator', communeId: places.communeA }]);
    expect((await listCommunesForBuilder({ actor: local })).map((c) => c.id)).toEqual([places.communeA]);
    expect((await listCommunesForBuilder({ actor: analyst })).map((c) => c.id)).toEqual(expect.arrayContaining([places.communeA, places.communeB]));

    const before = await db.select({ n: count() }).from(surveys);
    for (const ids of [[places.communeB], [places.communeA, places.communeB]]) {
      const error = await thrown(createSurvey({ actor: local, input: form(nextSlug(), 'open_link', ids) }));
      expect(error.code).toBe('forbidden:survey_communes_not_yours');
      expect(error.fieldErrors).toEqual({ 'meta.communeIds': ['survey_communes_not_yours'] });
    }
    expect(await db.select({ n: count() }).from(surveys)).toEqual(before);

    // Their own survey: editable, but not widened to another commune.
    const own = await createSurvey({ actor: local, input: form(nextSlug(), 'open_link', [places.communeA]) });
    expect((await thrown(updateSurvey({ actor: local, id: own.id, input: form(own.slug, 'open_link', [places.communeA, places.communeB]) }))).code).toBe(
      'forbidden:survey_communes_not_yours',
    );
    const [kept] = await db.select({ communeIds: surveys.communeIds }).from(surveys).where(eq(surveys.id, own.id));
    expect(kept!.communeIds).toEqual([places.communeA]);

    // A county-wide survey is beyond them: no builder, no edit, no publishing, no copy.
    const county = await createSurvey({ actor: coordinator, input: form(nextSlug()) });
    expect((await thrown(getSurveyForBuilder({ actor: local, id: county.id }))).code).toBe('forbidden');
    expect((await thrown(updateSurvey({ actor: local, id: county.id, input: form(county.slug, 'open_link', [places.communeA]) }))).code).toBe('forbidden');
    expect((await thrown(changeSurveyStatus({ actor: local, id: county.id, transition: 'publish' }))).code).toBe('forbidden');
    expect((await thrown(copySurvey({ actor: local, id: county.id }))).code).toBe('forbidden');
    const [untouched] = await db.select({ status: surveys.status, communeIds: surveys.communeIds }).from(surveys).where(eq(surveys.id, county.id));
    expect(untouched).toEqual({ status: 'draft', communeIds: [places.communeA, places.communeB] });
    expect((await getSurveyForOffice({ actor: local, id: county.id })).can.manage).toBe(false);
    expect((await getSurveyForOffice({ actor: coordinator, id: county.id })).can.manage).toBe(true);
  });

  it('the filling page offers only the covered communes; a response naming another is refused, nothing stored', async () => {
    const created = await createSurvey({ actor: coordinator, input: form(nextSlug(), 'open_link', [places.communeA]) });
    await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
    expect((await getSurveyForFilling({ slug: created.slug })).communes.map((c) => c.id)).toEqual([places.communeA]);
    const error = await thrown(submitResponse({ slug: created.slug, payload: validPayload(places.communeB), context: online }));
    expect(error.fieldErrors).toEqual({ 'profile.communeId': ['commune_required'] });
    expect(await responsesOf(created.id)).toBe(0);
    expect((await db.select({ n: count() }).from(surveyAnswers).where(eq(surveyAnswers.surveyId, created.id)))[0]!.n).toBe(0);
    expect((await submitResponse({ slug: created.slug, payload: validPayload(places.communeA), context: online })).status).toBe('stored');
  });

  it('once answered, only English translations may change: structure, Polish texts and communes stay frozen', async () => {
    const survey = await openSurvey();
    await submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: online });
    const refused = (change: (input: ReturnType<typeof form>) => void) => {
      const input = form(survey.slug);
      change(input);
      return thrown(updateSurvey({ actor: coordinator, id: survey.id, input }));
    };
    expect((await refused((i) => (i.meta.communeIds = [places.communeA]))).code).toBe('conflict:survey_frozen');
    expect((await refused((i) => (i.definition.sections[0]!.questions[0]!.label.pl = 'Autobus? (poprawione)'))).code).toBe('conflict:survey_frozen');
    expect((await refused((i) => i.definition.sections[1]!.questions.pop())).code).toBe('conflict:survey_frozen');
    expect((await refused((i) => (i.meta.responseMode = 'invitation'))).code).toBe('conflict:survey_frozen');

    const english = form(survey.slug);
    english.meta.titleEn = 'Small survey';
    english.definition.sections[0]!.questions[0]!.label.en = 'Bus?';
    english.definition.sections[0]!.questions[0]!.help = { pl: '', en: 'Any line' };
    expect(await updateSurvey({ actor: coordinator, id: survey.id, input: english })).toEqual({ id: survey.id, slug: survey.slug });
    const [row] = await db.select().from(surveys).where(eq(surveys.id, survey.id));
    expect(row!.titleEn).toBe('Small survey');
    expect(row!.communeIds).toEqual([places.communeA, places.communeB]);
    expect(row!.definition.sections[0]!.questions[0]!.label).toEqual({ pl: 'Autobus?', en: 'Bus?' });
    expect(row!.definition.sections[0]!.questions[0]!.help.en).toBe('Any line');
    // The stored answers still fit: the next response is checked against the same structure.
    expect((await submitResponse({ slug: survey.slug, payload: validPayload(places.communeB), context: online })).status).toBe('stored');
  });
});

describe('submitting a response', () => {
  it('stores the response and its answers in long rows', async () => {
    const survey = await openSurvey();
    const payload = validPayload(places.communeA, {});
    payload.profile.localityId = places.localityA as never;
    const outcome = await submitResponse({ slug: survey.slug, payload, context: online });
    expect(outcome.status).toBe('stored');
    const answers = await db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, payload.submissionId));
    expect(answers).toHaveLength(9);
    const [response] = await db.select().from(surveyResponses).where(eq(surveyResponses.id, payload.submissionId));
    expect(response).toMatchObject({ communeId: places.communeA, localityId: places.localityA, channel: 'online', enteredBy: null, ageGroup: '25_34' });
  });

  it('a retried submission stores one response, even concurrently', async () => {
    const survey = await openSurvey();
    const payload = validPayload(places.communeA);
    const outcomes = await Promise.all([1, 2, 3].map(() => submitResponse({ slug: survey.slug, payload, context: online })));
    expect(outcomes.filter((o) => o.status === 'stored')).toHaveLength(1);
    expect(await submitResponse({ slug: survey.slug, payload, context: online })).toMatchObject({ status: 'duplicate' });
    expect(await responsesOf(survey.id)).toBe(1);
  });

  it('a retry still answers "stored before" after the survey closed', async () => {
    const survey = await openSurvey();
    const payload = validPayload(places.communeA);
    await submitResponse({ slug: survey.slug, payload, context: online });
    await changeSurveyStatus({ actor: coordinator, id: survey.id, transition: 'close' });
    expect((await submitResponse({ slug: survey.slug, payload, context: online })).status).toBe('duplicate');
  });

  it('refuses a locality of another commune, storing nothing', async () => {
    const survey = await openSurvey();
    const payload = validPayload(places.communeB);
    payload.profile.localityId = places.localityA as never;
    expect((await thrown(submitResponse({ slug: survey.slug, payload, context: online }))).fieldErrors).toEqual({ 'profile.localityId': ['locality_unknown'] });
    expect(await responsesOf(survey.id)).toBe(0);
  });

  it('a filled honeypot stores nothing but answers politely', async () => {
    const survey = await openSurvey();
    const outcome = await submitResponse({ slug: survey.slug, payload: validPayload(places.communeA, { website: 'http://spam' }), context: online });
    expect(outcome.status).toBe('ignored');
    expect(await responsesOf(survey.id)).toBe(0);
  });

  it('a browser that already answered (signed cookie) is refused a second, different response', async () => {
    const survey = await openSurvey();
    const first = validPayload(places.communeA);
    await submitResponse({ slug: survey.slug, payload: first, context: online });
    const again = { ...online, previousSubmissionId: first.submissionId };
    expect((await submitResponse({ slug: survey.slug, payload: first, context: again })).status).toBe('duplicate');
    expect((await thrown(submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: again }))).code).toBe('conflict:survey_already_answered');
  });

  it('limits submissions per address (keyed hash, no address stored)', async () => {
    const survey = await openSurvey();
    const context = { ...online, clientAddress: '198.51.100.99' };
    for (let i = 0; i < 30; i++) await submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context });
    expect((await thrown(submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context }))).code).toBe('rate_limited:survey');
    const keys = await db.execute(`select key from rate_limits`);
    expect(JSON.stringify(keys)).not.toContain('198.51.100.99');
    // Another address is not affected.
    await submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: { ...online, clientAddress: '198.51.100.100' } });
  });

  it('an invitation code works once; a wrong or missing one stores nothing', async () => {
    const survey = await openSurvey('invitation');
    await generateInvitationCodes({ actor: coordinator, surveyId: survey.id, count: 2 });
    const { codes } = await listInvitationCodes({ actor: coordinator, surveyId: survey.id, batch: 1 });
    expect(codes).toHaveLength(2);
    const code = codes[0]!.code;
    expect((await thrown(submitResponse({ slug: survey.slug, payload: validPayload(places.communeA), context: online }))).fieldErrors).toEqual({ code: ['invitation_code_required'] });
    expect((await thrown(submitResponse({ slug: survey.slug, payload: validPayload(places.communeA, { code: 'AAAA-AAAA' }), context: online }))).fieldErrors).toEqual({ code: ['invitation_code_invalid'] });
    const first = validPayload(places.communeA, { code: code.toLowerCase().replace('-', ' ') });
    expect((await submitResponse({ slug: survey.slug, payload: first, context: online })).status).toBe('stored');
    expect((await submitResponse({ slug: survey.slug, payload: first, context: online })).status).toBe('duplicate');
    const second = await thrown(submitResponse({ slug: survey.slug, payload: validPayload(places.communeA, { code }), context: online }));
    expect(second.fieldErrors).toEqual({ code: ['invitation_code_invalid'] });
    expect(await responsesOf(survey.id)).toBe(1);
    const [used] = await db.select({ n: count() }).from(surveyInvitationCodes).where(eq(surveyInvitationCodes.surveyId, survey.id));
    expect(used!.n).toBe(2);
  });
});

describe('export and seed', () => {
  it('walks every response once in keyset batches, answers attached', async () => {
    const survey = await openSurvey();
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) {
      const payload = validPayload(i % 2 ? places.communeA : places.communeB);
      ids.add(payload.submissionId);
      await submitResponse({ slug: survey.slug, payload, context: { ...online, clientAddress: `192.0.2.${i}` } });
    }
    const { batches } = await openResponseExport({ actor: analyst, surveyId: survey.id, batchSize: 3 });
    const seen: string[] = [];
    let batchCount = 0;
    for await (const batch of batches()) {
      batchCount++;
      for (const r of batch) {
        seen.push(r.id);
        expect(r.answers.length).toBe(9);
      }
    }
    expect(batchCount).toBe(3);
    expect(new Set(seen)).toEqual(ids);
    expect(seen).toHaveLength(7);
  });

  it('the demo seed publishes the default questionnaire with synthetic responses', async () => {
    await seedSurveys(db, { count: 200 });
    await seedSurveys(db, { count: 200 });
    const open = await listOpenSurveys();
    const seeded = open.find((s) => s.slug === DEFAULT_SURVEY_SLUG);
    expect(seeded).toBeTruthy();
    expect(await responsesOf(seeded!.id)).toBe(200);
    const { survey } = await getSurveyForOffice({ actor: coordinator, id: seeded!.id });
    expect(survey.definition.sections).toHaveLength(7);
  });
});
