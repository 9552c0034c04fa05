import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChartFigure, ResultsTable } from '@/components/charts/chart-figure';
import { BarList } from '@/components/charts/bar-list';
import { ResultsNotes } from '@/components/results/notes';
import { ResultsNav } from '@/components/results/results-nav';
import { WeeklyFigure } from '@/components/results/weekly-figure';
import { PageHeader } from '@/components/ui/page-header';
import { canSeeAllResults } from '@/lib/results/permissions';
import { getOverview } from '@/lib/results/queries';
import { heatTable, pick, responsesTable, type TableValue } from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';
import { dayKey } from '@/lib/local-time';
import { loadView } from '../load';
import { pageSite, viewerOf, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('results.nav'))('overview') };
}

/** Background of a heat-map cell; the number is always printed in it too. */
function heatClass(v: TableValue) {
  if (typeof v !== 'number') return undefined;
  if (v < 2.5) return 'bg-red-200';
  if (v < 3) return 'bg-orange-100';
  if (v < 3.5) return 'bg-yellow-100';
  if (v < 4) return 'bg-lime-100';
  return 'bg-green-200';
}

export default async function OverviewPage({ params }: { params: Promise<{ site: string; slug: string }> }) {
  const site = await pageSite(params);
  const { slug } = await params;
  const user = await viewerOf(site);
  const [data, t, locale, text] = await Promise.all([loadView(getOverview({ actor: user, slug })), getTranslations('results'), getLocale(), getResultsText()]);
  const title = pick({ pl: data.survey.titlePl, en: data.survey.titleEn }, locale);
  const responses = responsesTable(data, text.t);
  const heat = heatTable(data, text.t, locale);
  const csv = (view: string) => `/results/${slug}/csv?view=${view}`;
  return (
    <div>
      <PageHeader title={t('overview.title', { survey: title })} />
      <ResultsNav slug={slug} current="overview" staff={canSeeAllResults(user)} text={text} />
      <div className="space-y-10">
        <ChartFigure
          id="responses"
          title={t('overview.responses')}
          lead={t('overview.responsesLead')}
          text={text}
          table={responses}
          csvHref={csv('responses')}
          csvName={t('csvNames.responses')}
          chart={<BarList summary={t('overview.responses')} show={(v) => text.show(v, 'count')} data={data.communes.map((c) => ({ label: c.name, value: c.total }))} />}
        />
        <section aria-labelledby="heat" className="space-y-3">
          <h2 id="heat">{t('overview.heat')}</h2>
          <p className="max-w-3xl text-muted">{t('overview.heatLead')}</p>
          <ResultsTable table={heat} text={text} cellClass={heatClass} />
          <p className="text-sm">{t('overview.legend')}</p>
          <p>
            <a href={csv('heat')} download>
              {t('csv', { name: t('csvNames.heat') })}
            </a>
          </p>
        </section>
        {/* Today in Warsaw: whether the last week has ended (the page is kept 30 s at most). */}
        <WeeklyFigure data={data} today={dayKey(new Date())} text={text} csvHref={csv('timeline')} />
      </div>
      <ResultsNotes k={data.k} text={text} />
    </div>
  );
}
