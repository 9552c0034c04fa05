import { GRID, INK, LINE, labelStep, linear, svg, svgRoot, TwoWidths } from './svg-parts';

// Forum monitoring drawn on the server as SVG: the forum's mean rating per quarter (a solid line
// of straight segments, dots with their values; a quarter without ratings is a gap) against the
// residents' one survey mean (a dashed line with its value in words), both on the 1–5 axis.

export interface MonitoringDatum {
  label: string;
  forum: number | null;
}

interface MonitoringPlotProps {
  data: MonitoringDatum[];
  residents: number | null;
  summary: string;
  residentsLabel: string;
  /** A mean as the tables print it (2,50). */
  mean: (v: number) => string;
}

const HEIGHT = 280;
const MARGIN = { left: 32, right: 16, top: 28, bottom: 34 };
/** Room at each end of the axis, so the first and last dots' values are not cut. */
const PAD = 36;

function plot({ width, data, residents, residentsLabel, mean }: MonitoringPlotProps & { width: number }): string {
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const x = (i: number) => (data.length === 1 ? MARGIN.left + plotWidth / 2 : linear([0, data.length - 1], [MARGIN.left + PAD, width - MARGIN.right - PAD])(i));
  const y = linear([1, 5], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const every = labelStep(data.map((d) => d.label), plotWidth - 2 * PAD);
  const last = data.length - 1;
  let inner = '';
  for (const v of [1, 2, 3, 4, 5]) {
    inner += svg('g', {}, {
      inner:
        svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(v), y2: y(v), stroke: GRID, 'stroke-dasharray': '3 3' }) +
        svg('text', { x: MARGIN.left - 8, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: INK }, { text: String(v) }),
    });
  }
  if (residents !== null) {
    inner += svg('g', {}, {
      inner:
        svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(residents), y2: y(residents), stroke: INK, 'stroke-width': 2, 'stroke-dasharray': '8 5' }) +
        // Under the line at its right end, where the quarters' labels (above their dots) are not.
        svg('text', { x: width - MARGIN.right - 4, y: y(residents) + 16, 'text-anchor': 'end', 'font-size': 13, fill: INK }, { text: residentsLabel }),
    });
  }
  data.slice(1).forEach((d, i) => {
    const from = data[i]!.forum;
    if (from !== null && d.forum !== null) inner += svg('line', { x1: x(i), y1: y(from), x2: x(i + 1), y2: y(d.forum), stroke: LINE, 'stroke-width': 3 });
  });
  data.forEach((d, i) => {
    if (d.forum === null) return;
    inner += svg('g', {}, {
      inner:
        svg('circle', { cx: x(i), cy: y(d.forum), r: 5, fill: LINE }) +
        svg('text', { x: x(i), y: y(d.forum) - 10, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 600, fill: INK }, { text: mean(d.forum) }),
    });
  });
  data.forEach((d, i) => {
    if ((last - i) % every === 0) inner += svg('text', { x: x(i), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', 'font-size': 12, fill: INK }, { text: d.label });
  });
  return svgRoot(width, HEIGHT, inner);
}

export function MonitoringPlot(props: MonitoringPlotProps) {
  return (
    <div className="w-full max-w-3xl">
      <TwoWidths summary={props.summary} draw={(width) => plot({ ...props, width })} />
    </div>
  );
}
