/**
 * Generates synthetic responses to a survey straight into PostgreSQL (set-based SQL, in batches),
 * then rebuilds the dashboard aggregates — for the results benchmark at a million responses.
 *
 *   createdb agora_bench_results && export DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora_bench_results
 *   npm run db:seed                                   # migrations, deployment, demo survey
 *   npx tsx --conditions=react-server scripts/generate-responses.ts --count 1000000
 *
 * Only a local database (127.0.0.1/localhost). Answers follow the survey's definition (matrices with
 * about 8% "don't know", importance ratings, multiple choice, the priority ranking); rural communes
 * rate a little lower so the dashboards show a pattern.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { DEFAULT_SURVEY_SLUG } from '../lib/surveys/default-questionnaire';
import { allQuestions, type SurveyDefinition } from '../lib/surveys/definition';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '100000' },
    slug: { type: 'string', default: DEFAULT_SURVEY_SLUG },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/@(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) {
  console.error('generate-responses: set DATABASE_URL to a local PostgreSQL database.');
  process.exit(2);
}
const total = Math.min(5_000_000, Number(values.count));
const batchSize = Math.min(500_000, Number(values.batch));
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

const [survey] = await sql<{ id: string; definition: SurveyDefinition }[]>`select id, definition from surveys where slug = ${values.slug!}`;
if (!survey) {
  console.error('generate-responses: the survey is missing (run npm run db:seed first).');
  process.exit(2);
}
const questions = allQuestions(survey.definition);
const started = Date.now();
const log = (m: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s  ${m}`);

// One statement per question, each reading the batch table `b` (id, commune bias).
const answerStatements: string[] = [];
for (const q of questions) {
  if (q.condition) continue;
  const head = `insert into survey_answers (response_id, survey_id, question_id, item_key, value, dont_know)`;
  if (q.type === 'matrix') {
    for (const row of q.rows) {
      answerStatements.push(`${head} select b.id, ${lit(survey.id)}, ${lit(q.id)}, ${lit(row.value)}, nullif(v, 0), v = 0
        from b, lateral (select case when random() < 0.08 then 0 else least(5, greatest(1, round(b.bias + 3.2 + (random() + random() + random() - 1.5) * 1.6)))::int end as v offset 0 * b.bias) x`);
    }
  } else if (q.type === 'rating') {
    answerStatements.push(`${head} select b.id, ${lit(survey.id)}, ${lit(q.id)}, '', least(5, greatest(1, round(4.1 - b.bias * 0.5 + (random() + random() - 1) * 1.5)))::int, false from b`);
  } else if (q.type === 'multiple_choice') {
    for (const o of q.options) answerStatements.push(`${head} select b.id, ${lit(survey.id)}, ${lit(q.id)}, ${lit(o.value)}, null, false from b where random() < 0.22`);
  } else if (q.type === 'single_choice') {
    answerStatements.push(
      `${head} select b.id, ${lit(survey.id)}, ${lit(q.id)}, (array[${q.options.map((o) => lit(o.value)).join(', ')}])[1 + floor(random() * ${q.options.length})::int], null, false from b`,
    );
  } else if (q.type === 'ranking') {
    const items = q.items.map((i) => lit(i.value)).join(', ');
    answerStatements.push(`${head} select b.id, ${lit(survey.id)}, ${lit(q.id)}, p.item, p.place::int, false
      from b, lateral (select item, row_number() over (order by random() + 0 * b.bias) as place from unnest(array[${items}]) item) p
      where p.place <= ${Math.min(q.maxRanked, q.items.length)}`);
  }
}

// Loading is faster without the secondary answer index; it is rebuilt once at the end.
await sql.unsafe('drop index if exists survey_answers_question_idx');
for (let done = 0; done < total; done += batchSize) {
  const n = Math.min(batchSize, total - done);
  await sql.begin(async (tx) => {
    await tx.unsafe('set local synchronous_commit = off');
    await tx.unsafe(`create temporary table b on commit drop as
      select gen_random_uuid() as id, c.id as commune_id, case c.kind when 'urban' then 0.5 when 'urban_rural' then 0 else -0.6 end + (random() - 0.5) * 0.4 as bias, g
      from generate_series(1, ${n}) g
      cross join lateral (select id, kind from communes where active order by random() + 0 * g limit 1) c`);
    await tx.unsafe(`insert into survey_responses (id, survey_id, commune_id, locality_id, age_group, respondent_type, channel, submitted_at)
      select b.id, ${lit(survey.id)}, b.commune_id,
        case when random() < 0.7 then (select l.id from localities l where l.commune_id = b.commune_id order by random() + 0 * b.g limit 1) end,
        (array['under_18','18_24','25_34','35_44','45_59','60_74','75_plus'])[1 + floor(random() * 7)::int],
        (array['resident','resident','resident','parent','entrepreneur','senior','other'])[1 + floor(random() * 7)::int],
        (case when random() < 0.18 then 'paper' else 'online' end)::response_channel,
        now() - (power(random(), 0.6) * interval '56 days')
      from b`);
    for (const statement of answerStatements) await tx.unsafe(statement);
  });
  log(`${done + n} responses`);
}

log('recreating the answer index…');
await sql.unsafe('create index if not exists survey_answers_question_idx on survey_answers (survey_id, question_id, item_key, value)');
log('rebuilding the aggregates…');
await sql.begin(async (tx) => {
  // The same statements as lib/results/aggregates.ts#rebuildAggregates (that module is server-only).
  for (const table of ['results_daily', 'results_profiles', 'results_cells', 'results_profile_cells']) await tx.unsafe(`delete from ${table} where survey_id = $1`, [survey.id]);
  const profile = `r.commune_id, coalesce(r.locality_id, 0), coalesce(r.age_group, ''), coalesce(r.respondent_type, ''), r.channel`;
  await tx.unsafe(`insert into results_daily (survey_id, commune_id, channel, day, responses)
    select r.survey_id, r.commune_id, r.channel, (r.submitted_at at time zone 'Europe/Warsaw')::date, count(*) from survey_responses r where r.survey_id = $1 group by 1, 2, 3, 4`, [survey.id]);
  await tx.unsafe(`insert into results_profiles (survey_id, commune_id, locality_id, age_group, respondent_type, channel, responses)
    select r.survey_id, ${profile}, count(*) from survey_responses r where r.survey_id = $1 group by 1, 2, 3, 4, 5, 6`, [survey.id]);
  await tx.unsafe(`insert into results_cells (survey_id, commune_id, question_id, item_key, value, dont_know, answers)
    select r.survey_id, r.commune_id, a.question_id, a.item_key, coalesce(a.value, 0), a.dont_know, count(*)
    from survey_responses r join survey_answers a on a.response_id = r.id where r.survey_id = $1 and a.text is null group by 1, 2, 3, 4, 5, 6`, [survey.id]);
  await tx.unsafe(`insert into results_profile_cells (survey_id, question_id, commune_id, locality_id, age_group, respondent_type, channel, item_key, value, dont_know, answers)
    select r.survey_id, a.question_id, ${profile}, a.item_key, coalesce(a.value, 0), a.dont_know, count(*)
    from survey_responses r join survey_answers a on a.response_id = r.id where r.survey_id = $1 and a.text is null group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`, [survey.id]);
});
await sql.unsafe('analyze');
const [counts] = await sql<{ responses: number; cells: number; profile_cells: number }[]>`select
  (select count(*)::int from survey_responses where survey_id = ${survey.id}) as responses,
  (select count(*)::int from results_cells where survey_id = ${survey.id}) as cells,
  (select count(*)::int from results_profile_cells where survey_id = ${survey.id}) as profile_cells`;
log(`done: ${counts!.responses} responses in the survey; ${counts!.cells} cells, ${counts!.profile_cells} profile cells`);
await sql.end();
