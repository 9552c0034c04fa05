import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { communes, resultsPublications, scorecards, serviceAreas } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { DEFAULT_DEFINITION } from '@/lib/surveys/default-questionnaire';
import { definitionSchema, type SurveyDefinition } from '@/lib/surveys/definition';
import { changeSurveyStatus, createSurvey, submitResponse } from '@/lib/surveys/mutations';
import { makePlaces, makeUser } from '@/lib/surveys/test-helpers';
import { areasOf, meanOf, quarterOfDay, quartersBetween, servicesOf } from './compute';
import { scopeCells, type ScopeCell } from './disclosure';
import { getForumMonitoring } from './monitoring';
import { getOverview, getServiceMatrix, serviceMatrixFromCells } from './queries';
import { forumTable, serviceMatrixTable, toCsv } from './tables';
import { close, exactScope, query, random, randomAnswers, rawKeyedCells } from './test-helpers';

// The two views added to the dashboards: forum monitoring (the forum's quarterly scorecards beside
// the residents' satisfaction) and the importance–performance matrix per service of an area.
// Every number is checked against a direct SQL computation over the raw answers (or the raw
// scorecards); small groups of residents are hidden in the view and its CSV; the forum's published
// ratings are not.

const definition = definitionSchema.parse(DEFAULT_DEFINITION);
const K = 5;
const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}:${JSON.stringify(values)}` : key);
let slug: string;
let surveyId: string;
let communeA: number;
let communeB: number;
let tiny: number;
let analyst: CurrentUser;
let coordinator: CurrentUser;
let transportId: number;

// Forum ratings: [commune, quarter, score]. Commune A has quarters with one rating (shown anyway).
const RATINGS: ['A' | 'B' | 'tiny', number, number][] = [
  ['A', 20261, 2],
  ['A', 20261, 3],
  ['A', 20262, 4],
  ['A', 20264, 1],
  ['A', 20264, 2],
  ['A', 20264, 5],
  ['B', 20262, 5],
  ['tiny', 20264, 3],
];

beforeAll(async () => {
  ({ communeA, communeB } = await makePlaces());
  [{ id: tiny }] = (await db
    .insert(communes)
    .values({ slug: `mala-${randomUUID().slice(0, 6)}`, name: 'Mała', kind: 'rural' })
    .returning({ id: communes.id })) as [{ id: number }];
  coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  analyst = await makeUser([{ role: 'analyst', communeId: null }]);
  const created = await createSurvey({
    actor: coordinator,
    input: { meta: { slug: `monitoring-${randomUUID().slice(0, 6)}`, titlePl: 'Monitoring', responseMode: 'open_link', communeIds: [communeA, communeB, tiny], opensAt: null, closesAt: null }, definition: DEFAULT_DEFINITION },
  });
  await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
  slug = created.slug;
  surveyId = created.id;
  const rnd = random(7);
  for (let i = 0; i < 63; i++) {
    const communeId = i < 3 ? tiny : rnd() < 0.7 ? communeA : communeB;
    await submitResponse({
      slug,
      payload: { submissionId: randomUUID(), consent: true, profile: { communeId, localityId: null, ageGroup: '35_44', respondentType: 'resident' }, answers: randomAnswers(definition, rnd) },
      context: { actor: null, channel: 'online', clientAddress: `10.2.0.${i}` },
    });
  }
  await db
    .insert(serviceAreas)
    .values([
      { slug: 'education', namePl: 'Edukacja', nameEn: 'Education' },
      { slug: 'transport', namePl: 'Transport', nameEn: 'Transport' },
    ])
    .onConflictDoNothing();
  transportId = (await db.select({ id: serviceAreas.id }).from(serviceAreas).where(sql`slug = 'transport'`))[0]!.id;
  const where = { A: communeA, B: communeB, tiny };
  for (const [commune, quarter, score] of RATINGS) {
    const member = await makeUser([]);
    await db.insert(scorecards).values({ userId: member.id, communeId: where[commune], serviceAreaId: transportId, quarter, score });
  }
}, 120_000);

const transport = areasOf(definition).find((a) => a.slug === 'transport')!;

describe('forum monitoring', () => {
  it('the forum ratings per quarter equal SQL over the scorecards, in a commune and the county', async () => {
    for (const communeId of [communeA, null]) {
      const view = await getForumMonitoring({ actor: analyst, slug, communeId, areaKey: transport.key });
      const expected = await query<{ quarter: number; mean: number; n: number }>(sql`
        select quarter, avg(score)::float8 as mean, count(*)::int as n from forum_scorecards
        where service_area_id = ${transportId} and (${communeId}::int is null or commune_id = ${communeId}::int) group by quarter`);
      expect(view.quarters.filter((q) => q.forum !== null).map((q) => q.quarter)).toEqual(expected.map((e) => e.quarter).sort((a, b) => a - b));
      for (const e of expected) {
        const q = view.quarters.find((x) => x.quarter === e.quarter)!;
        close(q.forum, Number(e.mean));
        expect(q.ratings).toBe(e.n);
      }
    }
    // One rating in a quarter is published opinion: shown, with its count.
    const b = await getForumMonitoring({ actor: analyst, slug, communeId: communeB, areaKey: transport.key });
    expect(b.quarters.find((q) => q.quarter === 20262)).toMatchObject({ forum: 5, ratings: 1 });
  });

  it('the residents\u2019 mean equals SQL over the raw answers (protected), in the quarters of the fieldwork', async () => {
    for (const communeId of [communeA, communeB, null]) {
      const view = await getForumMonitoring({ actor: analyst, slug, communeId, areaKey: transport.key });
      // The county is its published communes: "tiny" (3 responses) is in no figure.
      const ids = communeId === null ? [communeA, communeB] : [communeId];
      const [expected] = await query<{ mean: number; first: string; last: string }>(sql`
        select (select avg(a.value)::float8 from survey_answers a join survey_responses r on r.id = a.response_id
                where a.survey_id = ${surveyId} and not a.dont_know and a.question_id in ${transport.satisfactionQuestions}
                  and r.commune_id in ${ids}) as mean,
               min((submitted_at at time zone 'Europe/Warsaw')::date)::text as first, max((submitted_at at time zone 'Europe/Warsaw')::date)::text as last
        from survey_responses where survey_id = ${surveyId} and commune_id in ${ids}`);
      const cells = scopeCells(await rawKeyedCells(surveyId), ids.map((id) => [id]), K);
      close(meanOf(exactScope(cells), transport.satisfactionQuestions).mean, Number(expected!.mean));
      close(view.residents.mean, meanOf(cells, transport.satisfactionQuestions).mean);
      expect(view.residents.fieldwork).toEqual({ first: expected!.first, last: expected!.last });
      const fieldwork = quartersBetween(quarterOfDay(expected!.first), quarterOfDay(expected!.last));
      expect(view.quarters.filter((q) => q.fieldwork).map((q) => q.quarter)).toEqual(fieldwork);
      const table = forumTable(view, t, 'pl');
      for (const [i, q] of view.quarters.entries()) expect(table.rows[i]![3]).toBe(q.fieldwork ? view.residents.mean : 'noData');
    }
  });

  it('a commune with fewer than k responses shows nothing of the residents (not even when they answered) in the view and the CSV, and the forum\u2019s ratings still', async () => {
    const view = await getForumMonitoring({ actor: analyst, slug, communeId: tiny, areaKey: transport.key });
    expect(view.residents).toEqual({ mean: null, fieldwork: null });
    const csv = toCsv(forumTable(view, t, 'pl'), '<5').split('\r\n');
    const rows = csv.filter((line) => line !== '' && !line.startsWith('forum.quarter'));
    expect(rows.length).toBeGreaterThan(0);
    for (const line of rows) expect(line.endsWith(',noData')).toBe(true);
    expect(view.quarters.find((q) => q.quarter === 20264)).toMatchObject({ forum: 3, ratings: 1 });
  });

  it('the first area by default; an area the survey does not rate is not found', async () => {
    const view = await getForumMonitoring({ actor: analyst, slug, communeId: null, areaKey: null });
    expect(view.area?.key).toBe(areasOf(definition)[0]!.key);
    expect(view.forumRates).toBe(true);
    await expect(getForumMonitoring({ actor: analyst, slug, communeId: null, areaKey: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** Services of an area with their proxy importance and quadrant, computed in SQL from the raw answers. */
async function expectedServices(areaKey: string, communeId: number | null) {
  const area = areasOf(definition).find((a) => a.key === areaKey)!;
  const services = servicesOf(definition, area).filter((s) => s.importance?.kind === 'need');
  const values = sql.join(
    services.map((s) => sql`(${s.key}, ${s.questionId}, ${s.importance!.questionId}, ${s.importance!.kind === 'need' ? s.importance!.option : ''})`),
    sql`, `,
  );
  return query<{ service: string; importance: number | null; satisfaction: number; quadrant: string | null }>(sql`
    with services(service, sat_q, need_q, option) as (values ${values}),
    scope as (select id from survey_responses where survey_id = ${surveyId} and commune_id in ${communeId === null ? [communeA, communeB] : [communeId]}),
    answers as (select a.* from survey_answers a join scope on scope.id = a.response_id where a.survey_id = ${surveyId}),
    means as (
      select s.service,
        (select avg(value)::float8 from answers where question_id = s.sat_q and item_key = s.service and not dont_know) as satisfaction,
        (select 1 + 4 * count(*)::float8 / (select count(*) from scope)
           from answers where question_id = s.need_q and item_key = s.option) as importance
      from services s),
    cross_hairs as (select avg(importance) as ci, avg(satisfaction) as cs from means where importance is not null)
    select service, importance, satisfaction,
      case when importance is null then null
           when importance >= ci and satisfaction < cs then 'concentrate'
           when importance >= ci then 'keep_up'
           when satisfaction < cs then 'low_priority' else 'overkill' end as quadrant
    from means, cross_hairs`);
}

describe('importance–performance matrix per service of an area', () => {
  it('satisfaction, the proxy importance and the quadrants equal SQL over the raw answers', async () => {
    for (const area of areasOf(definition)) {
      for (const communeId of [communeA, null]) {
        const view = await getServiceMatrix({ actor: analyst, slug, communeId, areaKey: area.key });
        expect(view.importanceBasis).toBe('need');
        const expected = await expectedServices(area.key, communeId);
        expect(expected.length).toBeGreaterThanOrEqual(4);
        // The computation on exact counts equals SQL; the view is the same computation on the protected counts.
        const services = servicesOf(definition, area);
        const groups = communeId === null ? [[communeA], [communeB]] : [[communeId]];
        const cells = scopeCells(await rawKeyedCells(surveyId), groups, K);
        const [n] = await query<{ n: number }>(sql`select count(*)::int as n from survey_responses where survey_id = ${surveyId} and commune_id in ${groups.flat()}`);
        const exact = serviceMatrixFromCells(services, exactScope(cells), { published: n!.n, exact: n!.n }, K);
        const overview = await getOverview({ actor: analyst, slug });
        const published = communeId === null ? overview.county.total! : overview.communes.find((c) => c.id === communeId)!.total!;
        expect(view.points).toEqual(serviceMatrixFromCells(services, cells, { published, exact: n!.n }, K).points);
        for (const e of expected) {
          const p = exact.points.find((x) => x.key === e.service)!;
          expect(p.basis.kind).toBe('need');
          close(p.satisfaction, Number(e.satisfaction));
          close(p.importance, e.importance === null ? null : Number(e.importance));
          expect(p.quadrant).toBe(e.quadrant);
        }
      }
    }
  });

  it('a service without a matching "needs improving" answer is listed with no importance and left off the chart', async () => {
    const view = await getServiceMatrix({ actor: analyst, slug, communeId: null, areaKey: 'health' });
    const pharmacy = view.points.find((p) => p.key === 'pharmacy')!;
    expect(pharmacy).toMatchObject({ basis: { kind: 'none' }, importance: null, quadrant: null });
    expect(pharmacy.satisfaction).not.toBeNull();
    const row = serviceMatrixTable(view, t, 'pl').rows.find((r) => r[0] === pharmacy.title.pl)!;
    expect(row[1]).toBe('noData');
    expect(row[2]).toBe('matrix.basisNone');
  });

  it('a commune under k shows no number in the view or its CSV', async () => {
    const view = await getServiceMatrix({ actor: analyst, slug, communeId: tiny, areaKey: transport.key });
    expect(view.points.every((p) => p.importance === null && p.satisfaction === null && p.share === null && p.quadrant === null)).toBe(true);
    const table = serviceMatrixTable(view, t, 'pl');
    // Columns: service, importance, basis (words), share, satisfaction, quadrant.
    for (const row of table.rows) for (const c of [1, 3, 4, 5]) expect(typeof row[c] === 'number').toBe(false);
    const csv = toCsv(table, '<5').split('\r\n').slice(1, -1);
    for (const line of csv) expect(line.split(',').filter((cell) => /^\d/.test(cell))).toEqual([]);
  });

  it('a matrix tagged measure=importance with the service rows is used as it is', () => {
    const base = structuredClone(DEFAULT_DEFINITION) as SurveyDefinition;
    const section = base.sections.find((s) => s.id === transport.key)!;
    const services = section.questions.find((q) => q.type === 'matrix')!;
    section.questions.push({ ...services, id: 'transport_row_importance', measure: 'importance' } as SurveyDefinition['sections'][number]['questions'][number]);
    const parsed = definitionSchema.parse(base);
    const list = servicesOf(parsed, areasOf(parsed).find((a) => a.key === transport.key)!);
    expect(list.every((s) => s.importance?.kind === 'question' && s.importance.questionId === 'transport_row_importance')).toBe(true);
    const cells: ScopeCell[] = [
      ...list.flatMap((s, i) => [
        { questionId: s.questionId, itemKey: s.key, value: 3, dontKnow: false, answers: 6, exact: 6 },
        { questionId: 'transport_row_importance', itemKey: s.key, value: (i % 5) + 1, dontKnow: false, answers: 6, exact: 6 },
        { questionId: 'transport_row_importance', itemKey: s.key, value: 5, dontKnow: true, answers: 9, exact: 9 },
      ]),
    ];
    const { points } = serviceMatrixFromCells(list, cells, { published: 10, exact: 10 }, K);
    points.forEach((p, i) => expect(p).toMatchObject({ basis: { kind: 'question' }, importance: (i % 5) + 1, satisfaction: 3, share: null }));
    // Fewer than k answers (don't know aside) hide the mean.
    const few = serviceMatrixFromCells(list, cells.map((c) => ({ ...c, exact: c.dontKnow ? 9 : 4 })), { published: 10, exact: 10 }, K);
    expect(few.points.every((p) => p.importance === null && p.satisfaction === null)).toBe(true);
  });
});

describe('who sees what', () => {
  it('the public sees both views only once the survey\u2019s results are published', async () => {
    await expect(getForumMonitoring({ actor: null, slug, communeId: null, areaKey: null })).rejects.toMatchObject({ code: 'not_found:survey' });
    await expect(getServiceMatrix({ actor: null, slug, communeId: null, areaKey: transport.key })).rejects.toMatchObject({ code: 'not_found:survey' });
    await db.insert(resultsPublications).values({ surveyId });
    const view = await getForumMonitoring({ actor: null, slug, communeId: tiny, areaKey: transport.key });
    expect(view.residents.mean).toBeNull();
    await expect(getServiceMatrix({ actor: null, slug, communeId: null, areaKey: transport.key })).resolves.toBeTruthy();
  });
});
