import type { ReactNode } from 'react';
import type { TableSpec, TableValue } from '@/lib/results/tables';
import type { ResultsText } from '@/lib/results/text';

function classOf(v: TableValue, cellClass?: (v: TableValue) => string | undefined): { className?: string } {
  const className = v === null ? 'text-muted italic' : cellClass?.(v);
  return className ? { className } : {};
}

/** A data table rendered on the server from the same spec as the CSV. */
export function ResultsTable({ table, text, cellClass }: { table: TableSpec; text: ResultsText; cellClass?: (v: TableValue) => string | undefined }) {
  return (
    // Focusable, so a table wider than the screen can be scrolled by keyboard. The cells' padding
    // is set once on the table rather than on each cell (it would be repeated in the page's HTML
    // and payload a hundred times over).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={table.caption}>
      <table className="w-full border-collapse text-left [&_td]:px-2 [&_td]:py-2 [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-2 [&_tbody_tr]:border-b [&_tbody_tr]:border-gray-200 [&_tbody_tr]:align-top">
        <caption className="sr-only">{table.caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            {table.headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className="font-semibold">
                    {text.show(v)}
                  </th>
                ) : (
                  // No className at all rather than an undefined one, which the page's payload
                  // would still carry ("$undefined") for every plain cell.
                  <td key={c} {...classOf(v, cellClass)}>
                    {text.show(v)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
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
