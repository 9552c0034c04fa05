// Small-group suppression, pure (safe in tests and the browser). No number drawn from fewer than k
// responses is shown: a count of 1..k-1 is hidden, and so is every number of a group smaller than k.
// Complementary suppression: numbers are linked by "lines" (cells that add up to a total, the total
// being a member of the line too). A line with exactly one hidden member would give it away by
// subtraction, so another member — the smallest shown non-zero cell — is hidden as well, until no
// line has exactly one hidden member. Zeros stay shown: a hidden cell can never be recovered as 0.

/** The group size under which numbers are hidden; the setting is validated to be at least 3. */
export const DEFAULT_MIN_GROUP = 5;
export const ABSOLUTE_MIN_GROUP = 3;

export function effectiveMinGroup(k: number | undefined): number {
  return Math.max(ABSOLUTE_MIN_GROUP, Math.floor(k ?? DEFAULT_MIN_GROUP));
}

/** Is a single count too small to show? */
export function isSmall(count: number, k: number): boolean {
  return count > 0 && count < k;
}

/**
 * Which cells to hide. `values` are the counts; each line lists indices of cells that add up
 * (a total is simply one more member). Returns a mask: true = hidden.
 */
export function suppressCells(values: readonly number[], lines: readonly (readonly number[])[], k: number): boolean[] {
  const hidden = values.map((v) => isSmall(v, k));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hiddenCount = line.filter((i) => hidden[i]).length;
      if (hiddenCount !== 1) continue;
      let pick = -1;
      for (const i of line) {
        if (hidden[i] || values[i]! <= 0) continue;
        if (pick === -1 || values[i]! < values[pick]!) pick = i;
      }
      if (pick !== -1) {
        hidden[pick] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * One line of counts and their total (which is shown). When the total itself is under k, all is
 * hidden. Returns the counts with hidden ones as null.
 */
export function suppressLine(counts: readonly number[], k: number): { counts: (number | null)[]; total: number | null } {
  const total = counts.reduce((s, c) => s + c, 0);
  if (isSmall(total, k)) return { counts: counts.map(() => null), total: null };
  const values = [...counts, total];
  const mask = suppressCells(values, [values.map((_, i) => i)], k);
  return { counts: counts.map((c, i) => (mask[i] ? null : c)), total: mask[counts.length] ? null : total };
}

/**
 * A table of counts with row totals, column totals and a grand total, all shown when they may be.
 * Every row (with its total) and every column (with its total) is a line.
 */
export function suppressTable(cells: readonly (readonly number[])[], k: number) {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const values: number[] = [];
  const at = (r: number, c: number) => r * (cols + 1) + c;
  for (let r = 0; r < rows; r++) {
    values.push(...cells[r]!, cells[r]!.reduce((s, v) => s + v, 0));
  }
  for (let c = 0; c <= cols; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += values[at(r, c)]!;
    values.push(sum);
  }
  const grandIndex = rows * (cols + 1) + cols;
  const lines: number[][] = [];
  for (let r = 0; r < rows; r++) lines.push(Array.from({ length: cols + 1 }, (_, c) => at(r, c)));
  for (let c = 0; c <= cols; c++) lines.push([...Array.from({ length: rows }, (_, r) => at(r, c)), rows * (cols + 1) + c]);
  const grand = values[grandIndex]!;
  const mask = isSmall(grand, k) ? values.map(() => true) : suppressCells(values, lines, k);
  const shown = (i: number) => (mask[i] ? null : values[i]!);
  return {
    cells: cells.map((row, r) => row.map((_, c) => shown(at(r, c)))),
    rowTotals: cells.map((_, r) => shown(at(r, cols))),
    columnTotals: Array.from({ length: cols }, (_, c) => shown(rows * (cols + 1) + c)),
    total: shown(grandIndex),
  };
}

/** A mean is shown only when at least k responses stand behind it. */
export function suppressMean(mean: number | null, respondents: number, k: number): number | null {
  return mean === null || respondents < k ? null : mean;
}
