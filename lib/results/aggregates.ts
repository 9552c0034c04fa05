import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { keyedHash } from '@/lib/rate-limit';
import type { Database } from '@/db/client';

// Keeps the dashboard aggregates (db/schema/results.ts). `addResponseToAggregates` runs inside the
// submission's transaction, so the dashboards are never stale; `rebuildAggregates` recomputes a
// survey's aggregates from the raw answers (after a bulk load, or to repair). Both use the same
// grouping queries, so an incremental update and a rebuild cannot disagree. Free-text answers are
// not aggregated.

type Executor = Pick<Database, 'execute'>;

/**
 * An aggregate table, its key columns (its primary key) and its counters: how many responses or
 * answers, and the sum of their record keys (the cell key of the cell-key method, modulo 256).
 */
export type Aggregate = { table: string; keys: string[]; counters: string[]; select: (responseFilter: SQL) => SQL };

const PROFILE_KEYS = ['commune_id', 'locality_id', 'age_group', 'respondent_type', 'channel'];
const profile = sql`r.commune_id, coalesce(r.locality_id, 0), coalesce(r.age_group, ''), coalesce(r.respondent_type, ''), r.channel`;

/** Each aggregate's grouping of the responses `r` that a filter selects (and of their answers): its keys, in order, then the count. */
export const AGGREGATES: Aggregate[] = [
  {
    table: 'results_daily',
    keys: ['survey_id', 'commune_id', 'channel', 'day'],
    counters: ['responses', 'key_sum'],
    select: (filter) => sql`select r.survey_id, r.commune_id, r.channel, (r.submitted_at at time zone 'Europe/Warsaw')::date, count(*), sum(r.record_key)
      from survey_responses r where ${filter} group by 1, 2, 3, 4`,
  },
  {
    table: 'results_profiles',
    keys: ['survey_id', ...PROFILE_KEYS],
    counters: ['responses', 'key_sum'],
    select: (filter) => sql`select r.survey_id, ${profile}, count(*), sum(r.record_key) from survey_responses r where ${filter} group by 1, 2, 3, 4, 5, 6`,
  },
  {
    table: 'results_cells',
    keys: ['survey_id', 'commune_id', 'question_id', 'item_key', 'value', 'dont_know'],
    counters: ['answers', 'key_sum'],
    select: (filter) => sql`select r.survey_id, r.commune_id, a.question_id, a.item_key, coalesce(a.value, 0), a.dont_know, count(*), sum(r.record_key)
      from survey_responses r join survey_answers a on a.response_id = r.id
      where ${filter} and a.text is null group by 1, 2, 3, 4, 5, 6`,
  },
  {
    table: 'results_profile_cells',
    keys: ['survey_id', 'question_id', ...PROFILE_KEYS, 'item_key', 'value', 'dont_know'],
    counters: ['answers', 'key_sum'],
    select: (filter) => sql`select r.survey_id, a.question_id, ${profile}, a.item_key, coalesce(a.value, 0), a.dont_know, count(*), sum(r.record_key)
      from survey_responses r join survey_answers a on a.response_id = r.id
      where ${filter} and a.text is null group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  },
];

/** Adds the grouping of `select` (rows of the aggregate's keys, then its counters) to its table. */
function upsertAggregate({ table, keys, counters }: Aggregate, select: SQL): SQL {
  const t = sql.identifier(table);
  const list = (names: string[]) =>
    sql.join(
      names.map((name) => sql.identifier(name)),
      sql`, `,
    );
  const add = sql.join(
    counters.map((name) => sql`${sql.identifier(name)} = ${t}.${sql.identifier(name)} + excluded.${sql.identifier(name)}`),
    sql`, `,
  );
  return sql`insert into ${t} (${list(keys)}, ${list(counters)}) ${select} on conflict (${list(keys)}) do update set ${add}`;
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

/**
 * Counts an open-link response's source for the padding defence (lib/results/disclosure.ts): a
 * keyed hash of the client's address and the hour, cut to 18 bits so that it cannot tell an
 * address back (a quarter of a million addresses share each value) yet two residents of a small
 * commune almost never collide. Not linked to the response. Call it in the submission's transaction.
 */
export async function addResponseSource(tx: Executor, { surveyId, communeId, clientAddress, at = new Date() }: { surveyId: string; communeId: number; clientAddress: string; at?: Date }) {
  const hour = at.toISOString().slice(0, 13);
  const source = keyedHash(`survey-source:${surveyId}:${hour}:${clientAddress}`).slice(0, 3);
  await tx.execute(sql`insert into results_sources (survey_id, commune_id, source) values (${surveyId}, ${communeId}, ${`${hour}:${source}`}) on conflict do nothing`);
}

/** Synthetic responses (the demo seed, the generator) come each from a source of its own. */
export function syntheticSourcesStatement(surveyId: string): SQL {
  return sql`insert into results_sources (survey_id, commune_id, source)
    select survey_id, commune_id, 'synthetic:' || id::text from survey_responses where survey_id = ${surveyId} and channel = 'online'
    on conflict do nothing`;
}
