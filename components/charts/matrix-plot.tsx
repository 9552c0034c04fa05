import { placePointTags } from './point-tags';
import { GRID, INK, LINE, linear, svg, svgRoot, TwoWidths } from './svg-parts';

// The importance–performance matrix drawn on the server as SVG: satisfaction across, importance
// up, the cross-hairs at the means, each point numbered (the names are in the list under it;
// point-tags.ts keeps the numbers off each other and off the dots).

export interface MatrixDatum {
  label: string;
  importance: number;
  satisfaction: number;
}

/** Round ticks across an axis range: tenths for a zoomed axis, whole points for the 1–5 scale. */
export function ticksOf([low, high]: [number, number]): number[] {
  const span = high - low;
  const step = span <= 0.6 ? 0.1 : span <= 1.5 ? 0.25 : span <= 2.5 ? 0.5 : 1;
  const out: number[] = [];
  // On multiples of the step (2,75 · 3 · 3,25), not counted from the axis's low end (2,7 · 2,95).
  for (let i = Math.ceil(low / step - 1e-9); i * step <= high + 1e-9; i++) out.push(Math.round(i * step * 100) / 100);
  return out;
}

const MARGIN = { left: 58, right: 16, top: 20, bottom: 52 };

function plot({ width, data, cross, axes, domain, tick }: MatrixPlotProps & { width: number; domain: NonNullable<MatrixPlotProps['domain']> }): string {
  const height = width < 500 ? 340 : 420;
  const x = linear(domain.satisfaction, [MARGIN.left, width - MARGIN.right]);
  const y = linear(domain.importance, [height - MARGIN.bottom, MARGIN.top]);
  const tags = placePointTags(data.map((d, i) => ({ n: i + 1, x: x(d.satisfaction), y: y(d.importance) })));
  const middleY = (MARGIN.top + height - MARGIN.bottom) / 2;
  let inner = '';
  for (const v of ticksOf(domain.satisfaction)) {
    inner += svg('g', {}, {
      inner:
        svg('line', { x1: x(v), x2: x(v), y1: MARGIN.top, y2: height - MARGIN.bottom, stroke: GRID, 'stroke-dasharray': '3 3' }) +
        svg('text', { x: x(v), y: height - MARGIN.bottom + 16, 'text-anchor': 'middle', 'font-size': 12, fill: INK }, { text: tick(v) }),
    });
  }
  for (const v of ticksOf(domain.importance)) {
    inner += svg('g', {}, {
      inner:
        svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(v), y2: y(v), stroke: GRID, 'stroke-dasharray': '3 3' }) +
        svg('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: INK }, { text: tick(v) }),
    });
  }
  inner += svg('rect', { x: MARGIN.left, y: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom, fill: 'none', stroke: '#9ca3af' });
  inner += svg('line', { x1: x(cross.satisfaction), x2: x(cross.satisfaction), y1: MARGIN.top, y2: height - MARGIN.bottom, stroke: INK, 'stroke-dasharray': '6 4' });
  inner += svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(cross.importance), y2: y(cross.importance), stroke: INK, 'stroke-dasharray': '6 4' });
  for (const d of data) inner += svg('circle', { cx: x(d.satisfaction), cy: y(d.importance), r: 5, fill: LINE });
  for (const tag of tags) inner += svg('text', { x: tag.x, y: tag.y, 'text-anchor': tag.anchor, fill: INK, 'font-size': 13, 'font-weight': 600 }, { text: tag.text });
  inner += svg('text', { x: (MARGIN.left + width - MARGIN.right) / 2, y: height - 8, 'text-anchor': 'middle', 'font-size': 13, fill: INK }, { text: axes.satisfaction });
  inner += svg('text', { x: 14, y: middleY, transform: `rotate(-90 14 ${middleY})`, 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'font-size': 13, fill: INK }, { text: axes.importance });
  return svgRoot(width, height, inner);
}

interface MatrixPlotProps {
  data: MatrixDatum[];
  cross: { importance: number; satisfaction: number };
  summary: string;
  axes: { importance: string; satisfaction: string };
  /** Axes zoomed to the values shown (means lie close together); the whole 1–5 scale by default. */
  domain?: { importance: [number, number]; satisfaction: [number, number] };
  /** An axis tick as the page's language writes it (3,25). */
  tick: (v: number) => string;
}

export function MatrixPlot(props: MatrixPlotProps) {
  const domain = props.domain ?? { importance: [1, 5], satisfaction: [1, 5] };
  return (
    <div className="w-full max-w-3xl">
      <TwoWidths summary={props.summary} draw={(width) => plot({ ...props, width, domain })} />
      <ol className="mt-2 grid list-decimal gap-x-8 gap-y-1 pl-8 text-sm sm:grid-cols-2">
        {props.data.map((d, i) => (
          <li key={i}>{d.label}</li>
        ))}
      </ol>
    </div>
  );
}
