import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AREA_KEYS, DEFAULT_DEFINITION, DEFAULT_SURVEY_META, DEFAULT_SURVEY_SLUG } from '@/lib/surveys/default-questionnaire';
import { answerRows, definitionSchema, type Answers, type SurveyDefinition } from '@/lib/surveys/definition';
import { rebuildAggregates, syntheticSourcesStatement } from '@/lib/results/aggregates';
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

/** Remarks residents might leave per area (synthetic). */
const REMARKS: Record<string, string[]> = {
  edu: [
    'Brakuje miejsc w przedszkolu, dzieci z naszej wsi jeżdżą do sąsiedniej gminy.',
    'Sala gimnastyczna w szkole wymaga remontu, zimą jest w niej zimno.',
    'Po lekcjach prawie nie ma zajęć dodatkowych, a świetlica jest przepełniona.',
    'Przydałby się dowóz dzieci na zajęcia pozalekcyjne, nie tylko rano i po lekcjach.',
  ],
  health: [
    'Na wizytę u kardiologa czeka się kilka miesięcy, trzeba jeździć prywatnie do Krosna.',
    'Przychodnia jest czynna za krótko – po pracy nie da się już zapisać.',
    'Brakuje rehabilitacji na miejscu, starsi ludzie nie mają jak dojechać.',
  ],
  transport: [
    'Autobus do Jasła jeździ tylko rano i po południu, w weekendy wcale.',
    'Przy drodze powiatowej nie ma chodnika, dzieci idą do szkoły poboczem.',
    'Po zmroku przystanek jest nieoświetlony, boję się tam czekać.',
    'Dziury na drodze przez wieś są łatane co roku i co roku wracają.',
  ],
  util: [
    'Po każdej awarii woda w kranie jest brudna przez kilka dni.',
    'Nasza część wsi wciąż nie ma kanalizacji, szamba są drogie w opróżnianiu.',
    'Odbiór odpadów wielkogabarytowych raz w roku to za mało.',
  ],
  culture: [
    'Świetlica wiejska jest zamknięta przez większość tygodnia.',
    'Przydałaby się biblioteka otwarta także w soboty.',
    'Młodzież nie ma gdzie się spotkać, boisko jest zaniedbane.',
  ],
  energy: [
    'Chętnie założylibyśmy panele, ale nie wiemy, jak dostać dofinansowanie.',
    'Zimą smog jest nie do wytrzymania, wielu sąsiadów pali byle czym.',
    'Punkt doradczy w sprawie wymiany pieca powinien być w gminie, nie tylko w starostwie.',
  ],
};

/** Remarks with made-up personal data, which a review must catch (they stay pending in the demo). */
const PERSONAL_REMARKS: [area: string, text: string][] = [
  ['transport', 'Dziura przed moim domem przy ul. Polnej 7 – proszę o kontakt, Jan Nowak, tel. 600 123 456.'],
  ['energy', 'Sąsiad, Tomasz Kowalczyk, pali w piecu śmieci, cała ulica Leśna to czuje.'],
  ['health', 'Pani doktor Anna Zielińska przyjmuje tylko dwa dni w tygodniu, kolejki są ogromne.'],
  ['edu', 'Moja córka Kasia Wiśniewska z 3b nie ma jak dojechać na basen. Mój e-mail: m.wisniewska@example.pl'],
  ['util', 'Od miesiąca zgłaszam wyciek przy ul. Ogrodowej 12, numer do mnie: 512 987 654.'],
  ['culture', 'Jako sołtys (Stanisław Mazur) chętnie udostępnię remizę na zajęcia dla dzieci.'],
];

/** A redacted demo remark: as a reviewer would leave it, with a detail replaced. */
function redactedDemo(text: string): string {
  const words = text.split(' ');
  return [...words.slice(0, Math.max(3, words.length - 3)), '[usunięto].'].join(' ');
}

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
  // Remarks draw from their own generator, so adding them left every other demo number unchanged.
  const remarkRnd = generator(515);
  // Record keys of the cell-key method from a generator of their own too: the demo's published figures are the same on every fresh database.
  const keyRnd = generator(256);
  let remarkCount = 0;
  const responses: (typeof surveyResponses.$inferInsert)[] = [];
  const answers: (typeof surveyAnswers.$inferInsert)[] = [];
  /** Review state of the seeded remarks: null pending, 1 publishable, 2 redacted. */
  const reviewed = new Map<string, 1 | 2 | null>();
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
      recordKey: Math.floor(keyRnd.next() * 256),
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
    if (remarkRnd.next() < 0.07) {
      // Most remarks are plain; every tenth gives away a name, an address or a phone number. The
      // first third of the plain ones is already reviewed (a few redacted), the rest waits.
      const personal = remarkRnd.next() < 0.1;
      const plainArea = remarkRnd.pick(AREA_KEYS).key;
      const [area, text] = personal ? remarkRnd.pick(PERSONAL_REMARKS) : [plainArea, remarkRnd.pick(REMARKS[plainArea]!)];
      a[`${area}_remark`] = text;
      remarkCount++;
      reviewed.set(`${id}/${area}_remark`, personal ? null : remarkCount % 3 === 0 ? 1 : remarkCount % 10 === 1 ? 2 : null);
    }
    a.priority_ranking = areaMeans
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([key]) => key);
    for (const row of answerRows(definition, a)) {
      const state = row.text === null ? null : (reviewed.get(`${id}/${row.questionId}`) ?? null);
      answers.push({ ...row, responseId: id, surveyId, reviewState: state, text: state === 2 ? redactedDemo(row.text!) : row.text });
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < responses.length; i += 1000) await tx.insert(surveyResponses).values(responses.slice(i, i + 1000));
    for (let i = 0; i < answers.length; i += 5000) await tx.insert(surveyAnswers).values(answers.slice(i, i + 5000));
    await rebuildAggregates(tx, { surveyId });
    await tx.execute(syntheticSourcesStatement(surveyId));
  });
}
