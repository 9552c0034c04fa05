import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChartFigure } from '@/components/charts/chart-figure';
import { BarList } from '@/components/charts/bar-list';
import { ResultsNotes } from '@/components/results/notes';
import { ResultsNav } from '@/components/results/results-nav';
import { ScopeForm } from '@/components/results/scope-form';
import { PageHeader } from '@/components/ui/page-header';
import { canSeeAllResults } from '@/lib/results/permissions';
import { getPriorities, listCommunesOf } from '@/lib/results/queries';
import { scopeSchema } from '@/lib/results/schema';
import { improvementsTable, pick, prioritiesTable } from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';
import { loadView, query, type SearchParams } from '../../load';
import { pageSite, searchOf, viewerOf, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('results.nav'))('priorities') };
}

export default async function PrioritiesPage({ params, searchParams }: { params: Promise<{ site: string; slug: string }>; searchParams: SearchParams }) {
  const site = await pageSite(params);
  const [{ slug }, sp] = await Promise.all([params, searchOf(site, searchParams)]);
  const { commune: communeId } = scopeSchema.parse(sp);
  const user = await viewerOf(site);
  const [data, t, locale, text] = await Promise.all([loadView(getPriorities({ actor: user, slug, communeId })), getTranslations('results'), getLocale(), getResultsText()]);
  const communes = await listCommunesOf(data.survey);
  const scope = data.commune?.name ?? t('county');
  const ranking = prioritiesTable(data, text.t, locale);
  return (
    <div>
      <PageHeader title={t('priorities.title', { scope })} />
      <ResultsNav slug={slug} current="priorities" staff={canSeeAllResults(user)} text={text} />
      <ScopeForm text={text} action={`/results/${slug}/priorities`} communes={communes} communeId={communeId} />
      <div className="space-y-10">
        <ChartFigure
          id="ranking"
          title={t('priorities.ranking')}
          lead={`${t('priorities.rankingLead', { places: data.places })} ${data.rankers === null ? t('explorer.tooFew', { k: data.k }) : t('priorities.rankers', { n: data.rankers })}`}
          text={text}
          table={ranking}
          open
          csvHref={`/results/${slug}/csv${query({ view: 'priorities', commune: communeId })}`}
          csvName={t('csvNames.priorities')}
          chart={<BarList summary={t('priorities.ranking')} show={(v) => (v === null ? t('hidden') : text.show(v, 'count'))} data={data.rows.map((r) => ({ label: pick(r.title, locale), value: r.borda }))} />}
        />
        <section aria-labelledby="improvements" className="space-y-6">
          <h2 id="improvements">{t('priorities.improvements')}</h2>
          <p className="max-w-3xl text-muted">{t('priorities.improvementsLead')}</p>
          {data.improvements.map((area) => {
            const table = improvementsTable(area, text.t, locale);
            return (
              <ChartFigure
                key={area.area}
                level={3}
                id={`improve-${area.area}`}
                title={pick(area.title, locale)}
                text={text}
                table={table}
                csvHref={`/results/${slug}/csv${query({ view: 'improvements', commune: communeId })}`}
                csvName={t('csvNames.improvements')}
                chart={<BarList summary={table.caption} show={(v) => text.show(v, 'count')} data={area.options.map((o) => ({ label: pick(o.label, locale), value: o.count }))} />}
              />
            );
          })}
        </section>
      </div>
      <ResultsNotes k={data.k} text={text} />
    </div>
  );
}
