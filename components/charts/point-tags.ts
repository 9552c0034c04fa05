/**
 * Where the importance–performance matrix writes its point numbers, in the chart's own pixels.
 * Names would overlap wherever points lie close together, so each dot gets its number (as in the
 * legend under the chart); dots almost on top of each other share one label ("2, 5"), and a label
 * that would cover another label or a dot moves below, right or left of its dots.
 */

export interface TagPoint {
  /** The point's number in the legend (1…n). */
  n: number;
  x: number;
  y: number;
}

export interface PlacedTag {
  text: string;
  /** The text's anchor point and baseline, as SVG's <text x y text-anchor> take them. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Dots this close on both axes (px) share one label: two labels could not sit apart there. */
const MERGE = 14;
/** A 13 px semi-bold label: digits and ", " are about 7.5 px wide; ascent and descent. */
const CHAR_WIDTH = 7.5;
const ASCENT = 13;
const DESCENT = 3;
/** Between a dot and its label (px); a dot's radius is under 5. */
const GAP = 8;
const DOT = 5;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box a placed label covers (estimated from its length: the server cannot measure text). */
export function tagBox(tag: PlacedTag): Box {
  const width = tag.text.length * CHAR_WIDTH;
  const left = tag.anchor === 'start' ? tag.x : tag.anchor === 'end' ? tag.x - width : tag.x - width / 2;
  return { left, right: left + width, top: tag.y - ASCENT, bottom: tag.y + DESCENT };
}

/** Dots within MERGE of one another, chained (a–b close and b–c close: one group). */
function groupsOf(points: TagPoint[]): TagPoint[][] {
  let groups: TagPoint[][] = [];
  for (const p of points) {
    const joined = groups.filter((g) => g.some((q) => Math.abs(q.x - p.x) <= MERGE && Math.abs(q.y - p.y) <= MERGE));
    groups = [[p, ...joined.flat()], ...groups.filter((g) => !joined.includes(g))];
  }
  return groups.map((g) => g.sort((a, b) => a.n - b.n)).sort((a, b) => a[0]!.n - b[0]!.n);
}

export function placePointTags(points: TagPoint[]): PlacedTag[] {
  const taken: Box[] = points.map((p) => ({ left: p.x - DOT, right: p.x + DOT, top: p.y - DOT, bottom: p.y + DOT }));
  const placed: PlacedTag[] = [];
  for (const group of groupsOf(points)) {
    const text = group.map((p) => p.n).join(', ');
    const highest = group.reduce((a, b) => (b.y < a.y ? b : a));
    const lowest = group.reduce((a, b) => (b.y > a.y ? b : a));
    const rightmost = group.reduce((a, b) => (b.x > a.x ? b : a));
    const leftmost = group.reduce((a, b) => (b.x < a.x ? b : a));
    const candidates: PlacedTag[] = [
      { text, x: highest.x, y: highest.y - GAP, anchor: 'middle' },
      { text, x: lowest.x, y: lowest.y + GAP + ASCENT, anchor: 'middle' },
      { text, x: rightmost.x + GAP, y: rightmost.y + ASCENT / 2 - DESCENT, anchor: 'start' },
      { text, x: leftmost.x - GAP, y: leftmost.y + ASCENT / 2 - DESCENT, anchor: 'end' },
    ];
    // Above the dots unless that covers something; when every side does, above all the same.
    const tag = candidates.find((c) => !taken.some((box) => overlaps(tagBox(c), box))) ?? candidates[0]!;
    taken.push(tagBox(tag));
    placed.push(tag);
  }
  return placed;
}
