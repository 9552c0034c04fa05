import { placePointTags } from './point-tags';
import { GRID, INK, LINE, linear, TwoWidths } from './svg-parts';

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

function Plot({ width, data, cross, axes, domain, tick }: MatrixPlotProps & { width: number; domain: NonNullable<MatrixPlotProps['domain']> }) {
  const height = width < 500 ? 340 : 420;
  const x = linear(domain.satisfaction, [MARGIN.left, width - MARGIN.right]);
  const y = linear(domain.importance, [height - MARGIN.bottom, MARGIN.top]);
  const tags = placePointTags(data.map((d, i) => ({ n: i + 1, x: x(d.satisfaction), y: y(d.importance) })));
  const middleY = (MARGIN.top + height - MARGIN.bottom) / 2;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" aria-hidden="true" focusable="false">
      {ticksOf(domain.satisfaction).map((v) => (
        <g key={`x${v}`}>
          <line x1={x(v)} x2={x(v)} y1={MARGIN.top} y2={height - MARGIN.bottom} stroke={GRID} strokeDasharray="3 3" />
          <text x={x(v)} y={height - MARGIN.bottom + 16} textAnchor="middle" fontSize={12} fill={INK}>
            {tick(v)}
          </text>
        </g>
      ))}
      {ticksOf(domain.importance).map((v) => (
        <g key={`y${v}`}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} stroke={GRID} strokeDasharray="3 3" />
          <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end" fontSize={12} fill={INK}>
            {tick(v)}
          </text>
        </g>
      ))}
      <rect x={MARGIN.left} y={MARGIN.top} width={width - MARGIN.left - MARGIN.right} height={height - MARGIN.top - MARGIN.bottom} fill="none" stroke="#9ca3af" />
      <line x1={x(cross.satisfaction)} x2={x(cross.satisfaction)} y1={MARGIN.top} y2={height - MARGIN.bottom} stroke={INK} strokeDasharray="6 4" />
      <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(cross.importance)} y2={y(cross.importance)} stroke={INK} strokeDasharray="6 4" />
      {data.map((d, i) => (
        <circle key={i} cx={x(d.satisfaction)} cy={y(d.importance)} r={5} fill={LINE} />
      ))}
      {tags.map((tag) => (
        <text key={tag.text} x={tag.x} y={tag.y} textAnchor={tag.anchor} fill={INK} fontSize={13} fontWeight={600}>
          {tag.text}
        </text>
      ))}
      <text x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 8} textAnchor="middle" fontSize={13} fill={INK}>
        {axes.satisfaction}
      </text>
      <text x={14} y={middleY} transform={`rotate(-90 14 ${middleY})`} textAnchor="middle" dominantBaseline="middle" fontSize={13} fill={INK}>
        {axes.importance}
      </text>
    </svg>
  );
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
      <TwoWidths summary={props.summary} draw={(width) => <Plot {...props} width={width} domain={domain} />} />
      <ol className="mt-2 grid list-decimal gap-x-8 gap-y-1 pl-8 text-sm sm:grid-cols-2">
        {props.data.map((d, i) => (
          <li key={i}>{d.label}</li>
        ))}
      </ol>
    </div>
  );
}
