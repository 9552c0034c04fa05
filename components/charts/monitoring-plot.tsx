import { GRID, INK, LINE, labelStep, linear, TwoWidths } from './svg-parts';

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

function Plot({ width, data, residents, residentsLabel, mean }: MonitoringPlotProps & { width: number }) {
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const x = (i: number) => (data.length === 1 ? MARGIN.left + plotWidth / 2 : linear([0, data.length - 1], [MARGIN.left + PAD, width - MARGIN.right - PAD])(i));
  const y = linear([1, 5], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const every = labelStep(data.map((d) => d.label), plotWidth - 2 * PAD);
  const last = data.length - 1;
  return (
    <svg viewBox={`0 0 ${width} ${HEIGHT}`} className="h-auto w-full" aria-hidden="true" focusable="false">
      {[1, 2, 3, 4, 5].map((v) => (
        <g key={v}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} stroke={GRID} strokeDasharray="3 3" />
          <text x={MARGIN.left - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill={INK}>
            {v}
          </text>
        </g>
      ))}
      {residents !== null ? (
        <g>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(residents)} y2={y(residents)} stroke={INK} strokeWidth={2} strokeDasharray="8 5" />
          {/* Under the line at its right end, where the quarters' labels (above their dots) are not. */}
          <text x={width - MARGIN.right - 4} y={y(residents) + 16} textAnchor="end" fontSize={13} fill={INK}>
            {residentsLabel}
          </text>
        </g>
      ) : null}
      {data.slice(1).map((d, i) => {
        const from = data[i]!.forum;
        return from === null || d.forum === null ? null : <line key={i} x1={x(i)} y1={y(from)} x2={x(i + 1)} y2={y(d.forum)} stroke={LINE} strokeWidth={3} />;
      })}
      {data.map((d, i) =>
        d.forum === null ? null : (
          <g key={i}>
            <circle cx={x(i)} cy={y(d.forum)} r={5} fill={LINE} />
            <text x={x(i)} y={y(d.forum) - 10} textAnchor="middle" fontSize={12} fontWeight={600} fill={INK}>
              {mean(d.forum)}
            </text>
          </g>
        ),
      )}
      {data.map((d, i) =>
        (last - i) % every === 0 ? (
          <text key={i} x={x(i)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize={12} fill={INK}>
            {d.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}

export function MonitoringPlot(props: MonitoringPlotProps) {
  return (
    <div className="w-full max-w-3xl">
      <TwoWidths summary={props.summary} draw={(width) => <Plot {...props} width={width} />} />
    </div>
  );
}
