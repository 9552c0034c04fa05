import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AREA_KEYS, DEFAULT_DEFINITION, DEFAULT_SURVEY_META, DEFAULT_SURVEY_SLUG } from '@/lib/surveys/default-questionnaire';
import { answerRows, definitionSchema, type Answers, type SurveyDefinition } from '@/lib/surveys/definition';
import { rebuildAggregates } from '@/lib/results/aggregates';
import type { Database } from '../client';
import { communes, localities, surveyAnswers, surveyResponses, surveys, users } from '../schema';

/** Residents per commune (approximate, 2024): synthetic responses follow population. */
const POPULATION: Record<string, number> = {
  'miasto-jaslo': 34_500,
  jaslo: 17_300,
  skolyszyn: 12_300,
  kolaczyce: 9_200,
  'nowy-zmigrod': 8_900,
  tarnowiec: 8_500,
  debowiec: 8_500,
  brzyska: 6_600,
  'osiek-jasielski': 5_700,
  krempna: 1_900,
};

/** How each area fares by kind of commune: rural ones rate transport and utilities lower. */
const AREA_BIAS: Record<string, Record<'urban' | 'urban_rural' | 'rural', number>> = {
  edu: { urban: 0.4, urban_rural: 0.2, rural: 0 },
  health: { urban: 0.3, urban_rural: -0.2, rural: -0.6 },
  transport: { urban: 0.5, urban_rural: -0.3, rural: -1.1 },
  util: { urban: 0.6, urban_rural: 0, rural: -0.7 },
  culture: { urban: 0.3, urban_rural: 0.1, rural: -0.2 },
  energy: { urban: 0.1, urban_rural: -0.1, rural: -0.4 },
};

/** A small deterministic generator, so every demo database has the same numbers. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const weighted = <T,>(items: readonly (readonly [T, number])[]) => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  const scale = (mean: number) => Math.max(1, Math.min(5, Math.round(mean + (next() + next() + next() - 1.5) * 1.6)));
  return { next, pick, weighted, scale };
}

const AGE_WEIGHTS = [
  ['under_18', 4],
  ['18_24', 8],
  ['25_34', 15],
  ['35_44', 19],
  ['45_59', 24],
  ['60_74', 21],
  ['75_plus', 9],
] as const;
const TYPE_WEIGHTS = [
  ['resident', 55],
  ['parent', 18],
  ['entrepreneur', 8],
  ['senior', 15],
  ['other', 4],
] as const;

/**
 * Publishes the default questionnaire and loads `count` synthetic responses spread over the
 * communes and the last eight weeks, so the dashboards are not empty on first start. Idempotent:
 * does nothing when the survey exists.
 */
export async function seedSurveys(db: Database, { count = 3000 }: { count?: number } = {}) {
  const [existing] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, DEFAULT_SURVEY_SLUG)).limit(1);
  if (existing) return;
  const definition: SurveyDefinition = definitionSchema.parse(DEFAULT_DEFINITION);
  const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'koordynator@agora.local')).limit(1);
  const now = Date.now();
  const DAY = 86_400_000;
  const [survey] = await db
    .insert(surveys)
    .values({
      ...DEFAULT_SURVEY_META,
      definition,
      status: 'open',
      publishedAt: new Date(now - 60 * DAY),
      createdBy: coordinator?.id ?? null,
    })
    .returning({ id: surveys.id });
  const surveyId = survey!.id;

  const communeRows = await db.select({ id: communes.id, slug: communes.slug, kind: communes.kind }).from(communes).where(eq(communes.active, true));
  if (communeRows.length === 0) return;
  const localityRows = await db.select({ id: localities.id, communeId: localities.communeId }).from(localities).where(eq(localities.active, true));
  const localitiesByCommune = new Map<number, number[]>();
  for (const loc of localityRows) localitiesByCommune.set(loc.communeId, [...(localitiesByCommune.get(loc.communeId) ?? []), loc.id]);

  const rnd = generator(2026);
  const communeWeights = communeRows.map((c) => [c, POPULATION[c.slug] ?? 5000] as const);
  const responses: (typeof surveyResponses.$inferInsert)[] = [];
  const answers: (typeof surveyAnswers.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const commune = rnd.weighted(communeWeights);
    const id = randomUUID();
    const places = localitiesByCommune.get(commune.id) ?? [];
    const ageGroup = rnd.weighted(AGE_WEIGHTS);
    responses.push({
      id,
      surveyId,
      communeId: commune.id,
      localityId: places.length > 0 && rnd.next() < 0.7 ? rnd.pick(places) : null,
      ageGroup: rnd.next() < 0.95 ? ageGroup : null,
      respondentType: rnd.next() < 0.95 ? (ageGroup === '75_plus' || ageGroup === '60_74' ? rnd.weighted([['senior', 6], ['resident', 4]] as const) : rnd.weighted(TYPE_WEIGHTS)) : null,
      channel: rnd.next() < (commune.kind === 'rural' ? 0.25 : 0.1) ? 'paper' : 'online',
      // More responses in the first weeks after publication, fewer later.
      submittedAt: new Date(now - Math.floor(Math.pow(rnd.next(), 0.6) * 56 * DAY)),
    });
    const a: Answers = {};
    const areaMeans: [string, number][] = [];
    for (const area of AREA_KEYS) {
      const mean = 3.1 + AREA_BIAS[area.key]![commune.kind];
      const matrix: Record<string, number | 'dk'> = {};
      for (const service of area.services) matrix[service] = rnd.next() < 0.08 ? 'dk' : rnd.scale(mean + (rnd.next() - 0.5) * 0.6);
      a[`${area.key}_services`] = matrix;
      const importance = rnd.scale(4.4 - (mean - 3) * 0.6);
      a[`${area.key}_importance`] = importance;
      areaMeans.push([area.key, importance - mean + rnd.next()]);
      if (rnd.next() < 0.8) {
        const chosen = new Set<string>();
        const n = 1 + Math.floor(rnd.next() * 3);
        while (chosen.size < n) chosen.add(rnd.pick(area.improvements));
        a[`${area.key}_improve`] = [...chosen];
      }
      if (area.key === 'edu') {
        const children = ageGroup === '25_34' || ageGroup === '35_44' ? rnd.next() < 0.65 : rnd.next() < 0.15;
        a.edu_children = children ? 'yes' : 'no';
        if (children && rnd.next() < 0.9) a.edu_child_school = rnd.scale(3.6);
      }
    }
    a.priority_ranking = areaMeans
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([key]) => key);
    for (const row of answerRows(definition, a)) answers.push({ ...row, responseId: id, surveyId });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < responses.length; i += 1000) await tx.insert(surveyResponses).values(responses.slice(i, i + 1000));
    for (let i = 0; i < answers.length; i += 5000) await tx.insert(surveyAnswers).values(answers.slice(i, i + 5000));
    await rebuildAggregates(tx, { surveyId });
  });
}
