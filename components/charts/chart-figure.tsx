import type { ReactNode } from 'react';
import { escapeHtml } from '@/lib/html';
import { ScrollHint } from '@/components/ui/scroll-hint';
import type { TableSpec, TableValue } from '@/lib/results/tables';
import type { ResultsText } from '@/lib/results/text';

/** A text column (quadrants, bases) gets room to read: without it a phone squeezes it to a word a line. */
const LONG_TEXT = 24;

// The cells' padding is set once on the table rather than on each cell (it would be repeated in
// the page a hundred times over); a little narrower on a phone, where a three-column table
// otherwise cut its last figures by a few pixels. The first column stays at the left edge while
// the rest scrolls.
const TABLE_CLASS =
  'w-full border-collapse text-left [&_td]:px-1.5 [&_td]:py-2 [&_td]:tabular-nums [&_th]:px-1.5 [&_th]:py-2 sm:[&_td]:px-2 sm:[&_th]:px-2 [&_tbody_tr]:border-b [&_tbody_tr]:border-gray-200 [&_tbody_tr]:align-top [&_tr>:first-child]:sticky [&_tr>:first-child]:left-0 [&_tr>:first-child]:bg-white [&_tr>:first-child]:shadow-[1px_0_0_#d1d5db]';

/**
 * The table as one HTML string, for the reason given in components/charts/bar-list.tsx (a
 * dashboard's tables as React elements cost a fifth of a signed-in page's server time). Every
 * text in it is escaped. Each number is formatted by what its column measures; a hidden figure
 * reads "fewer than 5" only in a column of counts — in a mean or a percentage that would read as
 * a value, so it is marked there (and explained under the table).
 */
function tableHtml(table: TableSpec, text: ResultsText, cellClass?: (v: TableValue) => string | undefined): { html: string; anyMarked: boolean } {
  const e = escapeHtml;
  const measure = (c: number) => table.measures?.[c];
  const marked = (c: number) => c > 0 && table.measures !== undefined && measure(c) !== 'count';
  const long = (c: number) => c > 0 && table.rows.some((row) => typeof row[c] === 'string' && (row[c] as string).length > LONG_TEXT);
  let anyMarked = false;
  let html = `<table class="${TABLE_CLASS}"><caption class="sr-only">${e(table.caption)}</caption><thead><tr class="border-b-2 border-gray-400">`;
  table.headers.forEach((h, c) => (html += `<th scope="col"${long(c) ? ' class="min-w-48"' : ''}>${e(h)}</th>`));
  html += '</tr></thead><tbody>';
  for (const row of table.rows) {
    html += '<tr>';
    row.forEach((v, c) => {
      if (c === 0) html += `<th scope="row" class="min-w-28 font-semibold">${e(text.show(v))}</th>`;
      else if (v === null && marked(c)) {
        anyMarked = true;
        html += `<td class="text-muted italic">${e(text.t('hidden'))}<sup aria-hidden="true">*</sup></td>`;
      } else {
        const className = v === null ? 'text-muted italic' : cellClass?.(v);
        html += `<td${className ? ` class="${e(className)}"` : ''}>${e(text.show(v, measure(c)))}</td>`;
      }
    });
    html += '</tr>';
  }
  return { html: `${html}</tbody></table>`, anyMarked };
}

/**
 * A data table rendered on the server from the same spec as the CSV. On a narrow screen it
 * scrolls sideways inside its own region (focusable, named by the caption, so it scrolls by
 * keyboard too) with the row headers held at the left edge, never widening the page.
 */
export function ResultsTable({ table, text, cellClass }: { table: TableSpec; text: ResultsText; cellClass?: (v: TableValue) => string | undefined }) {
  const { html, anyMarked } = tableHtml(table, text, cellClass);
  return (
    <div>
      {/* A table wider than the screen says it scrolls (measured in the browser). */}
      <ScrollHint text={text.t('scrollHint')} />
      <div
        className="relative overflow-x-auto focus-visible:outline-offset-0"
        tabIndex={0}
        role="region"
        aria-label={table.caption}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {anyMarked ? <p className="mt-1 text-sm text-muted">* {text.t('hiddenNote', { fewer: text.show(null) })}</p> : null}
    </div>
  );
}

/**
 * A chart with its accessible alternative: the data table folded under it (rendered on the
 * server, in the page) and a CSV of exactly those numbers.
 */
export function ChartFigure({
  id,
  title,
  lead,
  chart,
  table,
  csvHref,
  csvName,
  text,
  open = false,
  level = 2,
}: {
  id: string;
  title: string;
  lead?: string;
  chart: ReactNode;
  table: TableSpec;
  csvHref: string;
  csvName: string;
  text: ResultsText;
  open?: boolean;
  level?: 2 | 3;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3 break-inside-avoid">
      {level === 2 ? <h2 id={id}>{title}</h2> : <h3 id={id}>{title}</h3>}
      {lead ? <p className="max-w-3xl text-muted">{lead}</p> : null}
      {chart}
      <details open={open} className="rounded-md border border-gray-300 p-2">
        <summary className="cursor-pointer font-semibold">{text.t('dataTable')}</summary>
        <ResultsTable table={table} text={text} />
      </details>
      <p className="print:hidden">
        <a href={csvHref} download>
          {text.t('csv', { name: csvName })}
        </a>
      </p>
    </section>
  );
}
