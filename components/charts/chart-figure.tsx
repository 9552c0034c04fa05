import type { ReactNode } from 'react';
import { escapeHtml } from '@/lib/html';
import { ScrollHint } from '@/components/ui/scroll-hint';
import type { TableSpec, TableValue } from '@/lib/results/tables';
import type { ResultsText } from '@/lib/results/text';

/** A text column (quadrants, bases) gets room to read: without it a phone squeezes it to a word a line. */
const LONG_TEXT = 24;

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
  // Styled once by `.results-table` (app/globals.css): padding, borders, the first column held at
  // the left edge while the rest scrolls on a phone, a text column given room to read.
  let html = `<table class="results-table"><caption>${e(table.caption)}</caption><thead><tr>`;
  table.headers.forEach((h, c) => (html += `<th scope="col"${long(c) ? ' class="long"' : ''}>${e(h)}</th>`));
  html += '</tr></thead><tbody>';
  for (const row of table.rows) {
    html += '<tr>';
    row.forEach((v, c) => {
      if (c === 0) html += `<th scope="row">${e(text.show(v))}</th>`;
      else if (v === null && marked(c)) {
        anyMarked = true;
        html += `<td class="none">${e(text.t('hidden'))}<sup aria-hidden="true">*</sup></td>`;
      } else {
        const className = v === null ? 'none' : cellClass?.(v);
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
