// A horizontal bar chart drawn on the server in HTML: each bar's label sits above it as ordinary
// text, wrapping as long as it needs (never drawn over a neighbour, at any width), its value at
// its end. No JavaScript: the dashboards that show only bars ship no chart code at all.

export interface BarDatum {
  label: string;
  value: number | null;
}

/**
 * Bars from 0; `scale` (the 1–5 means) draws them against 5 rather than against the largest
 * value. A suppressed value (null) is no bar but its words (`show(null)`), never a bar of 0.
 * The numbers are in the data table beside every chart; this is a picture of them.
 */
export function BarList({ data, summary, scale = false, show }: { data: BarDatum[]; summary: string; scale?: boolean; show: (v: number | null) => string }) {
  const max = scale ? 5 : Math.max(0, ...data.map((d) => d.value ?? 0));
  return (
    <div role="img" aria-label={summary} className="max-w-3xl">
      <ul className="space-y-2 text-sm">
        {data.map((d, i) => (
          <li key={i} className="grid gap-x-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:items-center">
            <span className="break-words">{d.label}</span>
            <span className="flex min-w-0 items-center gap-2">
              {d.value === null ? (
                <span className="italic text-muted">{show(null)}</span>
              ) : (
                <>
                  <span className="h-5 shrink-0 rounded-r bg-blue-700" style={{ width: `${max > 0 ? Math.max(0.5, (d.value / max) * 85) : 0.5}%` }} />
                  <span className="shrink-0 font-semibold tabular-nums">{show(d.value)}</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
