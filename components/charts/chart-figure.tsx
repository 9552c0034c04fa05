import type { ReactNode } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { TableSpec, TableValue } from '@/lib/results/tables';

/** A number of a results table: formatted, or the suppression words. */
export async function formatValue(v: TableValue, k: number) {
  const [t, format] = await Promise.all([getTranslations('results'), getFormatter()]);
  if (v === null) return t('fewer', { k });
  return typeof v === 'number' ? format.number(v, { maximumFractionDigits: 2 }) : v;
}

/** A data table rendered on the server from the same spec as the CSV. */
export async function ResultsTable({ table, k, cellClass }: { table: TableSpec; k: number; cellClass?: (row: number, col: number, v: TableValue) => string }) {
  const [t, format] = await Promise.all([getTranslations('results'), getFormatter()]);
  const show = (v: TableValue) => (v === null ? t('fewer', { k }) : typeof v === 'number' ? format.number(v, { maximumFractionDigits: 2 }) : v);
  return (
    // Focusable, so a table wider than the screen can be scrolled by keyboard.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={table.caption}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{table.caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            {table.headers.map((h, i) => (
              <th key={i} scope="col" className="px-2 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-gray-200 align-top">
              {row.map((v, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className="px-2 py-2 font-semibold">
                    {show(v)}
                  </th>
                ) : (
                  <td key={c} className={`px-2 py-2 tabular-nums ${cellClass?.(r, c, v) ?? ''} ${v === null ? 'text-muted italic' : ''}`}>
                    {show(v)}
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
export async function ChartFigure({
  id,
  title,
  lead,
  chart,
  table,
  csvHref,
  csvName,
  k,
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
  k: number;
  open?: boolean;
  level?: 2 | 3;
}) {
  const t = await getTranslations('results');
  void (await getLocale());
  return (
    <section aria-labelledby={id} className="space-y-3 break-inside-avoid">
      {level === 2 ? <h2 id={id}>{title}</h2> : <h3 id={id}>{title}</h3>}
      {lead ? <p className="max-w-3xl text-muted">{lead}</p> : null}
      {chart}
      <details open={open} className="rounded-md border border-gray-300 p-2">
        <summary className="cursor-pointer font-semibold">{t('dataTable')}</summary>
        <ResultsTable table={table} k={k} />
      </details>
      <p className="print:hidden">
        <a href={csvHref} download>
          {t('csv', { name: csvName })}
        </a>
      </p>
    </section>
  );
}
