import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveMinGroup, suppressCells, suppressLine, suppressMean, suppressTable } from './suppression';

// Small-group suppression: nothing from fewer than k is shown, and no hidden number can be found
// again by subtracting shown numbers from a shown total (no line with exactly one hidden member).

const K = 5;
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 }));

describe('suppression', () => {
  it('k defaults to 5 and is never below 3', () => {
    expect(effectiveMinGroup(undefined)).toBe(5);
    expect(effectiveMinGroup(1)).toBe(3);
    expect(effectiveMinGroup(10)).toBe(10);
  });

  it('hides a small cell and, with a shown total, its smallest complement', () => {
    expect(suppressLine([3, 40, 12], K)).toEqual({ counts: [null, 40, null], total: 55 });
    expect(suppressLine([30, 40, 12], K)).toEqual({ counts: [30, 40, 12], total: 82 });
    expect(suppressLine([0, 40, 12], K)).toEqual({ counts: [0, 40, 12], total: 52 });
    expect(suppressLine([1, 2, 1], K)).toEqual({ counts: [null, null, null], total: null });
    expect(suppressMean(3.4, 4, K)).toBeNull();
    expect(suppressMean(3.4, 5, K)).toBe(3.4);
  });

  it('a line never shows a count under k nor exactly one hidden cell', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 8 }), fc.integer({ min: 3, max: 10 }), (counts, k) => {
        const { counts: shown, total } = suppressLine(counts, k);
        for (const c of shown) if (c !== null) expect(c === 0 || c >= k).toBe(true);
        const hidden = shown.filter((c) => c === null).length + (total === null ? 1 : 0);
        expect(hidden).not.toBe(1);
        // What is shown is the truth.
        shown.forEach((c, i) => c !== null && expect(c).toBe(counts[i]));
      }),
    );
  });

  it('a table hides no single cell of any row or column with its total shown', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((cols) => fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })),
        (cells) => {
          const t = suppressTable(cells, K);
          const rows = cells.length;
          const cols = cells[0]!.length;
          for (let r = 0; r < rows; r++) {
            const line = [...t.cells[r]!, t.rowTotals[r] as number | null];
            expect(line.filter((v) => v === null).length).not.toBe(1);
            line.forEach((v) => v !== null && expect(v === 0 || v >= K).toBe(true));
          }
          for (let c = 0; c < cols; c++) {
            const line = [...t.cells.map((row) => row[c]!), t.columnTotals[c]];
            expect(line.filter((v) => v === null).length).not.toBe(1);
          }
          const line = [...t.rowTotals, t.total];
          expect(line.filter((v) => v === null).length).not.toBe(1);
          t.cells.forEach((row, r) => row.forEach((v, c) => v !== null && expect(v).toBe(cells[r]![c])));
        },
      ),
    );
  });

  it('a hidden cell cannot be recovered by subtraction (brute force over all lines)', () => {
    // The classic attack: a responses-per-commune table with one village commune of 2 residents.
    const t = suppressTable(
      [
        [120, 30],
        [2, 0],
        [40, 9],
      ],
      K,
    );
    expect(t.cells[1]).toEqual([null, 0]);
    expect(t.rowTotals[1]).toBeNull();
    // The county total is shown, so another commune total must be hidden too, and the online column.
    expect(t.rowTotals.filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(t.cells.map((r) => r[0]).filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
  });

  it('suppressCells leaves lines with two hidden members alone', () => {
    expect(suppressCells([2, 3, 50, 55], [[0, 1, 2, 3]], K)).toEqual([true, true, false, false]);
  });
});
