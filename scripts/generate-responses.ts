/**
 * Generates synthetic responses to a survey straight into PostgreSQL (set-based SQL, in batches),
 * then rebuilds the dashboard aggregates — for the results benchmark at a million responses.
 *
 *   createdb agora_bench_results && export DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora_bench_results
 *   npm run db:seed                                   # migrations, deployment, demo survey
 *   npx tsx --conditions=react-server scripts/generate-responses.ts --count 1000000 [--verify]
 *
 * Only a local database (127.0.0.1/localhost). Answers follow the survey's definition (matrices with
 * about 8% "don't know", importance ratings, multiple choice, the priority ranking); rural communes
 * rate a little lower so the dashboards show a pattern.
 *
 * Each batch is built in temporary tables named like the real ones, which shadow them inside the
 * batch's transaction (pg_temp comes first in the search path), so lib/results/aggregates.ts's own
 * groupings read just that batch; their groups go to unlogged staging tables, and at the end the
 * survey's aggregates become the sums of the staged groups (and of the aggregates it had) — exactly
 * what the app would have kept, without rescanning 50 million answers. Two workers (--workers) fill
 * batches at once, one per core. The answers and the profile cells are loaded without their indexes,
 * which are rebuilt once at the end (their definitions wait in generate_stage.indexes meanwhile, so
 * a run that was interrupted restores them when started again). Response ids are sequential within a
 * run (a random prefix and a counter); foreign-key triggers are skipped for the bulk copy
 * (session_replication_role, local superuser), the rows being consistent by construction.
 */
import { parseArgs } from 'node:util';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql as q } from 'drizzle-orm';
import postgres from 'postgres';
import { AGGREGATES, syntheticSourcesStatement, type Aggregate } from '../lib/results/aggregates';
import { DEFAULT_SURVEY_SLUG } from '../lib/surveys/default-questionnaire';
import { allQuestions, type SurveyDefinition } from '../lib/surveys/definition';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '100000' },
    workers: { type: 'string', default: '2' },
    verify: { type: 'boolean', default: false },
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
const workers = Math.max(1, Math.min(4, Number(values.workers)));
// Temporary tables live in each connection's own buffers: room for a whole batch.
const sql = postgres(databaseUrl, { max: workers, onnotice: () => {}, connection: { temp_buffers: '512MB' } });
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

const [survey] = await sql<{ id: string; definition: SurveyDefinition }[]>`select id, definition from surveys where slug = ${values.slug!}`;
if (!survey) {
  console.error('generate-responses: the survey is missing (run npm run db:seed first).');
  process.exit(2);
}
const surveyId = survey.id;
const questions = allQuestions(survey.definition);
const started = Date.now();
const log = (m: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s  ${m}`);

// The county's communes with their localities, indexed 1..N for a uniform random pick in SQL.
const communeRows = await sql<{ id: number; kind: string; localities: number[] }[]>`
  select c.id, c.kind, coalesce(array_agg(l.id order by l.id) filter (where l.id is not null), '{}') as localities
  from communes c left join localities l on l.commune_id = c.id where c.active group by c.id order by c.id`;
const communeValues = communeRows
  .map((c, i) => `(${i + 1}, ${c.id}, ${c.kind === 'urban' ? 0.5 : c.kind === 'urban_rural' ? 0 : -0.6}, array[${c.localities.join(',')}]::int[])`)
  .join(', ');

// One statement per question, each reading the batch's responses `b` into the batch's answers.
const answerStatements: string[] = [];
for (const question of questions) {
  if (question.condition) continue;
  const head = `insert into pg_temp.survey_answers (response_id, survey_id, question_id, item_key, value, dont_know)`;
  const id = lit(question.id);
  if (question.type === 'matrix') {
    for (const row of question.rows) {
      answerStatements.push(`${head} select b.id, b.survey_id, ${id}, ${lit(row.value)}, nullif(v, 0), v = 0
        from pg_temp.survey_responses b, lateral (select case when random() < 0.08 then 0 else least(5, greatest(1, round(b.bias + 3.2 + (random() + random() + random() - 1.5) * 1.6)))::int end as v offset 0 * b.bias) x`);
    }
  } else if (question.type === 'rating') {
    answerStatements.push(`${head} select b.id, b.survey_id, ${id}, '', least(5, greatest(1, round(4.1 - b.bias * 0.5 + (random() + random() - 1) * 1.5)))::int, false from pg_temp.survey_responses b`);
  } else if (question.type === 'multiple_choice') {
    for (const o of question.options) answerStatements.push(`${head} select b.id, b.survey_id, ${id}, ${lit(o.value)}, null, false from pg_temp.survey_responses b where random() < 0.22`);
  } else if (question.type === 'single_choice') {
    answerStatements.push(
      `${head} select b.id, b.survey_id, ${id}, (array[${question.options.map((o) => lit(o.value)).join(', ')}])[1 + floor(random() * ${question.options.length})::int], null, false from pg_temp.survey_responses b`,
    );
  } else if (question.type === 'ranking') {
    const items = question.items.map((i) => lit(i.value)).join(', ');
    answerStatements.push(`${head} select b.id, b.survey_id, ${id}, p.item, p.place::int, false
      from pg_temp.survey_responses b, lateral (select item, row_number() over (order by random() + 0 * b.bias) as place from unnest(array[${items}]) item) p
      where p.place <= ${Math.min(question.maxRanked, question.items.length)}`);
  }
}

// The app's groupings (lib/results/aggregates.ts), rendered once for postgres.js. Each batch's
// groups are appended to unlogged staging tables (no index: the workers never conflict); at the
// end the survey's aggregates are replaced by the sums of the staged groups.
const dialect = new PgDialect();
const columnsOf = ({ keys, counters }: Aggregate) => [...keys, ...counters].join(', ');
const groupings = AGGREGATES.map((a) => ({ aggregate: a, ...dialect.sqlToQuery(a.select(q`r.survey_id = ${surveyId}`)) }));

/**
 * Drops a table's indexes (its primary key too) for a bulk load; `restoreIndexes` builds them again,
 * once, from sorted runs, which is several times faster than keeping them up to date row by row.
 * The definitions are kept in generate_stage.indexes, so an interrupted run's next start restores them.
 */
async function dropIndexes(table: string) {
  await sql.unsafe(`insert into generate_stage.indexes (table_name, name, is_constraint, definition)
    select ${lit(table)}, i.relname, c.oid is not null, coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(x.indexrelid))
    from pg_index x join pg_class i on i.oid = x.indexrelid left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
    where x.indrelid = ${lit(`public.${table}`)}::regclass`);
  for (const { name, is_constraint } of await sql<{ name: string; is_constraint: boolean }[]>`select name, is_constraint from generate_stage.indexes where table_name = ${table}`) {
    await sql.unsafe(is_constraint ? `alter table public.${table} drop constraint "${name}"` : `drop index public."${name}"`);
  }
}
async function restoreIndexes() {
  await sql.begin(async (tx) => {
    await tx.unsafe(`set local maintenance_work_mem = '1GB'`);
    const saved = await tx<{ table_name: string; name: string; is_constraint: boolean; definition: string }[]>`select * from generate_stage.indexes
      where to_regclass('public.' || quote_ident(name)) is null order by is_constraint desc`;
    for (const { table_name, name, is_constraint, definition } of saved) {
      await tx.unsafe(is_constraint ? `alter table public.${table_name} add constraint "${name}" ${definition}` : definition);
    }
    await tx.unsafe('delete from generate_stage.indexes');
  });
}

await sql.unsafe('create schema if not exists generate_stage');
await sql.unsafe('create table if not exists generate_stage.indexes (table_name text, name text, is_constraint boolean, definition text)');
await restoreIndexes();
for (const a of AGGREGATES) {
  await sql.unsafe(`drop table if exists generate_stage.${a.table}`);
  await sql.unsafe(`create unlogged table generate_stage.${a.table} as select ${columnsOf(a)} from public.${a.table} with no data`);
}
const prefix = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
await dropIndexes('survey_answers');

async function generateBatch(done: number, n: number) {
  await sql.begin(async (tx) => {
    await tx.unsafe('set local synchronous_commit = off');
    await tx.unsafe(`set local work_mem = '256MB'`);
    await tx.unsafe(`create temporary table survey_responses on commit drop as
      select (${lit(prefix)} || lpad(to_hex(${done} + s.g), 16, '0'))::uuid as id, ${lit(surveyId)}::uuid as survey_id, c.commune_id,
        case when random() < 0.7 and cardinality(c.localities) > 0 then c.localities[1 + floor(random() * cardinality(c.localities))::int] end as locality_id,
        (array['under_18','18_24','25_34','35_44','45_59','60_74','75_plus'])[1 + floor(random() * 7)::int] as age_group,
        (array['resident','resident','resident','parent','entrepreneur','senior','other'])[1 + floor(random() * 7)::int] as respondent_type,
        (case when random() < 0.18 then 'paper' else 'online' end)::response_channel as channel,
        now() - (power(random(), 0.6) * interval '56 days') as submitted_at,
        floor(random() * 256)::smallint as record_key,
        c.bias + (random() - 0.5) * 0.4 as bias
      from (select g, 1 + floor(random() * ${communeRows.length})::int as pick from generate_series(1, ${n}) g) s
      join (values ${communeValues}) as c(pick, commune_id, bias, localities) on c.pick = s.pick`);
    await tx.unsafe(`create temporary table survey_answers (like public.survey_answers) on commit drop`);
    for (const statement of answerStatements) await tx.unsafe(statement);
    for (const { aggregate: a, sql: grouping, params } of groupings) await tx.unsafe(`insert into generate_stage.${a.table} (${columnsOf(a)}) ${grouping}`, params as never[]);
    await tx.unsafe('set local session_replication_role = replica');
    await tx.unsafe(`insert into public.survey_responses (id, survey_id, commune_id, locality_id, age_group, respondent_type, channel, submitted_at, record_key)
      select id, survey_id, commune_id, locality_id, age_group, respondent_type, channel, submitted_at, record_key from pg_temp.survey_responses`);
    await tx.unsafe(`insert into public.survey_answers select * from pg_temp.survey_answers`);
  });
}

// Two workers (one per core) take batches in turn; they touch disjoint rows until the merge.
let next = 0;
let stored = 0;
async function worker() {
  while (next < total) {
    const done = next;
    const n = Math.min(batchSize, total - done);
    next += n;
    await generateBatch(done, n);
    stored += n;
    log(`${stored} responses`);
  }
}
await Promise.all(Array.from({ length: workers }, worker));

log('merging the aggregates…');
// The survey's current aggregates (the seeded responses) join the staged groups, then each table's
// rows of the survey are replaced by the sums; the largest table is filled without its indexes.
await dropIndexes('results_profile_cells');
await sql.begin(async (tx) => {
  await tx.unsafe(`set local work_mem = '1GB'`);
  for (const a of AGGREGATES) {
    const keys = a.keys.join(', ');
    await tx.unsafe(`insert into generate_stage.${a.table} select ${columnsOf(a)} from public.${a.table} where survey_id = ${lit(surveyId)}`);
    await tx.unsafe(`delete from public.${a.table} where survey_id = ${lit(surveyId)}`);
    await tx.unsafe(`insert into public.${a.table} (${columnsOf(a)}) select ${keys}, ${a.counters.map((c) => `sum(${c})`).join(', ')} from generate_stage.${a.table} group by ${keys}`);
  }
});
// Each synthetic online response is a source of its own (the padding defence's count).
{
  const { sql: statement, params } = dialect.sqlToQuery(syntheticSourcesStatement(surveyId));
  await sql.unsafe(statement, params as never[]);
}
log('rebuilding the indexes…');
await restoreIndexes();
await sql.unsafe('drop schema generate_stage cascade');
await sql.unsafe('analyze');
const [counts] = await sql<{ responses: number; cells: number; profile_cells: number }[]>`select
  (select count(*)::int from survey_responses where survey_id = ${surveyId}) as responses,
  (select count(*)::int from results_cells where survey_id = ${surveyId}) as cells,
  (select count(*)::int from results_profile_cells where survey_id = ${surveyId}) as profile_cells`;
log(`done: ${counts!.responses} responses in the survey; ${counts!.cells} cells, ${counts!.profile_cells} profile cells`);

// --verify: every aggregate row of the survey equals the app's own grouping of the raw answers
// (both ways round), so the staged merge kept exactly what the app would have kept.
if (values.verify) {
  for (const { aggregate: a, sql: grouping, params } of groupings) {
    const stored = `select ${columnsOf(a)} from ${a.table} where survey_id = ${lit(surveyId)}`;
    const [{ differ } = { differ: -1 }] = await sql.unsafe<{ differ: number }[]>(
      `select count(*)::int as differ from ((${stored} except ${grouping}) union all (${grouping} except ${stored})) d`,
      params as never[],
    );
    log(`verify ${a.table}: ${differ === 0 ? 'equal to a grouping of the raw answers' : `${differ} rows differ`}`);
    if (differ !== 0) process.exitCode = 1;
  }
}
await sql.end();
