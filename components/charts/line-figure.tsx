// A line over time drawn on the server as SVG: straight segments between the points (a smoothed
// curve would invent values between them), dates as a reader writes them, and a last period that
// is still running drawn dashed to a hollow dot and named as such under it — a half-counted week
// is not a collapse. Drawn for a phone's width and for a wide screen (svg-parts.tsx). No JavaScript.
import { GRID, INK, LINE, labelStep, linear, TwoWidths } from './svg-parts';

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

function Plot({ points, width, partial, show }: { points: LinePoint[]; width: number; partial: boolean; show: (v: number) => string }) {
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
  const segments = points.slice(1).map((p, i) => ({ from: points[i]!, to: p, i: i + 1 }));
  return (
    <svg viewBox={`0 0 ${width} ${HEIGHT}`} className="h-auto w-full" aria-hidden="true" focusable="false">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} stroke={GRID} strokeDasharray="3 3" />
          <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end" fontSize={12} fill={INK}>
            {show(v)}
          </text>
        </g>
      ))}
      {segments.map(({ from, to, i }) =>
        from.value === null || to.value === null ? null : (
          <line key={i} x1={x(i - 1)} y1={y(from.value)} x2={x(i)} y2={y(to.value)} stroke={LINE} strokeWidth={3} strokeDasharray={partial && i === last ? '6 5' : undefined} />
        ),
      )}
      {points.map((p, i) =>
        p.value === null ? null : <circle key={i} cx={x(i)} cy={y(p.value)} r={4.5} fill={partial && i === last ? '#fff' : LINE} stroke={LINE} strokeWidth={2.5} />,
      )}
      {points.map((p, i) =>
        // Counted from the newest point, which always has its label.
        (last - i) % every === 0 ? (
          <text key={i} x={x(i)} y={HEIGHT - MARGIN.bottom + 18} textAnchor={last > 0 && i === 0 ? 'start' : last > 0 && i === last ? 'end' : 'middle'} fontSize={12} fill={INK}>
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  );
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
      <TwoWidths summary={summary} draw={(width) => <Plot points={points} width={width} partial={partial} show={show} />} />
      {partial && partialNote ? <figcaption className="text-sm text-muted">{partialNote}</figcaption> : null}
    </figure>
  );
}
