import { ChartFigure } from '@/components/charts/chart-figure';
import { MatrixPlot } from '@/components/charts/matrix-plot';
import { numberFormat } from '@/lib/i18n/number-format';
import { QUADRANTS } from '@/lib/results/compute';
import type { getMatrix, getServiceMatrix } from '@/lib/results/queries';
import { matrixTable, pick, serviceMatrixTable } from '@/lib/results/tables';
import type { ResultsText } from '@/lib/results/text';

const query = (values: Record<string, string | number | null>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== '') q.set(k, String(v));
  return `?${q.toString()}`;
};

/** An axis range around some values: whole tenths, at least 0.3 wide, within 1–5. */
function zoom(values: number[]): [number, number] {
  let low = Math.floor((Math.min(...values) - 0.05) * 10) / 10;
  let high = Math.ceil((Math.max(...values) + 0.05) * 10) / 10;
  if (high - low < 0.3) {
    low = Math.round(((low + high) / 2 - 0.15) * 10) / 10;
    high = Math.round((low + 0.3) * 10) / 10;
  }
  return [Math.max(1, low), Math.min(5, high)];
}

type AreaMatrix = Awaited<ReturnType<typeof getMatrix>>;
type ServiceMatrix = Awaited<ReturnType<typeof getServiceMatrix>>;

/**
 * The matrix (of the areas, or of the services of one area), its quadrants in words and its data
 * table; also used by the commune report. For services it says where their importance comes from.
 */
export function MatrixSection({
  data,
  slug,
  communeId,
  locale,
  text,
  open = true,
}: {
  data: AreaMatrix | ServiceMatrix;
  slug: string;
  communeId: number | null;
  locale: string;
  text: ResultsText;
  open?: boolean;
}) {
  const { t } = text;
  const services = 'area' in data ? data : null;
  const plotted = data.points.filter((p) => p.importance !== null && p.satisfaction !== null);
  const areaTitle = services ? pick(services.area.title, locale) : '';
  const basis = services
    ? services.importanceBasis === 'question'
      ? t('matrix.asked')
      : services.importanceBasis === 'need'
        ? t('matrix.proxy', { question: pick(services.needQuestion?.label, locale) })
        : t('matrix.noImportance')
    : null;
  // Means of 1–5 ratings lie close together: on the whole scale the points would crowd one spot.
  const domain = plotted.length > 0 ? { importance: zoom(plotted.map((p) => p.importance!)), satisfaction: zoom(plotted.map((p) => p.satisfaction!)) } : undefined;
  return (
    <div className="space-y-6">
      {basis ? <p className="max-w-3xl rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">{basis}</p> : null}
      <ChartFigure
        id="matrix"
        title={services ? t('matrix.servicesOf', { area: areaTitle }) : t('nav.matrix')}
        lead={`${t(services ? 'matrix.leadServices' : 'matrix.lead', { importance: text.show(data.cross.importance, 'mean'), satisfaction: text.show(data.cross.satisfaction, 'mean') })}${domain ? ` ${t('matrix.zoomed')}` : ''}`}
        text={text}
        table={services ? serviceMatrixTable(services, t, locale) : matrixTable(data, t, locale)}
        open={open}
        csvHref={`/results/${slug}/csv${query({ view: 'matrix', commune: communeId, area: services?.area.key ?? null })}`}
        csvName={t(services ? 'csvNames.serviceMatrix' : 'csvNames.matrix')}
        chart={
          <MatrixPlot
            tick={(v) => numberFormat(locale).format(v)}
            summary={services ? t('matrix.chartServices', { area: areaTitle }) : t('matrix.chart')}
            cross={data.cross}
            domain={domain}
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
