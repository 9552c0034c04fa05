import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { resultsPublications } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { DEFAULT_DEFINITION } from '@/lib/surveys/default-questionnaire';
import { AGE_GROUPS, definitionSchema, RESPONDENT_TYPES } from '@/lib/surveys/definition';
import { changeSurveyStatus, createSurvey, submitResponse } from '@/lib/surveys/mutations';
import { makePlaces, makeUser } from '@/lib/surveys/test-helpers';
import { rebuildAggregates } from './aggregates';
import { areasOf, bordaOf, meanOf, optionCounts, priorityQuestionOf, type Cell } from './compute';
import { perturbCount, scopeCells } from './disclosure';
import { getMatrix, getOverview, getPriorities, getQuestionExplorer, matrixFromCells } from './queries';
import { close, exactScope, query, random, randomAnswers, rawKeyedCells } from './test-helpers';

// Correctness: random responses go in through the real submission (which updates the aggregates in
// its transaction); every number the dashboards compute from the aggregates must equal a direct SQL
// computation over the raw answers. Then a full rebuild must give the very same aggregates.

const definition = definitionSchema.parse(DEFAULT_DEFINITION);
let slug: string;
let surveyId: string;
let communeA: number;
let communeB: number;
let localityA: number;
let analyst: CurrentUser;

beforeAll(async () => {
  const places = await makePlaces();
  ({ communeA, communeB, localityA } = places);
  const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  const operator = await makeUser([{ role: 'operator', communeId: null }]);
  analyst = await makeUser([{ role: 'analyst', communeId: null }]);
  const created = await createSurvey({
    actor: coordinator,
    input: { meta: { slug: `wyniki-${randomUUID().slice(0, 6)}`, titlePl: 'Wyniki', responseMode: 'open_link', communeIds: [communeA, communeB], opensAt: null, closesAt: null }, definition: DEFAULT_DEFINITION },
  });
  await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
  slug = created.slug;
  surveyId = created.id;
  const rnd = random(42);
  for (let i = 0; i < 70; i++) {
    const communeId = rnd() < 0.75 ? communeA : communeB;
    const paper = rnd() < 0.3;
    await submitResponse({
      slug,
      payload: {
        submissionId: randomUUID(),
        consent: true,
        profile: {
          communeId,
          localityId: communeId === communeA && rnd() < 0.5 ? localityA : null,
          ageGroup: rnd() < 0.9 ? AGE_GROUPS[Math.floor(rnd() * 3)] : '',
          respondentType: RESPONDENT_TYPES[Math.floor(rnd() * 2)],
        },
        answers: randomAnswers(definition, rnd),
      },
      context: paper ? { actor: operator, channel: 'paper' } : { actor: null, channel: 'online', clientAddress: `10.0.0.${i}` },
    });
  }
}, 120_000);

const K = 5;

async function aggregateCells(): Promise<(Cell & { communeId: number })[]> {
  return query<Cell & { communeId: number }>(sql`select commune_id as "communeId", question_id as "questionId", item_key as "itemKey", value, dont_know as "dontKnow", answers
    from results_cells where survey_id = ${surveyId}`);
}

describe('aggregates kept with each submission', () => {
  it('the aggregate tables equal a full rebuild from the raw answers', async () => {
    const snapshot = async () =>
      Promise.all([
        query(sql`select commune_id, channel, day::text, responses, key_sum from results_daily where survey_id = ${surveyId} order by 1, 2, 3`),
        query(sql`select * from results_profiles where survey_id = ${surveyId} order by 2, 3, 4, 5, 6`),
        query(sql`select * from results_cells where survey_id = ${surveyId} order by 2, 3, 4, 5, 6`),
        query(sql`select * from results_profile_cells where survey_id = ${surveyId} order by 2, 3, 4, 5, 6, 7, 8, 9, 10`),
      ]);
    const incremental = await snapshot();
    expect(incremental[2]!.length).toBeGreaterThan(100);
    await db.transaction((tx) => rebuildAggregates(tx, { surveyId }));
    expect(await snapshot()).toEqual(incremental);
  });

  it('responses per commune and channel are the raw counts, protected by their records\' keys', async () => {
    const raw = await query<{ commune_id: number; channel: string; n: number; keys: number }>(
      sql`select commune_id, channel, count(*)::int as n, sum(record_key)::int as keys from survey_responses where survey_id = ${surveyId} group by 1, 2`,
    );
    const overview = await getOverview({ actor: analyst, slug });
    let county = 0;
    for (const c of overview.communes) {
      for (const channel of ['online', 'paper'] as const) {
        const r = raw.find((x) => x.commune_id === c.id && x.channel === channel);
        const expected = r ? perturbCount(r.n, r.keys, K) : 0;
        expect(c[channel]).toBe(expected);
        county += expected;
      }
      expect(c.total).toBe(c.online! + c.paper!);
    }
    expect(overview.county.total).toBe(county);
    expect(Math.abs(county - 70)).toBeLessThanOrEqual(8);
    const weekly = overview.weekly.reduce((s, w) => s + (w.responses ?? 0), 0);
    expect(Math.abs(weekly - 70)).toBeLessThanOrEqual(2 * overview.weekly.length + 5);
  });

  it('means leave "don\'t know" out and equal SQL averages over the raw answers', async () => {
    const cells = await aggregateCells();
    for (const area of areasOf(definition)) {
      for (const communeId of [communeA, communeB, null]) {
        const [expected] = await query<{ mean: number | null; dk: number }>(sql`
          select avg(a.value) filter (where not a.dont_know)::float8 as mean, count(*) filter (where a.dont_know)::int as dk
          from survey_answers a join survey_responses r on r.id = a.response_id
          where a.survey_id = ${surveyId} and a.question_id in ${area.satisfactionQuestions}
            and (${communeId}::int is null or r.commune_id = ${communeId}::int)`);
        const stat = meanOf(communeId === null ? cells : cells.filter((c) => c.communeId === communeId), area.satisfactionQuestions);
        close(stat.mean, expected!.mean === null ? null : Number(expected!.mean));
        expect(stat.dontKnow).toBe(expected!.dk);
      }
    }
    // The heat map: the same means, from the raw answers' cells protected by their records' keys.
    const overview = await getOverview({ actor: analyst, slug });
    const protectedA = scopeCells(await rawKeyedCells(surveyId), [[communeA]], K);
    const row = overview.heat.find((h) => h.communeId === communeA)!;
    for (const cell of row.cells) {
      const area = areasOf(definition).find((a) => a.key === cell.area)!;
      close(cell.mean, meanOf(protectedA, area.satisfactionQuestions).mean);
    }
  });

  it('multiple choice counts each option chosen, not each combination', async () => {
    const cells = await aggregateCells();
    const question = areasOf(definition)[0]!.needQuestion!;
    const expected = await query<{ item_key: string; n: number }>(
      sql`select item_key, count(*)::int as n from survey_answers where survey_id = ${surveyId} and question_id = ${question.id} group by 1`,
    );
    const counts = optionCounts(cells, question.id);
    for (const e of expected) expect(counts.get(e.item_key)).toBe(e.n);
    const [respondents] = await query<{ n: number }>(sql`select count(distinct response_id)::int as n from survey_answers where survey_id = ${surveyId} and question_id = ${question.id}`);
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBeGreaterThan(respondents!.n);
  });

  it('Borda scores and first places equal SQL over the raw rankings', async () => {
    const ranking = priorityQuestionOf(definition)!;
    const places = ranking.maxRanked;
    const expected = await query<{ item_key: string; borda: number; first: number }>(sql`
      select item_key, sum(${places} - value + 1)::int as borda, count(*) filter (where value = 1)::int as first
      from survey_answers where survey_id = ${surveyId} and question_id = ${ranking.id} group by 1`);
    const stats = bordaOf(await aggregateCells(), ranking);
    for (const e of expected) {
      const s = stats.find((x) => x.item === e.item_key)!;
      expect(s.borda).toBe(e.borda);
      expect(s.first).toBe(e.first);
    }
    // The view: the same scores from the raw cells protected per commune, the county their sum.
    const published = bordaOf(scopeCells(await rawKeyedCells(surveyId), [[communeA], [communeB]], K), ranking);
    const view = await getPriorities({ actor: analyst, slug, communeId: null });
    expect(view.rankers).toBe(published[0]!.rankers);
    expect(Math.abs(view.rankers! - 70)).toBeLessThanOrEqual(20);
    for (const row of view.rows) {
      const e = published.find((x) => x.item === row.item)!;
      expect(row.borda).toBe(e.borda);
      expect(row.first).toBe(e.first);
      close(row.firstShare, Math.round((e.first / e.rankers) * 1000) / 10);
    }
    // The ranking is by Borda score.
    const scores = view.rows.map((r) => r.borda!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('quadrant placement equals one computed in SQL from the raw answers', async () => {
    for (const communeId of [null, communeA]) {
      const areas = areasOf(definition);
      const values = sql.join(
        areas.map((a) => sql`(${a.key}, ${a.importanceQuestion}, array[${sql.join(a.satisfactionQuestions.map((q) => sql`${q}`), sql`, `)}]::text[])`),
        sql`, `,
      );
      const expected = await query<{ area: string; importance: number; satisfaction: number; quadrant: string }>(sql`
        with areas(area, imp_q, sat_qs) as (values ${values}),
        answers as (
          select a.* from survey_answers a join survey_responses r on r.id = a.response_id
          where a.survey_id = ${surveyId} and (${communeId}::int is null or r.commune_id = ${communeId}::int) and not a.dont_know),
        means as (
          select ar.area,
            (select avg(value)::float8 from answers where question_id = ar.imp_q) as importance,
            (select avg(value)::float8 from answers where question_id = any(ar.sat_qs)) as satisfaction
          from areas ar),
        cross_hairs as (select avg(importance) as ci, avg(satisfaction) as cs from means)
        select area, importance, satisfaction,
          case when importance >= ci and satisfaction < cs then 'concentrate'
               when importance >= ci then 'keep_up'
               when satisfaction < cs then 'low_priority' else 'overkill' end as quadrant
        from means, cross_hairs`);
      // The computation on exact counts equals SQL; the view is the same computation on protected counts.
      const groups = communeId === null ? [[communeA], [communeB]] : [[communeId]];
      const protectedCells = scopeCells(await rawKeyedCells(surveyId), groups, K);
      const exact = matrixFromCells(definition, exactScope(protectedCells), K);
      for (const e of expected) {
        const p = exact.points.find((x) => x.area === e.area)!;
        close(p.importance, Number(e.importance));
        close(p.satisfaction, Number(e.satisfaction));
        expect(p.quadrant).toBe(e.quadrant);
      }
      const view = await getMatrix({ actor: analyst, slug, communeId });
      expect(view.points).toEqual(matrixFromCells(definition, protectedCells, K).points);
    }
  });

  it('the explorer with profile filters equals SQL over the raw answers, protected', async () => {
    const question = definition.sections[0]!.questions[0]!; // a matrix
    const filters = { communeId: communeA, localityId: null, ageGroup: AGE_GROUPS[0], respondentType: null, channel: 'online' as const };
    const view = await getQuestionExplorer({ actor: analyst, slug, questionId: question.id, filters });
    const [respondents] = await query<{ n: number; keys: number }>(sql`select count(*)::int as n, coalesce(sum(record_key), 0)::int as keys from survey_responses
      where survey_id = ${surveyId} and commune_id = ${communeA} and age_group = ${AGE_GROUPS[0]} and channel = 'online'`);
    expect(view.main!.respondents).toBe(respondents!.n >= K ? perturbCount(respondents!.n, respondents!.keys, K) : null);
    const expected = await query<{ item_key: string; value: number | null; dont_know: boolean; n: number; keys: number }>(sql`
      select a.item_key, a.value, a.dont_know, count(*)::int as n, sum(r.record_key)::int as keys from survey_answers a join survey_responses r on r.id = a.response_id
      where a.survey_id = ${surveyId} and a.question_id = ${question.id} and r.commune_id = ${communeA} and r.age_group = ${AGE_GROUPS[0]} and r.channel = 'online'
      group by 1, 2, 3`);
    for (const row of view.main!.rows) {
      view.main!.columns.forEach((col, i) => {
        const e = expected.find((x) => x.item_key === row.key && (col.key === 'dk' ? x.dont_know : !x.dont_know && String(x.value) === col.key));
        expect(row.counts[i]).toBe(respondents!.n < K ? null : e ? perturbCount(e.n, e.keys, K) : 0);
      });
    }
  });

  it('the public sees only published surveys, and never profile filters (the unfiltered view instead)', async () => {
    await expect(getOverview({ actor: null, slug })).rejects.toMatchObject({ code: 'not_found:survey' });
    await db.insert(resultsPublications).values({ surveyId });
    await expect(getOverview({ actor: null, slug })).resolves.toBeTruthy();
    const none = { communeId: null, localityId: null, ageGroup: null, respondentType: null, channel: null };
    const filtered = await getQuestionExplorer({ actor: null, slug, questionId: null, filters: { ...none, ageGroup: '18_24' } });
    const plain = await getQuestionExplorer({ actor: null, slug, questionId: null, filters: none });
    expect(filtered.filters).toEqual(none);
    expect(filtered.main).toEqual(plain.main);
  });
});
