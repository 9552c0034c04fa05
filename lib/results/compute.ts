import { allQuestions, type Localized, type Question, type SurveyDefinition } from '@/lib/surveys/definition';

// Pure computations from cells to the numbers the dashboards show. The views call them on
// protected cells (lib/results/disclosure.ts), so every figure comes from published counts.
// The correctness test checks each against a direct SQL computation over the raw answers.

/** A cell of answers: the count of one value of one item of one question, in some scope. */
export interface Cell {
  questionId: string;
  itemKey: string;
  value: number;
  dontKnow: boolean;
  answers: number;
}

export interface AreaInfo {
  /** The section id (the key the priority ranking uses). */
  key: string;
  slug: string;
  title: Localized;
  importanceQuestion: string | null;
  satisfactionQuestions: string[];
  needQuestion: Extract<Question, { type: 'multiple_choice' }> | null;
}

/** The service areas of a survey, read from its definition (measure and area of each question). */
export function areasOf(definition: SurveyDefinition): AreaInfo[] {
  const areas: AreaInfo[] = [];
  for (const section of definition.sections) {
    const withArea = section.questions.filter((q) => q.area);
    if (withArea.length === 0) continue;
    areas.push({
      key: section.id,
      slug: withArea[0]!.area!,
      title: section.title,
      importanceQuestion: withArea.find((q) => q.measure === 'importance' && q.type === 'rating')?.id ?? null,
      satisfactionQuestions: withArea.filter((q) => q.measure === 'satisfaction' && (q.type === 'rating' || q.type === 'matrix')).map((q) => q.id),
      needQuestion: (withArea.find((q) => q.measure === 'need' && q.type === 'multiple_choice') as AreaInfo['needQuestion']) ?? null,
    });
  }
  return areas;
}

export function priorityQuestionOf(definition: SurveyDefinition): Extract<Question, { type: 'ranking' }> | null {
  return (allQuestions(definition).find((q) => q.type === 'ranking' && q.measure === 'priority') as Extract<Question, { type: 'ranking' }>) ?? null;
}

export interface MeanStat {
  mean: number | null;
  /** Answers behind the mean ("don't know" excluded). */
  answers: number;
  /** A lower bound of the respondents behind it: the most answers any one item has. */
  respondents: number;
  dontKnow: number;
}

/** Mean of the 1–5 answers of some questions, "don't know" counted apart and left out. */
export function meanOf(cells: readonly Cell[], questionIds: readonly string[]): MeanStat {
  const wanted = new Set(questionIds);
  let sum = 0;
  let answers = 0;
  let dontKnow = 0;
  const perItem = new Map<string, number>();
  for (const c of cells) {
    if (!wanted.has(c.questionId)) continue;
    if (c.dontKnow) {
      dontKnow += c.answers;
      continue;
    }
    sum += c.value * c.answers;
    answers += c.answers;
    const key = `${c.questionId}\u0000${c.itemKey}`;
    perItem.set(key, (perItem.get(key) ?? 0) + c.answers);
  }
  return { mean: answers > 0 ? sum / answers : null, answers, respondents: Math.max(0, ...perItem.values()), dontKnow };
}

export interface PriorityStat {
  item: string;
  /** Sum of points: with m places, place p earns m − p + 1. */
  borda: number;
  first: number;
  /** Respondents who ranked at least one item (one first place each). */
  rankers: number;
  /** Times the item was ranked at all. */
  ranked: number;
}

export function bordaOf(cells: readonly Cell[], question: Extract<Question, { type: 'ranking' }>): PriorityStat[] {
  const places = Math.min(question.maxRanked, question.items.length);
  const stats = new Map(question.items.map((i) => [i.value, { item: i.value, borda: 0, first: 0, rankers: 0, ranked: 0 }]));
  let rankers = 0;
  for (const c of cells) {
    if (c.questionId !== question.id) continue;
    const s = stats.get(c.itemKey);
    if (!s || c.value < 1 || c.value > places) continue;
    s.borda += (places - c.value + 1) * c.answers;
    s.ranked += c.answers;
    if (c.value === 1) {
      s.first += c.answers;
      rankers += c.answers;
    }
  }
  return [...stats.values()].map((s) => ({ ...s, rankers }));
}

/** Times each option of a multiple-choice question was chosen (each option, not each combination). */
export function optionCounts(cells: readonly Cell[], questionId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cells) if (c.questionId === questionId) counts.set(c.itemKey, (counts.get(c.itemKey) ?? 0) + c.answers);
  return counts;
}

export const QUADRANTS = ['concentrate', 'keep_up', 'low_priority', 'overkill'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/**
 * The classic importance–performance quadrants around cross-hairs at the mean importance and the
 * mean satisfaction of the plotted points: important and poorly rated → concentrate here.
 */
export function quadrantOf(importance: number, satisfaction: number, cross: { importance: number; satisfaction: number }): Quadrant {
  const important = importance >= cross.importance;
  const satisfied = satisfaction >= cross.satisfaction;
  if (important) return satisfied ? 'keep_up' : 'concentrate';
  return satisfied ? 'overkill' : 'low_priority';
}

export function crossHairs(points: readonly { importance: number; satisfaction: number }[]) {
  if (points.length === 0) return { importance: 3, satisfaction: 3 };
  return {
    importance: points.reduce((s, p) => s + p.importance, 0) / points.length,
    satisfaction: points.reduce((s, p) => s + p.satisfaction, 0) / points.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The matrix per service of one area

/**
 * The default questionnaire asks no importance per service, only "what needs improving most" with
 * its own options. This says which option stands for which service (service row → option value);
 * services without one (a pharmacy, preventive check-ups, evening buses, libraries) are left off
 * the chart rather than guessed. A survey built elsewhere may use the same keys for rows and
 * options (matched as they are) or ask a matrix tagged measure=importance with the service rows.
 */
export const NEED_OPTION_OF_SERVICE: Readonly<Record<string, string>> = {
  preschool: 'more_places',
  primary: 'teachers',
  school_transport: 'buses',
  extracurricular: 'activities',
  school_buildings: 'equipment',
  gp: 'waiting',
  specialists: 'specialists_local',
  emergency: 'night_care',
  elderly_care: 'home_care',
  bus_seat: 'new_routes',
  bus_jaslo: 'new_routes', // the same row in surveys made before it was named for any county town
  frequency: 'more_buses',
  roads: 'road_repairs',
  pavements: 'pavements_new',
  water: 'water_ext',
  sewage: 'sewage_ext',
  waste: 'waste_psz',
  lighting: 'lighting_more',
  winter: 'snow',
  community_centre: 'halls',
  sport: 'sport_new',
  events: 'events_more',
  seniors_clubs: 'seniors',
  power: 'outages',
  gas: 'gas_ext',
  heating: 'insulation',
  renewables_support: 'solar',
  air: 'stove_swap',
};

export type ServiceImportance =
  /** The mean of a row of a matrix tagged measure=importance (1–5). */
  | { kind: 'question'; questionId: string; itemKey: string }
  /** Proxy: the share of respondents who chose this option of the area's "needs improving" question. */
  | { kind: 'need'; questionId: string; option: string; label: Localized }
  | null;

export interface ServiceInfo {
  key: string;
  title: Localized;
  /** The satisfaction matrix and its row. */
  questionId: string;
  itemKey: string;
  importance: ServiceImportance;
}

/** The services of an area: the rows of its satisfaction matrices, each with where its importance comes from. */
export function servicesOf(definition: SurveyDefinition, area: AreaInfo): ServiceInfo[] {
  const section = definition.sections.find((s) => s.id === area.key);
  if (!section) return [];
  const tagged = section.questions.filter((q) => q.area);
  const importanceMatrices = tagged.filter((q): q is Extract<Question, { type: 'matrix' }> => q.measure === 'importance' && q.type === 'matrix');
  const need = area.needQuestion;
  const services: ServiceInfo[] = [];
  for (const q of tagged) {
    if (q.type !== 'matrix' || q.measure !== 'satisfaction') continue;
    for (const row of q.rows) {
      const asked = importanceMatrices.find((m) => m.rows.some((r) => r.value === row.value));
      const optionValue = need?.options.some((o) => o.value === row.value) ? row.value : NEED_OPTION_OF_SERVICE[row.value];
      const option = optionValue ? need?.options.find((o) => o.value === optionValue) : undefined;
      services.push({
        key: row.value,
        title: row.label,
        questionId: q.id,
        itemKey: row.value,
        importance: asked
          ? { kind: 'question', questionId: asked.id, itemKey: row.value }
          : option && need
            ? { kind: 'need', questionId: need.id, option: option.value, label: option.label }
            : null,
      });
    }
  }
  return services;
}

/** Mean of one row of a matrix (or of a rating when itemKey is ''), "don't know" left out. */
export function rowMeanOf(cells: readonly Cell[], questionId: string, itemKey: string): { mean: number | null; answers: number } {
  let sum = 0;
  let answers = 0;
  for (const c of cells) {
    if (c.questionId !== questionId || c.itemKey !== itemKey || c.dontKnow) continue;
    sum += c.value * c.answers;
    answers += c.answers;
  }
  return { mean: answers > 0 ? sum / answers : null, answers };
}

/**
 * The proxy of a service's importance on the 1–5 axis: 1 when nobody chose its improvement, 5 when
 * everybody did (1 + 4 × share of the respondents in scope).
 */
export function importanceFromShare(share: number): number {
  return 1 + 4 * share;
}

/** A Warsaw yyyy-mm-dd day to its quarter, as the forum's scorecards store it: year * 10 + quarter (20261 = Q1 2026). */
export function quarterOfDay(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return year * 10 + Math.ceil(month / 3);
}

/** Every quarter from the first to the last, inclusive. */
export function quartersBetween(first: number, last: number): number[] {
  const out: number[] = [];
  for (let q = first; q <= last; q = q % 10 === 4 ? (Math.floor(q / 10) + 1) * 10 + 1 : q + 1) out.push(q);
  return out;
}
