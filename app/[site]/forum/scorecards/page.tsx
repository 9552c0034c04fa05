import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ForumForm } from '@/components/forum/forum-form';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { listCurrentScores, listMyRatings, listScoreSeries } from '@/lib/forum/scorecard-queries';
import { getSeat } from '@/lib/forum/seat';
import { quarterOf } from '@/lib/local-time';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { rateServiceAction } from '../actions';
import { parseId } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.scorecards'))('title') };
}

export default async function ScorecardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getCurrentUser();
  const seat = viewer ? await getSeat(viewer.id) : null;
  const [t, format, locale, communes, areas, scores] = await Promise.all([
    getTranslations('forum.scorecards'),
    getFormatter(),
    getLocale(),
    listActiveCommunes(),
    listServiceAreas(),
    listCurrentScores(),
  ]);
  const seriesCommuneId = parseId((await searchParams).commune) ?? seat?.communeId ?? communes[0]?.id;
  const seriesCommune = communes.find((c) => c.id === seriesCommuneId);
  const series = seriesCommune ? await listScoreSeries({ communeId: seriesCommune.id }) : [];
  const quarter = quarterOf(new Date());
  const quarterLabel = (q: number) => t('quarter', { quarter: q % 10, year: Math.floor(q / 10) });
  const mine = viewer && seat ? await listMyRatings({ actor: viewer, quarter }) : [];
  const areaName = (a: { namePl: string; nameEn: string }) => (locale === 'en' ? a.nameEn : a.namePl);
  const score = (communeId: number, areaId: number) => scores.find((s) => s.communeId === communeId && s.serviceAreaId === areaId);
  const quarters = [...new Set(series.map((s) => s.quarter))];
  const unrated = areas.filter((a) => !mine.some((m) => m.serviceAreaId === a.id));

  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('lead')} />
      <DataTable caption={t('caption')} showCaption small columns={[t('commune'), ...areas.map(areaName)]}>
        {communes.map((c) => (
          <tr key={c.id} className={rowClass}>
            <th scope="row" className="px-2 py-2 font-normal">{c.name}</th>
            {areas.map((a) => {
              const s = score(c.id, a.id);
              return (
                <td key={a.id} className="px-2 py-2">
                  {s ? t('scoreCell', { score: format.number(s.score, { maximumFractionDigits: 1 }), count: s.ratings, quarter: quarterLabel(s.quarter) }) : t('noScore')}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>

      <section aria-labelledby="rate-heading" className="space-y-3">
        <h2 id="rate-heading">{t('rateTitle', { quarter: quarterLabel(quarter) })}</h2>
        {seat ? (
          <>
            {mine.length ? (
              <ul className="list-disc pl-6">
                {mine.map((m) => (
                  <li key={m.serviceAreaId}>
                    {areaName(areas.find((a) => a.id === m.serviceAreaId)!)}: {t('alreadyRated', { score: m.score })}
                  </li>
                ))}
              </ul>
            ) : null}
            {unrated.length ? (
              <ForumForm
                form="rate"
                action={rateServiceAction}
                resetOnSuccess
                fields={[
                  { kind: 'select', name: 'serviceAreaId', label: t('area'), required: true, options: unrated.map((a) => ({ value: String(a.id), label: areaName(a) })) },
                  { kind: 'radio', name: 'score', legend: t('score'), options: ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v })) },
                  { kind: 'textarea', name: 'comment', label: t('comment'), rows: 3 },
                ]}
                defaultValues={{ serviceAreaId: String(unrated[0]!.id) }}
                submit={t('rate')}
                success={t('rated')}
              />
            ) : null}
          </>
        ) : (
          <p className="text-muted">{t('membersOnly')}</p>
        )}
      </section>

      {seriesCommune ? (
        <section aria-labelledby="series-heading" className="space-y-3">
          <h2 id="series-heading">{t('seriesTitle', { commune: seriesCommune.name })}</h2>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor="series-commune" className="block font-semibold">{t('seriesCommune')}</label>
              <select id="series-commune" name="commune" defaultValue={String(seriesCommune.id)} className="min-h-11 rounded-md border-2 border-gray-500 bg-white px-3">
                {communes.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="min-h-11 rounded-md border-2 border-brand-700 px-4 font-semibold text-brand-800">{t('show')}</button>
          </form>
          {quarters.length === 0 ? (
            <p>{t('seriesEmpty')}</p>
          ) : (
            <DataTable caption={t('seriesCaption', { commune: seriesCommune.name })} small columns={[t('area'), ...quarters.map(quarterLabel)]}>
              {areas.map((a) => (
                <tr key={a.id} className={rowClass}>
                  <th scope="row" className="px-2 py-2 font-normal">{areaName(a)}</th>
                  {quarters.map((q) => {
                    const s = series.find((x) => x.serviceAreaId === a.id && x.quarter === q);
                    return <td key={q} className="px-2 py-2">{s ? format.number(s.score, { maximumFractionDigits: 1 }) : '—'}</td>;
                  })}
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}
    </div>
  );
}
