// Disclosure control: the one layer every published number of the dashboards passes through
// (pages, charts, data tables, CSVs, the commune report, forum monitoring). Pure, so tests and
// the public method page use the very same table. The method, in short (README → "How published
// figures are protected" has it in full):
//
// 1. Groups. A commune's figures are published only when its responses reach k (RESULTS_MIN_GROUP)
//    counting *independent* ones: paper and invitation-code responses each, open-link responses at
//    most one per source and hour (padding defence). Communes under k are pooled into "other
//    communes", published as one group when the pool reaches k, else left out of every figure. The
//    county is the sum of the published groups, so "county minus the other communes" gives back
//    only published (perturbed) figures.
// 2. Cell-key perturbation (after the UK ONS's method for Census 2021). Each response carries a
//    secret random record key 0–255 fixed when it is stored; a cell's key is the sum of its
//    records' keys modulo 256, and a published table (PERTURBATION) turns (count, cell key) into
//    the published count: 0 stays 0; a count under k becomes 0 or k (k with probability count/k,
//    so it is right on average); a count of k or more moves by −2…+2 and never below k. The same
//    records always give the same figure, in every view and export; a small count is never
//    published as it is.
// 3. Everything else is computed from the published counts of a group's elementary cells: totals
//    are sums, means and shares are ratios, Borda scores weighted sums. They add nothing an
//    attacker could solve with, and they always agree with the counts shown beside them.
//    Only the decision to show a number at all (k or more responses behind it) looks at exact counts.

/** The group size under which nothing is published; the setting is validated to be at least 3. */
export const DEFAULT_MIN_GROUP = 5;
export const ABSOLUTE_MIN_GROUP = 3;

export function effectiveMinGroup(k: number | undefined): number {
  return Math.max(ABSOLUTE_MIN_GROUP, Math.floor(k ?? DEFAULT_MIN_GROUP));
}

/** Record keys are 0–255; a cell key is the sum of its records' keys modulo this. */
export const KEY_MODULUS = 256;

/** The noise added to a count of k or more, with its probability (sums to 1). */
export const NOISE: readonly (readonly [noise: number, probability: number])[] = [
  [-2, 0.15],
  [-1, 0.2],
  [0, 0.3],
  [1, 0.2],
  [2, 0.15],
];

/** A cell key (0–255) from the sum of the record keys in the cell. */
export function cellKeyOf(keySum: number): number {
  return ((keySum % KEY_MODULUS) + KEY_MODULUS) % KEY_MODULUS;
}

/**
 * The published count of a cell with `count` records whose keys sum to `keySum`, for threshold k.
 * Deterministic: the same records give the same figure wherever they are shown.
 */
export function perturbCount(count: number, keySum: number, k: number): number {
  if (count <= 0) return 0;
  // The cell key as a point in [0, 1): which step of the cumulative table the cell lands on.
  const u = (cellKeyOf(keySum) + 0.5) / KEY_MODULUS;
  if (count < k) return u < count / k ? k : 0;
  let cumulative = 0;
  for (const [noise, probability] of NOISE) {
    cumulative += probability;
    if (u < cumulative) return Math.max(k, count + noise);
  }
  return Math.max(k, count + NOISE[NOISE.length - 1]![0]);
}

/**
 * The perturbation table for a threshold: for each true count 0…k+3, the published values it can
 * become with their probabilities (exact, from the 256 cell keys). The public method page shows it,
 * and the attack tests use it as an attacker would (it is public).
 */
export function perturbationTable(k: number, upTo = k + 3): { count: number; outcomes: { published: number; probability: number }[] }[] {
  const table = [];
  for (let count = 0; count <= upTo; count++) {
    const outcomes = new Map<number, number>();
    for (let key = 0; key < KEY_MODULUS; key++) {
      const published = perturbCount(count, key, k);
      outcomes.set(published, (outcomes.get(published) ?? 0) + 1 / KEY_MODULUS);
    }
    table.push({ count, outcomes: [...outcomes].sort((a, b) => a[0] - b[0]).map(([published, probability]) => ({ published, probability })) });
  }
  return table;
}

/** The true counts that can be published as `published` (what an attacker who knows the table can infer). */
export function possibleTrueCounts(published: number, k: number): number[] {
  const out: number[] = [];
  const maxNoise = Math.max(...NOISE.map(([n]) => Math.abs(n)));
  for (let count = 0; count <= Math.max(published, k) + maxNoise; count++) {
    for (let key = 0; key < KEY_MODULUS; key++) {
      if (perturbCount(count, key, k) === published) {
        out.push(count);
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Groups: which communes are published, pooled or left out

export interface CommuneResponses {
  communeId: number;
  /** Every response (exact). */
  responses: number;
  /** Responses that count towards unlocking: paper and invitation-code ones, and open-link ones at most one per source and hour. */
  independent: number;
}

export interface PublishedGroups {
  /** Communes published on their own. */
  shown: number[];
  /** Communes under k pooled into "other communes", published together; empty when the pool itself is under k (then left out). */
  pooled: number[];
  /** Communes whose responses are in no figure at all (the pool under k). */
  left: number[];
}

/** Which communes are shown, pooled or left out, by their independent responses. */
export function publishedGroups(communes: readonly CommuneResponses[], k: number): PublishedGroups {
  const shown: number[] = [];
  const small: CommuneResponses[] = [];
  for (const c of communes) {
    if (c.responses === 0) continue;
    if (c.independent >= k && c.responses >= k) shown.push(c.communeId);
    else small.push(c);
  }
  const poolIndependent = small.reduce((s, c) => s + c.independent, 0);
  const poolResponses = small.reduce((s, c) => s + c.responses, 0);
  const poolShown = poolIndependent >= k && poolResponses >= k;
  return { shown, pooled: poolShown ? small.map((c) => c.communeId) : [], left: poolShown ? [] : small.map((c) => c.communeId) };
}

/**
 * The groups of records behind a scope: the county (every published group, the pool as one) or
 * one commune (itself when shown; no group when it is under k — nothing is published for it).
 */
export function groupsOfScope(groups: PublishedGroups, communeId: number | null): number[][] {
  if (communeId === null) return [...groups.shown.map((id) => [id]), ...(groups.pooled.length ? [groups.pooled] : [])];
  return groups.shown.includes(communeId) ? [[communeId]] : [];
}

// ---------------------------------------------------------------------------------------------
// Protected cells

/** An aggregate cell with the sum of its records' keys. */
export interface KeyedCell {
  communeId: number;
  questionId: string;
  itemKey: string;
  value: number;
  dontKnow: boolean;
  answers: number;
  keySum: number;
}

/** A cell of a scope: its published count, and its exact count for threshold decisions only. */
export interface ScopeCell {
  questionId: string;
  itemKey: string;
  value: number;
  dontKnow: boolean;
  /** The published (perturbed) count: the only count that may be shown or computed with. */
  answers: number;
  /** The exact count: only to decide whether k or more answers stand behind a figure. */
  exact: number;
}

const cellId = (c: { questionId: string; itemKey: string; value: number; dontKnow: boolean }) => `${c.questionId}\u0000${c.itemKey}\u0000${c.value}\u0000${c.dontKnow ? 1 : 0}`;

/**
 * The cells of a scope: each group's records merged per cell and perturbed once, then the groups'
 * published counts summed (the county is the sum of its published groups).
 */
export function scopeCells(cells: readonly KeyedCell[], groups: readonly (readonly number[])[], k: number): ScopeCell[] {
  const out = new Map<string, ScopeCell>();
  for (const group of groups) {
    const members = new Set(group);
    const merged = new Map<string, KeyedCell>();
    for (const c of cells) {
      if (!members.has(c.communeId)) continue;
      const id = cellId(c);
      const m = merged.get(id);
      if (m) {
        m.answers += c.answers;
        m.keySum += c.keySum;
      } else merged.set(id, { ...c });
    }
    for (const [id, m] of merged) {
      const published = perturbCount(m.answers, m.keySum, k);
      const o = out.get(id);
      if (o) {
        o.answers += published;
        o.exact += m.answers;
      } else out.set(id, { questionId: m.questionId, itemKey: m.itemKey, value: m.value, dontKnow: m.dontKnow, answers: published, exact: m.answers });
    }
  }
  return [...out.values()];
}

/** A count of records with their key sum (a response count of a commune, a channel, a week…). */
export interface KeyedCount {
  count: number;
  keySum: number;
}

/** Adds keyed counts: the records of both. */
export function addKeyed(a: KeyedCount, b: KeyedCount): KeyedCount {
  return { count: a.count + b.count, keySum: a.keySum + b.keySum };
}

/** The published count of one cell of records. */
export function publishedCount(cell: KeyedCount, k: number): number {
  return perturbCount(cell.count, cell.keySum, k);
}
