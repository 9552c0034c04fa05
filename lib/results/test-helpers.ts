import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { db, rows } from '@/db/client';
import type { SurveyDefinition } from '@/lib/surveys/definition';
import type { KeyedCell, ScopeCell } from './disclosure';

// Shared by the dashboards' correctness tests: seeded random answers to a whole questionnaire, a
// raw SQL read with numeric strings as numbers, and a comparison of two rounded means.

/** A seeded generator in [0, 1): the same answers on every run and on both databases. */
export function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Random answers to every question ("don't know", skipped choices and conditions included). */
export function randomAnswers(definition: SurveyDefinition, rnd: () => number) {
  const answers: Record<string, unknown> = {};
  for (const section of definition.sections) {
    for (const q of section.questions) {
      if (q.type === 'matrix') answers[q.id] = Object.fromEntries(q.rows.map((r) => [r.value, rnd() < 0.15 ? 'dk' : 1 + Math.floor(rnd() * 5)]));
      if (q.type === 'rating' && !q.condition) answers[q.id] = 1 + Math.floor(rnd() * 5);
      if (q.type === 'multiple_choice' && rnd() < 0.8) {
        const chosen = new Set<string>();
        const n = 1 + Math.floor(rnd() * (q.maxChoices ?? 1));
        while (chosen.size < n) chosen.add(q.options[Math.floor(rnd() * q.options.length)]!.value);
        answers[q.id] = [...chosen];
      }
      if (q.type === 'single_choice') answers[q.id] = rnd() < 0.4 ? 'yes' : 'no';
      if (q.type === 'rating' && q.condition && answers[q.condition.questionId] === q.condition.equals) answers[q.id] = rnd() < 0.2 ? 'dk' : 1 + Math.floor(rnd() * 5);
      if (q.type === 'ranking') {
        const items = q.items.map((i) => i.value).sort(() => rnd() - 0.5);
        answers[q.id] = items.slice(0, q.maxRanked);
      }
      if (q.type === 'long_text' && rnd() < 0.1) answers[q.id] = 'Uwaga';
    }
  }
  return answers;
}

/** Rows of a raw statement, numeric strings (PostgreSQL's numeric and bigint) turned into numbers. */
export async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  return rows<T>(await db.execute(statement)).map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])) as T);
}

/** Two means equal to the dashboards' two decimals (or both absent). */
export function close(a: number | null, b: number | null) {
  if (a === null || b === null) return expect(a).toBe(b);
  expect(Math.abs(a - b)).toBeLessThan(0.006);
}

/** A survey's cells with their records' key sums, grouped straight from the raw answers (not from the aggregates). */
export function rawKeyedCells(surveyId: string): Promise<KeyedCell[]> {
  return query<KeyedCell>(sql`select r.commune_id as "communeId", a.question_id as "questionId", a.item_key as "itemKey", coalesce(a.value, 0) as value,
      a.dont_know as "dontKnow", count(*)::int as answers, sum(r.record_key)::int as "keySum"
    from survey_answers a join survey_responses r on r.id = a.response_id where a.survey_id = ${surveyId} and a.text is null group by 1, 2, 3, 4, 5`);
}

/** Protected cells with their exact counts put in place of the published ones: the computation without the noise. */
export function exactScope(cells: readonly ScopeCell[]): ScopeCell[] {
  return cells.map((c) => ({ ...c, answers: c.exact }));
}
