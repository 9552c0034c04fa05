import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';

// Keeps the dashboard aggregates (db/schema/results.ts). `addResponseToAggregates` runs inside the
// submission's transaction, so the dashboards are never stale; `rebuildAggregates` recomputes a
// survey's aggregates from the raw answers (after a bulk load, or to repair). Both use the same
// grouping queries, so an incremental update and a rebuild cannot disagree. Free-text answers are
// not aggregated.

type Executor = Pick<Database, 'execute'>;

/** An aggregate table, its key columns (its primary key) and its counter. */
export type Aggregate = { table: string; keys: string[]; counter: string; select: (responseFilter: SQL) => SQL };

const PROFILE_KEYS = ['commune_id', 'locality_id', 'age_group', 'respondent_type', 'channel'];
const profile = sql`r.commune_id, coalesce(r.locality_id, 0), coalesce(r.age_group, ''), coalesce(r.respondent_type, ''), r.channel`;

/** Each aggregate's grouping of the responses `r` that a filter selects (and of their answers): its keys, in order, then the count. */
export const AGGREGATES: Aggregate[] = [
  {
    table: 'results_daily',
    keys: ['survey_id', 'commune_id', 'channel', 'day'],
    counter: 'responses',
    select: (filter) => sql`select r.survey_id, r.commune_id, r.channel, (r.submitted_at at time zone 'Europe/Warsaw')::date, count(*)
      from survey_responses r where ${filter} group by 1, 2, 3, 4`,
  },
  {
    table: 'results_profiles',
    keys: ['survey_id', ...PROFILE_KEYS],
    counter: 'responses',
    select: (filter) => sql`select r.survey_id, ${profile}, count(*) from survey_responses r where ${filter} group by 1, 2, 3, 4, 5, 6`,
  },
  {
    table: 'results_cells',
    keys: ['survey_id', 'commune_id', 'question_id', 'item_key', 'value', 'dont_know'],
    counter: 'answers',
    select: (filter) => sql`select r.survey_id, r.commune_id, a.question_id, a.item_key, coalesce(a.value, 0), a.dont_know, count(*)
      from survey_responses r join survey_answers a on a.response_id = r.id
      where ${filter} and a.text is null group by 1, 2, 3, 4, 5, 6`,
  },
  {
    table: 'results_profile_cells',
    keys: ['survey_id', 'question_id', ...PROFILE_KEYS, 'item_key', 'value', 'dont_know'],
    counter: 'answers',
    select: (filter) => sql`select r.survey_id, a.question_id, ${profile}, a.item_key, coalesce(a.value, 0), a.dont_know, count(*)
      from survey_responses r join survey_answers a on a.response_id = r.id
      where ${filter} and a.text is null group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  },
];

/** Adds the grouping of `select` (rows of the aggregate's keys, then the count) to its table. */
function upsertAggregate({ table, keys, counter }: Aggregate, select: SQL): SQL {
  const t = sql.identifier(table);
  const c = sql.identifier(counter);
  const k = sql.join(
    keys.map((key) => sql.identifier(key)),
    sql`, `,
  );
  return sql`insert into ${t} (${k}, ${c}) ${select} on conflict (${k}) do update set ${c} = ${t}.${c} + excluded.${c}`;
}

/** The grouping statements that add the responses `r` that `responseFilter` selects to every aggregate. */
function aggregateStatements(responseFilter: SQL): SQL[] {
  return AGGREGATES.map((aggregate) => upsertAggregate(aggregate, aggregate.select(responseFilter)));
}

/**
 * Adds one stored response (and its answers) to the aggregates. Call it inside the transaction
 * that inserted them, after the answers: the counts then commit, or roll back, with the response.
 */
export async function addResponseToAggregates(tx: Executor, { responseId }: { responseId: string }): Promise<void> {
  for (const statement of aggregateStatements(sql`r.id = ${responseId}`)) await tx.execute(statement);
}

/** Recomputes every aggregate of a survey from its raw answers. Run it in a transaction. */
export async function rebuildAggregates(tx: Executor, { surveyId }: { surveyId: string }): Promise<void> {
  for (const { table } of AGGREGATES) await tx.execute(sql`delete from ${sql.identifier(table)} where survey_id = ${surveyId}`);
  for (const statement of aggregateStatements(sql`r.survey_id = ${surveyId}`)) await tx.execute(statement);
}
