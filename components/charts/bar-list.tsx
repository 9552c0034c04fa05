import { escapeHtml } from '@/lib/html';

// A horizontal bar chart drawn on the server in HTML: each bar's label sits above it as ordinary
// text, wrapping as long as it needs (never drawn over a neighbour, at any width), its value at
// its end. No JavaScript: the dashboards that show only bars ship no chart code at all.
//
// The bars are written as one HTML string, not as React elements: they never change in the
// browser, and the App Router sends every server element twice (in the HTML and, to hydrate it,
// in the page's payload), so a dashboard's dozen charts and tables as elements were a fifth of a
// signed-in page's server time (docs/benchmarks.md, issue 17). As a string React passes them on
// untouched. Every text in them is escaped.

export interface BarDatum {
  label: string;
  value: number | null;
}

/**
 * The bar's width: its share of the largest value (or of 5), of the row less room for the figure
 * at its end — on a phone a seven-digit count at the end of the longest bar used to run off the
 * screen. A value too small to see still gets a sliver.
 */
const width = (value: number, max: number) => `calc((100% - 6rem) * ${max > 0 ? Math.max(0.005, value / max).toFixed(4) : 0.005})`;

function barsHtml(data: BarDatum[], max: number, show: (v: number | null) => string): string {
  let html = '<ul class="space-y-2 text-sm">';
  for (const d of data) {
    html += `<li class="grid gap-x-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:items-center"><span class="break-words">${escapeHtml(d.label)}</span><span class="flex min-w-0 items-center gap-2">`;
    html +=
      d.value === null
        ? `<span class="italic text-muted">${escapeHtml(show(null))}</span>`
        : `<span class="h-5 shrink-0 rounded-r bg-blue-700" style="width:${width(d.value, max)}"></span><span class="shrink-0 font-semibold tabular-nums">${escapeHtml(show(d.value))}</span>`;
    html += '</span></li>';
  }
  return `${html}</ul>`;
}

/**
 * Bars from 0; `scale` (the 1–5 means) draws them against 5 rather than against the largest
 * value. A suppressed value (null) is no bar but its words (`show(null)`), never a bar of 0.
 * The numbers are in the data table beside every chart; this is a picture of them.
 */
export function BarList({ data, summary, scale = false, show }: { data: BarDatum[]; summary: string; scale?: boolean; show: (v: number | null) => string }) {
  const max = scale ? 5 : Math.max(0, ...data.map((d) => d.value ?? 0));
  return <div role="img" aria-label={summary} className="max-w-3xl" dangerouslySetInnerHTML={{ __html: barsHtml(data, max, show) }} />;
}
