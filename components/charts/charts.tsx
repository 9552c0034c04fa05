'use client';

import { useSyncExternalStore, type ReactElement } from 'react';
import { useLocale } from 'next-intl';
import { measureFormat, numberFormat } from '@/lib/i18n/number-format';
import { placePointTags } from './point-tags';
import { CartesianGrid, Label, LabelList, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, useXAxisScale, useYAxisScale, XAxis, YAxis } from 'recharts';

// Recharts 3 wrappers. The SVG is a picture (role="img" with a summary); the numbers a screen
// reader or a keyboard user needs are in the server-rendered data table beside every chart, so the
// charts themselves take no focus (accessibilityLayer off).

const INK = '#1f2937';
const LINE = '#1d4ed8';

const noSubscription = () => () => {};

/**
 * The chart's box, with the chart in it once in the browser. Recharts sizes a chart by measuring
 * its container, which only a browser can do: on the server it rendered an empty box of the
 * chart's height all the same, after building each chart's store and component tree (about a
 * tenth of the priorities page's server time, seven charts). The server now renders just the box
 * (the same height, so nothing moves when the chart appears after hydration).
 */
function ChartBox({ height, children }: { height: number; children: ReactElement }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  return inBrowser ? (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  ) : (
    <div style={{ width: '100%', height }} />
  );
}

/** Numbers on axes as in the page's language (3,5 in Polish). */
function useNumberFormat(): (value: unknown) => string {
  const format = numberFormat(useLocale());
  return (value) => (typeof value === 'number' ? format.format(value) : String(value ?? ''));
}

/** Means beside their points as the tables print them: always two decimals (2,50, not 2,5). */
function useMeanFormat(): (value: unknown) => string {
  const format = measureFormat(useLocale(), 'mean');
  return (value) => (typeof value === 'number' ? format.format(value) : String(value ?? ''));
}

/** Round ticks across an axis range: tenths for a zoomed axis, whole points for the 1–5 scale. */
function ticksOf([low, high]: [number, number]): number[] {
  const span = high - low;
  const step = span <= 0.6 ? 0.1 : span <= 1.5 ? 0.25 : span <= 2.5 ? 0.5 : 1;
  const out: number[] = [];
  // On multiples of the step (2,75 · 3 · 3,25), not counted from the axis's low end (2,7 · 2,95).
  for (let i = Math.ceil(low / step - 1e-9); i * step <= high + 1e-9; i++) out.push(Math.round(i * step * 100) / 100);
  return out;
}

export interface MatrixDatum {
  label: string;
  importance: number;
  satisfaction: number;
}

/** The points' numbers, laid out in pixels once the axes are scaled (see point-tags.ts). */
function PointTags({ data }: { data: MatrixDatum[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const tags = placePointTags(data.map((d, i) => ({ n: i + 1, x: x(d.satisfaction) ?? 0, y: y(d.importance) ?? 0 })));
  return (
    <g>
      {tags.map((tag) => (
        <text key={tag.text} x={tag.x} y={tag.y} textAnchor={tag.anchor} fill={INK} fontSize={13} fontWeight={600}>
          {tag.text}
        </text>
      ))}
    </g>
  );
}

export function MatrixChart({
  data,
  cross,
  summary,
  axes,
  domain = { importance: [1, 5], satisfaction: [1, 5] },
}: {
  data: MatrixDatum[];
  cross: { importance: number; satisfaction: number };
  summary: string;
  axes: { importance: string; satisfaction: string };
  /** Axes zoomed to the values shown (means lie close together); the whole 1–5 scale by default. */
  domain?: { importance: [number, number]; satisfaction: [number, number] };
}) {
  const number = useNumberFormat();
  return (
    <div className="w-full">
      <div role="img" aria-label={summary}>
        <ChartBox height={400}>
          <ScatterChart margin={{ left: 16, right: 32, top: 24, bottom: 32 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="satisfaction" domain={domain.satisfaction} ticks={ticksOf(domain.satisfaction)} tickFormatter={number} tick={{ fill: INK }}>
              <Label value={axes.satisfaction} position="bottom" fill={INK} />
            </XAxis>
            <YAxis type="number" dataKey="importance" domain={domain.importance} ticks={ticksOf(domain.importance)} tickFormatter={number} tick={{ fill: INK }}>
              {/* Centred on the axis: anchored at its start, the turned title runs off the top. */}
              <Label value={axes.importance} angle={-90} position="insideLeft" fill={INK} style={{ textAnchor: 'middle' }} />
            </YAxis>
            <ReferenceLine x={cross.satisfaction} stroke={INK} strokeDasharray="6 4" />
            <ReferenceLine y={cross.importance} stroke={INK} strokeDasharray="6 4" />
            <Scatter data={data} fill={LINE} isAnimationActive={false} />
            <PointTags data={data} />
          </ScatterChart>
        </ChartBox>
      </div>
      <ol className="mt-2 grid list-decimal gap-x-8 gap-y-1 pl-8 text-sm sm:grid-cols-2">
        {data.map((d, i) => (
          <li key={i}>{d.label}</li>
        ))}
      </ol>
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
  const mean = useMeanFormat();
  return (
    <div role="img" aria-label={summary} className="w-full">
      <ChartBox height={300}>
        <LineChart data={data} margin={{ left: 0, right: 16, top: 24, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: INK, fontSize: 12 }} padding={{ left: 40, right: 40 }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fill: INK }} width={32} />
          {residents !== null ? (
            <ReferenceLine y={residents} stroke={INK} strokeWidth={2} strokeDasharray="8 5">
              {/* Inside the plot, under the line's right end: beside it, it needed a margin a phone lacks. */}
              <Label value={residentsLabel} position="insideBottomRight" fill={INK} fontSize={13} />
            </ReferenceLine>
          ) : null}
          <Line type="linear" dataKey="forum" name={forumLabel} stroke={LINE} strokeWidth={3} dot={{ r: 5 }} isAnimationActive={false}>
            <LabelList dataKey="forum" position="top" fill={INK} formatter={mean} />
          </Line>
        </LineChart>
      </ChartBox>
    </div>
  );
}
