import { describe, expect, it } from 'vitest';
import { cellKeyOf, groupsOfScope, KEY_MODULUS, NOISE, perturbationTable, perturbCount, possibleTrueCounts, publishedGroups, scopeCells, type KeyedCell } from './disclosure';

// The perturbation table and the groups rule, as the README and the public method page state them.

describe('cell-key perturbation', () => {
  it('zero stays zero; a count under k is published as 0 or k, right on average; larger counts move by at most 2 and never below k', () => {
    for (const k of [3, 5, 10]) {
      for (const row of perturbationTable(k, k + 40)) {
        const mean = row.outcomes.reduce((s, o) => s + o.published * o.probability, 0);
        expect(row.outcomes.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 9);
        if (row.count === 0) expect(row.outcomes).toEqual([{ published: 0, probability: 1 }]);
        else if (row.count < k) {
          expect(row.outcomes.map((o) => o.published)).toEqual([0, k]);
          expect(Math.abs(mean - row.count)).toBeLessThan(k / KEY_MODULUS); // 256 keys: within one key's step of count/k
        } else {
          for (const o of row.outcomes) {
            expect(o.published).toBeGreaterThanOrEqual(k);
            expect(Math.abs(o.published - row.count)).toBeLessThanOrEqual(2);
          }
          // Away from the floor, unbiased.
          if (row.count >= k + 2) expect(Math.abs(mean - row.count)).toBeLessThan(0.02);
        }
      }
    }
  });

  it('no published value ever tells its true count: each has at least three possible true counts, and never one of 1…k−1 alone', () => {
    for (const k of [3, 5, 8]) {
      for (let published = 0; published <= k + 30; published++) {
        const possible = possibleTrueCounts(published, k);
        if (published > 0 && published < k) expect(possible).toEqual([]);
        else expect(possible.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('is deterministic in the cell key, which is the key sum modulo 256', () => {
    expect(cellKeyOf(3 * KEY_MODULUS + 17)).toBe(17);
    expect(perturbCount(12, 17, 5)).toBe(perturbCount(12, 17 + 5 * KEY_MODULUS, 5));
    const seen = new Set(Array.from({ length: KEY_MODULUS }, (_, key) => perturbCount(12, key, 5)));
    expect([...seen].sort((a, b) => a - b)).toEqual(NOISE.map(([n]) => 12 + n));
  });
});

describe('published groups', () => {
  it('a commune publishes at k independent responses; smaller ones pool, and a pool under k is left out', () => {
    const groups = publishedGroups(
      [
        { communeId: 1, responses: 40, independent: 40 },
        { communeId: 2, responses: 5, independent: 2 }, // padded: five responses, two independent
        { communeId: 3, responses: 3, independent: 3 },
        { communeId: 4, responses: 0, independent: 0 },
      ],
      5,
    );
    expect(groups).toEqual({ shown: [1], pooled: [2, 3], left: [] });
    expect(groupsOfScope(groups, null)).toEqual([[1], [2, 3]]);
    expect(groupsOfScope(groups, 2)).toEqual([]);
    expect(publishedGroups([{ communeId: 1, responses: 9, independent: 9 }, { communeId: 2, responses: 4, independent: 4 }], 5)).toEqual({ shown: [1], pooled: [], left: [2] });
  });

  it('the county is the sum of its groups\u2019 published cells, each group perturbed once as a whole', () => {
    const cell = (communeId: number, answers: number, keySum: number): KeyedCell => ({ communeId, questionId: 'q', itemKey: '', value: 3, dontKnow: false, answers, keySum });
    const cells = [cell(1, 12, 700), cell(2, 2, 40), cell(3, 2, 300)];
    const [county] = scopeCells(cells, [[1], [2, 3]], 5);
    expect(county!.exact).toBe(16);
    expect(county!.answers).toBe(perturbCount(12, 700, 5) + perturbCount(4, 340, 5));
  });
});
