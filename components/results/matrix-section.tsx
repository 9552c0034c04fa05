import { ChartFigure } from '@/components/charts/chart-figure';
import { MatrixChart } from '@/components/charts/charts';
import { QUADRANTS } from '@/lib/results/compute';
import type { getMatrix } from '@/lib/results/queries';
import { matrixTable, pick } from '@/lib/results/tables';

const query = (values: Record<string, string | number | null>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== '') q.set(k, String(v));
  return `?${q.toString()}`;
};

/** The matrix, its quadrants in words and its data table; also used by the commune report. */
export async function MatrixSection({
  data,
  slug,
  communeId,
  locale,
  t,
  open = true,
}: {
  data: Awaited<ReturnType<typeof getMatrix>>;
  slug: string;
  communeId: number | null;
  locale: string;
  t: (key: string, values?: Record<string, string | number>) => string;
  open?: boolean;
}) {
  const plotted = data.points.filter((p) => p.importance !== null && p.satisfaction !== null);
  return (
    <div className="space-y-6">
      <ChartFigure
        id="matrix"
        title={t('nav.matrix')}
        lead={t('matrix.lead', { importance: data.cross.importance, satisfaction: data.cross.satisfaction })}
        k={data.k}
        table={matrixTable(data, t, locale)}
        open={open}
        csvHref={`/results/${slug}/csv${query({ view: 'matrix', commune: communeId })}`}
        csvName={t('csvNames.matrix')}
        chart={
          <MatrixChart
            summary={t('matrix.chart')}
            cross={data.cross}
            axes={{ importance: t('matrix.importance'), satisfaction: t('matrix.satisfaction') }}
            data={plotted.map((p) => ({ label: pick(p.title, locale), importance: p.importance!, satisfaction: p.satisfaction! }))}
          />
        }
      />
      <ul className="grid gap-3 sm:grid-cols-2">
        {QUADRANTS.map((q) => (
          <li key={q} className="break-inside-avoid rounded-md border-2 border-gray-300 p-3">
            <h3 className="text-base">{t(`matrix.quadrants.${q}`)}</h3>
            <p>{plotted.filter((p) => p.quadrant === q).map((p) => pick(p.title, locale)).join(', ') || '—'}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
