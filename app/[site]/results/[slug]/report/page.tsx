import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ResultsTable } from '@/components/charts/chart-figure';
import { MatrixSection } from '@/components/results/matrix-section';
import { ResultsNotes } from '@/components/results/notes';
import { PrintButton } from '@/components/results/print-button';
import { ResultsNav } from '@/components/results/results-nav';
import { ScopeForm } from '@/components/results/scope-form';
import { PageHeader } from '@/components/ui/page-header';
import { canSeeAllResults } from '@/lib/results/permissions';
import { getMatrix, getOverview, getPriorities, getResultsSurvey, scopeOf } from '@/lib/results/queries';
import { scopeSchema } from '@/lib/results/schema';
import { pick, prioritiesTable, type TableSpec } from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';
import { loadView, type SearchParams } from '../../load';
import { pageSite, searchOf, viewerOf } from '@/app/_http/page-site';

/** The commune is in the title too: it names the printed (or saved-as-PDF) document. */
export async function generateMetadata({ params, searchParams }: { params: Promise<{ site: string; slug: string }>; searchParams: SearchParams }): Promise<Metadata> {
  const site = await pageSite(params);
  const [t, { slug }, sp, user] = await Promise.all([getTranslations('results'), params, searchOf(site, searchParams), viewerOf(site)]);
  const { commune: communeId } = scopeSchema.parse(sp);
  // The page itself answers a survey or commune that is unknown or not the caller's to see.
  const commune = await getResultsSurvey({ actor: user, slug })
    .then((survey) => scopeOf(survey, communeId))
    .catch(() => null);
  return { title: commune ? t('report.title', { commune: commune.name }) : t('nav.report') };
}

// A4 portrait with margins; the site's header and footer are already .no-print.
const PRINT_CSS = `@page { size: A4 portrait; margin: 14mm; }
@media print {
  body { font-size: 10.5pt; }
  details > summary { display: none; }
  section, li, table { break-inside: avoid; }
  a[download] { display: none; }
}`;

export default async function ReportPage({ params, searchParams }: { params: Promise<{ site: string; slug: string }>; searchParams: SearchParams }) {
  const site = await pageSite(params);
  const [{ slug }, sp] = await Promise.all([params, searchOf(site, searchParams)]);
  const { commune: communeId } = scopeSchema.parse(sp);
  const user = await viewerOf(site);
  const [overview, t, locale, text] = await Promise.all([loadView(getOverview({ actor: user, slug })), getTranslations('results'), getLocale(), getResultsText()]);
  if (communeId === null) {
    return (
      <div>
        <PageHeader title={t('nav.report')} lead={t('report.choose')} />
        <ResultsNav slug={slug} current="report" staff={canSeeAllResults(user)} text={text} />
        <ScopeForm text={text} action={`/results/${slug}/report`} communes={overview.communes} communeId={null} allowCounty={false} />
      </div>
    );
  }
  const [priorities, matrix] = await Promise.all([loadView(getPriorities({ actor: user, slug, communeId })), loadView(getMatrix({ actor: user, slug, communeId }))]);
  // A chosen commune: scopeOf has found it (an unknown one is a 404).
  const commune = priorities.commune!;
  const survey = pick({ pl: overview.survey.titlePl, en: overview.survey.titleEn }, locale);
  const count = overview.communes.find((c) => c.id === commune.id)?.total ?? null;
  const heatRow = overview.heat.find((h) => h.communeId === commune.id);
  const below = overview.areas
    .map((area, i) => ({ area, mine: heatRow?.cells[i]?.mean ?? null, county: overview.heatCounty[i]?.mean ?? null }))
    .filter((x) => x.mine !== null && x.county !== null && x.mine < x.county);
  const belowTable: TableSpec = {
    caption: t('report.below'),
    headers: [t('priorities.area'), t('report.communeMean'), t('report.countyMean'), t('report.difference')],
    rows: below.map((x) => [pick(x.area.title, locale), x.mine, x.county, Math.round((x.mine! - x.county!) * 100) / 100]),
    measures: [undefined, 'mean', 'mean', 'mean'],
  };
  const top = prioritiesTable({ ...priorities, rows: priorities.rows.slice(0, 3) }, text.t, locale);
  return (
    <article className="space-y-8">
      <style>{PRINT_CSS}</style>
      <PageHeader title={t('report.title', { commune: commune.name })} lead={t('report.lead', { survey, commune: commune.name })}>
        <p className="text-lg font-semibold">{t('report.responses', { n: text.show(count, 'count') })}</p>
        <PrintButton label={t('report.print')} />
      </PageHeader>
      <ResultsNav slug={slug} current="report" staff={canSeeAllResults(user)} text={text} />
      <section aria-labelledby="top" className="space-y-3">
        <h2 id="top">{t('report.topPriorities')}</h2>
        <ResultsTable table={top} text={text} />
      </section>
      <MatrixSection data={matrix} slug={slug} communeId={communeId} locale={locale} text={text} />
      <section aria-labelledby="below" className="space-y-3">
        <h2 id="below">{t('report.below')}</h2>
        {below.length === 0 ? <p>{t('report.belowNone')}</p> : <ResultsTable table={belowTable} text={text} />}
      </section>
      <ResultsNotes k={overview.k} text={text} />
    </article>
  );
}
