import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ChartFigure } from '@/components/charts/chart-figure';
import { MonitoringPlot } from '@/components/charts/monitoring-plot';
import { ResultsNotes } from '@/components/results/notes';
import { ResultsNav } from '@/components/results/results-nav';
import { ScopeForm } from '@/components/results/scope-form';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { TIME_ZONE } from '@/lib/i18n/locales';
import { getForumMonitoring } from '@/lib/results/monitoring';
import { canSeeAllResults } from '@/lib/results/permissions';
import { listCommunesOf } from '@/lib/results/queries';
import { areaScopeSchema } from '@/lib/results/schema';
import { forumTable, pick, quarterLabel } from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';
import { loadView, query, type SearchParams } from '../../load';
import { pageSite, searchOf, viewerOf, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('results.nav'))('forum') };
}

/** Forum monitoring: the forum's quarterly scorecards of an area beside the residents' survey mean. */
export default async function ForumMonitoringPage({ params, searchParams }: { params: Promise<{ site: string; slug: string }>; searchParams: SearchParams }) {
  const site = await pageSite(params);
  const [{ slug }, sp] = await Promise.all([params, searchOf(site, searchParams)]);
  const { commune: communeId, area: areaKey } = areaScopeSchema.parse(sp);
  const user = await viewerOf(site);
  const [data, t, locale, format, text] = await Promise.all([
    loadView(getForumMonitoring({ actor: user, slug, communeId, areaKey })),
    getTranslations('results'),
    getLocale(),
    getFormatter(),
    getResultsText(),
  ]);
  const communes = await listCommunesOf(data.survey);
  const scope = data.commune?.name ?? t('county');
  const areaTitle = pick(data.area?.title, locale);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'long', timeZone: TIME_ZONE });
  const residents = data.residents;
  const rated = data.quarters.some((q) => q.forum !== null);
  return (
    <div>
      <PageHeader title={t('forum.title', { scope, area: areaTitle })} lead={t('forum.lead')} />
      <ResultsNav slug={slug} current="forum" staff={canSeeAllResults(user)} text={text} />
      <ScopeForm text={text} action={`/results/${slug}/forum`} communes={communes} communeId={communeId}>
        <SelectField name="area" label={t('area')} defaultValue={data.area?.key ?? ''} options={data.areas.map((a) => ({ value: a.key, label: pick(a.title, locale) }))} />
      </ScopeForm>
      {data.area === null ? (
        <p>{t('forum.noAreas')}</p>
      ) : (
        <div className="space-y-4">
          <div className="max-w-3xl space-y-2">
            <p>{t('forum.scale')}</p>
            {residents.fieldwork ? (
              <p>{t('forum.residentsNote', { from: day(residents.fieldwork.first), to: day(residents.fieldwork.last) })}</p>
            ) : (
              <p>{t('forum.noFieldwork')}</p>
            )}
            {residents.fieldwork && residents.mean === null ? <p className="font-semibold">{t('forum.residentsSuppressed', { k: data.k })}</p> : null}
            <p>{data.forumRates ? (rated ? t('forum.forumNote', { k: data.k }) : t('forum.noForum')) : t('forum.notRated')}</p>
            {data.commune === null ? <p>{t('forum.countyNote')}</p> : null}
          </div>
          <ChartFigure
            id="monitoring"
            title={t('forum.chartTitle')}
            text={text}
            table={forumTable(data, text.t, locale)}
            open
            csvHref={`/results/${slug}/csv${query({ view: 'forum', commune: communeId, area: data.area.key })}`}
            csvName={t('csvNames.forum')}
            chart={
              <div className="space-y-2">
                <MonitoringPlot
                  summary={t('forum.chart')}
                  residents={residents.mean}
                  residentsLabel={residents.mean === null ? '' : t('forum.residentsLine', { mean: text.show(residents.mean, 'mean') })}
                  mean={(v) => text.show(v, 'mean')}
                  data={data.quarters.map((q) => ({ label: quarterLabel(q.quarter, text.t), forum: q.forum }))}
                />
                <ul className="text-sm text-muted">
                  <li>{t('forum.legendForum')}</li>
                  {residents.mean !== null ? <li>{t('forum.legendResidents')}</li> : null}
                </ul>
              </div>
            }
          />
        </div>
      )}
      <ResultsNotes k={data.k} text={text} />
    </div>
  );
}
