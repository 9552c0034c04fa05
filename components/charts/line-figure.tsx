// A line over time drawn on the server as SVG: straight segments between the points (a smoothed
// curve would invent values between them), dates as a reader writes them, and a last period that
// is still running drawn dashed to a hollow dot and named as such under it — a half-counted week
// is not a collapse. Drawn for a phone's width and for a wide screen (svg-parts.tsx). No JavaScript.
import { GRID, INK, LINE, labelStep, linear, svg, svgRoot, TwoWidths } from './svg-parts';

export interface LinePoint {
  /** The axis label (short: "5 paź"). */
  label: string;
  value: number | null;
}

const HEIGHT = 220;
const MARGIN = { left: 44, right: 20, top: 24, bottom: 36 };

/** Whole round steps (1, 2 or 5 × a power of ten) giving about four ticks up to at least `max` (counts). */
export function ticksUpTo(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

function plot({ points, width, partial, show }: { points: LinePoint[]; width: number; partial: boolean; show: (v: number) => string }): string {
  const ticks = ticksUpTo(Math.max(0, ...points.map((p) => p.value ?? 0)));
  const top = ticks[ticks.length - 1]!;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  // The first and last dots sit 10 px in from the axes, clear of the tick labels.
  const x = (i: number) => (points.length === 1 ? MARGIN.left + plotWidth / 2 : linear([0, points.length - 1], [MARGIN.left + 10, width - MARGIN.right - 10])(i));
  const y = linear([0, top], [MARGIN.top + plotHeight, MARGIN.top]);
  // The newest label is anchored at its end and the others at their middle: spaced by labelStep,
  // neighbours never touch.
  const every = labelStep(points.map((p) => p.label), plotWidth);
  const last = points.length - 1;
  let inner = '';
  for (const v of ticks) {
    inner += svg('g', {}, {
      inner:
        svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(v), y2: y(v), stroke: GRID, 'stroke-dasharray': '3 3' }) +
        svg('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: INK }, { text: show(v) }),
    });
  }
  points.slice(1).forEach((to, k) => {
    const i = k + 1;
    const from = points[k]!;
    if (from.value !== null && to.value !== null) {
      inner += svg('line', { x1: x(i - 1), y1: y(from.value), x2: x(i), y2: y(to.value), stroke: LINE, 'stroke-width': 3, 'stroke-dasharray': partial && i === last ? '6 5' : undefined });
    }
  });
  points.forEach((p, i) => {
    if (p.value !== null) inner += svg('circle', { cx: x(i), cy: y(p.value), r: 4.5, fill: partial && i === last ? '#fff' : LINE, stroke: LINE, 'stroke-width': 2.5 });
  });
  points.forEach((p, i) => {
    // Counted from the newest point, which always has its label.
    if ((last - i) % every !== 0) return;
    const anchor = last > 0 && i === 0 ? 'start' : last > 0 && i === last ? 'end' : 'middle';
    inner += svg('text', { x: x(i), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': anchor, 'font-size': 12, fill: INK }, { text: p.label });
  });
  return svgRoot(width, HEIGHT, inner);
}

/**
 * The line with its summary for screen readers (the numbers are in the data table beside it) and,
 * when the last period is still running, a sentence saying so under it.
 */
export function LineFigure({ points, summary, partial = false, partialNote, show }: {
  points: LinePoint[];
  summary: string;
  partial?: boolean;
  /** Under the chart: which period is still running, and how it is drawn (a label in the plot would cross the line). */
  partialNote?: string;
  show: (v: number) => string;
}) {
  return (
    <figure className="max-w-3xl space-y-1">
      <TwoWidths summary={summary} draw={(width) => plot({ points, width, partial, show })} />
      {partial && partialNote ? <figcaption className="text-sm text-muted">{partialNote}</figcaption> : null}
    </figure>
  );
}
