import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';

// Keeps the dashboard aggregates (db/schema/results.ts). `addResponseToAggregates` runs inside the
// submission's transaction, so the dashboards are never stale; `rebuildAggregates` recomputes a
// survey's aggregates from the raw answers (after a bulk load, or to repair). Both use the same
// grouping queries, so an incremental update and a rebuild cannot disagree. Free-text answers are
// not aggregated.

type Executor = Pick<Database, 'execute'>;

/** The grouping statements over the responses `r` that `responseFilter` selects (and their answers). */
export function aggregateStatements(responseFilter: SQL): SQL[] {
  const profile = sql`r.commune_id, coalesce(r.locality_id, 0), coalesce(r.age_group, ''), coalesce(r.respondent_type, ''), r.channel`;
  return [
    sql`insert into results_daily (survey_id, commune_id, channel, day, responses)
      select r.survey_id, r.commune_id, r.channel, (r.submitted_at at time zone 'Europe/Warsaw')::date, count(*)
      from survey_responses r where ${responseFilter}
      group by 1, 2, 3, 4
      on conflict (survey_id, commune_id, channel, day) do update set responses = results_daily.responses + excluded.responses`,
    sql`insert into results_profiles (survey_id, commune_id, locality_id, age_group, respondent_type, channel, responses)
      select r.survey_id, ${profile}, count(*)
      from survey_responses r where ${responseFilter}
      group by 1, 2, 3, 4, 5, 6
      on conflict (survey_id, commune_id, locality_id, age_group, respondent_type, channel)
      do update set responses = results_profiles.responses + excluded.responses`,
    sql`insert into results_cells (survey_id, commune_id, question_id, item_key, value, dont_know, answers)
      select r.survey_id, r.commune_id, a.question_id, a.item_key, coalesce(a.value, 0), a.dont_know, count(*)
      from survey_responses r join survey_answers a on a.response_id = r.id
      where ${responseFilter} and a.text is null
      group by 1, 2, 3, 4, 5, 6
      on conflict (survey_id, question_id, commune_id, item_key, value, dont_know)
      do update set answers = results_cells.answers + excluded.answers`,
    sql`insert into results_profile_cells (survey_id, question_id, commune_id, locality_id, age_group, respondent_type, channel, item_key, value, dont_know, answers)
      select r.survey_id, a.question_id, ${profile}, a.item_key, coalesce(a.value, 0), a.dont_know, count(*)
      from survey_responses r join survey_answers a on a.response_id = r.id
      where ${responseFilter} and a.text is null
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      on conflict (survey_id, question_id, commune_id, locality_id, age_group, respondent_type, channel, item_key, value, dont_know)
      do update set answers = results_profile_cells.answers + excluded.answers`,
  ];
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
  for (const table of ['results_daily', 'results_profiles', 'results_cells', 'results_profile_cells']) {
    await tx.execute(sql`delete from ${sql.identifier(table)} where survey_id = ${surveyId}`);
  }
  for (const statement of aggregateStatements(sql`r.survey_id = ${surveyId}`)) await tx.execute(statement);
}
