import { allQuestions, type Localized, type Question, type SurveyDefinition } from '@/lib/surveys/definition';

// Pure computations from aggregate cells to the numbers the dashboards show (before suppression).
// The correctness test checks each against a direct SQL computation over the raw answers.

export interface Cell {
  communeId: number;
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
