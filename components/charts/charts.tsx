'use client';

import { Bar, BarChart, CartesianGrid, Label, LabelList, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';

// Recharts 3 wrappers. The SVG is a picture (role="img" with a summary); the numbers a screen
// reader or a keyboard user needs are in the server-rendered data table beside every chart, so the
// charts themselves take no focus (accessibilityLayer off).

const INK = '#1f2937';
const BAR = '#1d4ed8';

export interface BarDatum {
  label: string;
  value: number | null;
}

export function HorizontalBarChart({ data, summary, max }: { data: BarDatum[]; summary: string; max?: number }) {
  const height = Math.max(160, data.length * 36 + 40);
  return (
    <div role="img" aria-label={summary} className="w-full">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data.map((d) => ({ ...d, value: d.value ?? 0 }))} layout="vertical" margin={{ left: 8, right: 48, top: 8, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, max ?? 'auto']} tick={{ fill: INK }} />
          <YAxis type="category" dataKey="label" width={180} tick={{ fill: INK, fontSize: 13 }} />
          <Bar dataKey="value" fill={BAR} isAnimationActive={false}>
            <LabelList dataKey="value" position="right" fill={INK} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function TimelineChart({ data, summary }: { data: BarDatum[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} className="w-full">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data.map((d) => ({ ...d, value: d.value ?? 0 }))} margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: INK, fontSize: 12 }} />
          <YAxis tick={{ fill: INK }} />
          <Line type="monotone" dataKey="value" stroke={BAR} strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Round ticks across an axis range: tenths for a zoomed axis, whole points for the 1–5 scale. */
function ticksOf([low, high]: [number, number]): number[] {
  const span = high - low;
  const step = span <= 0.6 ? 0.1 : span <= 1.5 ? 0.25 : span <= 2.5 ? 0.5 : 1;
  const out: number[] = [];
  for (let v = low; v <= high + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}

export interface MatrixDatum {
  label: string;
  importance: number;
  satisfaction: number;
}

export function MatrixChart({
  data,
  cross,
  summary,
  axes,
  domain,
}: {
  data: MatrixDatum[];
  cross: { importance: number; satisfaction: number };
  summary: string;
  axes: { importance: string; satisfaction: string };
  /** Zoomed axes (the services of an area lie close together); the whole 1–5 scale by default. */
  domain?: { importance: [number, number]; satisfaction: [number, number] };
}) {
  return (
    <div role="img" aria-label={summary} className="w-full">
      <ResponsiveContainer width="100%" height={380}>
        <ScatterChart margin={{ left: 16, right: 32, top: 16, bottom: 32 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="satisfaction" domain={domain?.satisfaction ?? [1, 5]} ticks={ticksOf(domain?.satisfaction ?? [1, 5])} tick={{ fill: INK }}>
            <Label value={axes.satisfaction} position="bottom" fill={INK} />
          </XAxis>
          <YAxis type="number" dataKey="importance" domain={domain?.importance ?? [1, 5]} ticks={ticksOf(domain?.importance ?? [1, 5])} tick={{ fill: INK }}>
            <Label value={axes.importance} angle={-90} position="insideLeft" fill={INK} />
          </YAxis>
          <ReferenceLine x={cross.satisfaction} stroke={INK} strokeDasharray="6 4" />
          <ReferenceLine y={cross.importance} stroke={INK} strokeDasharray="6 4" />
          <Scatter data={data} fill={BAR} isAnimationActive={false}>
            <LabelList dataKey="label" position="top" fill={INK} fontSize={12} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface MonitoringDatum {
  label: string;
  forum: number | null;
}

/**
 * The forum's mean rating per quarter (a solid line with dots and their values) against the
 * residents' one survey mean (a dashed line with its value in words), both on the 1–5 axis.
 */
export function MonitoringChart({ data, residents, summary, residentsLabel, forumLabel }: { data: MonitoringDatum[]; residents: number | null; summary: string; residentsLabel: string; forumLabel: string }) {
  return (
    <div role="img" aria-label={summary} className="w-full">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ left: 8, right: 130, top: 24, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: INK, fontSize: 12 }} padding={{ left: 40, right: 40 }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fill: INK }} />
          {residents !== null ? (
            <ReferenceLine y={residents} stroke={INK} strokeWidth={2} strokeDasharray="8 5">
              <Label value={residentsLabel} position="right" fill={INK} fontSize={13} />
            </ReferenceLine>
          ) : null}
          <Line type="linear" dataKey="forum" name={forumLabel} stroke={BAR} strokeWidth={3} dot={{ r: 5 }} isAnimationActive={false}>
            <LabelList dataKey="forum" position="top" fill={INK} />
          </Line>
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
