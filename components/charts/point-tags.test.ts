import { describe, expect, it } from 'vitest';
import { placePointTags, tagBox, type PlacedTag } from './point-tags';

const overlap = (a: PlacedTag, b: PlacedTag) => {
  const [p, q] = [tagBox(a), tagBox(b)];
  return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
};

function expectApart(tags: PlacedTag[]) {
  for (const [i, a] of tags.entries()) for (const b of tags.slice(i + 1)) expect(overlap(a, b), `${a.text} / ${b.text}`).toBe(false);
}

describe('placePointTags', () => {
  it('numbers each dot above itself when the dots are apart', () => {
    const tags = placePointTags([
      { n: 1, x: 100, y: 100 },
      { n: 2, x: 300, y: 250 },
    ]);
    expect(tags).toEqual([
      { text: '1', x: 100, y: 92, anchor: 'middle' },
      { text: '2', x: 300, y: 242, anchor: 'middle' },
    ]);
  });

  it('gives dots almost on top of each other one label, above the highest, chaining neighbours', () => {
    const tags = placePointTags([
      { n: 3, x: 200, y: 210 },
      { n: 1, x: 205, y: 200 },
      { n: 2, x: 400, y: 100 },
      { n: 4, x: 212, y: 220 },
    ]);
    expect(tags.map((t) => t.text)).toEqual(['1, 3, 4', '2']);
    expect(tags[0]).toMatchObject({ x: 205, y: 192, anchor: 'middle' });
  });

  it('moves a label that would cover another group’s label or dot (groups a few pixels too far apart to share one)', () => {
    // As on the synthetic million: six areas whose means differ by a hundredth, on a zoomed axis.
    const points = [
      { n: 1, x: 380, y: 200 },
      { n: 2, x: 380, y: 220 },
      { n: 3, x: 385, y: 222 },
      { n: 4, x: 378, y: 225 },
      { n: 5, x: 382, y: 228 },
      { n: 6, x: 383, y: 203 },
    ];
    const tags = placePointTags(points);
    expect(tags.map((t) => t.text)).toEqual(['1, 6', '2, 3, 4, 5']);
    expectApart(tags);
    // Nor does a label cover a dot.
    for (const tag of tags) {
      const box = tagBox(tag);
      for (const p of points) expect(p.x + 5 <= box.left || p.x - 5 >= box.right || p.y + 5 <= box.top || p.y - 5 >= box.bottom, `${tag.text} over dot ${p.n}`).toBe(true);
    }
  });

  it('keeps every label apart in a crowded row of groups', () => {
    const points = Array.from({ length: 6 }, (_, i) => ({ n: i + 1, x: 300 + i * 16, y: 200 + (i % 2) * 16 }));
    const tags = placePointTags(points);
    expect(tags.map((t) => t.text).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expectApart(tags);
  });
});
