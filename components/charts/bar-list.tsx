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
 * The bar's share of the largest value (or of 5); `.bar-list .bar` (app/globals.css) makes it a
 * width, leaving room for the figure at its end — on a phone a seven-digit count at the end of
 * the longest bar used to run off the screen. A value too small to see still gets a sliver.
 */
const share = (value: number, max: number) => (max > 0 ? Math.max(0.005, value / max) : 0.005).toFixed(4);

/** Each bar a label, then the bar and its figure (bold), or a hidden value's words (italic). */
function barsHtml(data: BarDatum[], max: number, show: (v: number | null) => string): string {
  let html = '<ul class="bar-list">';
  for (const d of data) {
    html += `<li><span>${escapeHtml(d.label)}</span><span>`;
    html += d.value === null ? `<i>${escapeHtml(show(null))}</i>` : `<span class="bar" style="--share:${share(d.value, max)}"></span><b>${escapeHtml(show(d.value))}</b>`;
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
