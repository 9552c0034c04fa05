import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChartFigure } from '@/components/charts/chart-figure';
import { BarList } from '@/components/charts/bar-list';
import { ResultsNotes } from '@/components/results/notes';
import { ResultsNav } from '@/components/results/results-nav';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { canSeeAllResults } from '@/lib/results/permissions';
import { getQuestionExplorer } from '@/lib/results/queries';
import { explorerFiltersSchema, scopeSchema } from '@/lib/results/schema';
import { distributionTable, pick } from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';
import { AGE_GROUPS, RESPONDENT_TYPES } from '@/lib/surveys/definition';
import { loadView, param, query, type SearchParams } from '../../load';
import { pageSite, searchOf, viewerOf, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('results.nav'))('explorer') };
}

export default async function ExplorerPage({ params, searchParams }: { params: Promise<{ site: string; slug: string }>; searchParams: SearchParams }) {
  const site = await pageSite(params);
  const [{ slug }, sp] = await Promise.all([params, searchOf(site, searchParams)]);
  const user = await viewerOf(site);
  const staff = canSeeAllResults(user);
  const parsed = explorerFiltersSchema.parse({ communeId: param(sp, 'commune'), localityId: param(sp, 'locality'), ageGroup: param(sp, 'age'), respondentType: param(sp, 'type'), channel: param(sp, 'channel') });
  const filters = staff ? parsed : { ...parsed, localityId: null, ageGroup: null, respondentType: null, channel: null };
  const compareCommuneId = scopeSchema.parse({ commune: param(sp, 'compare') }).commune;
  const questionId = param(sp, 'question') ?? null;
  const [data, t, ts, locale, text] = await Promise.all([
    loadView(getQuestionExplorer({ actor: user, slug, questionId, filters, compareCommuneId })),
    getTranslations('results'),
    getTranslations('surveys'),
    getLocale(),
    getResultsText(),
  ]);
  const q = data.question;
  const opts = { ranking: q?.type === 'ranking', scale: q?.type === 'rating' || q?.type === 'matrix' };
  const communeName = (id: number | null) => (id === null ? t('county') : (data.communes.find((c) => c.id === id)?.name ?? ''));
  const csvQuery = query({ view: 'explorer', question: q?.id, commune: filters.communeId, locality: filters.localityId, age: filters.ageGroup, type: filters.respondentType, channel: filters.channel });
  const any = { value: '', label: t('explorer.any') };
  const distributions = data.main
    ? [
        { id: 'main', scope: communeName(filters.communeId), dist: data.main, csv: csvQuery },
        ...(data.compare && compareCommuneId !== null
          ? [{ id: 'compare', scope: communeName(compareCommuneId), dist: data.compare, csv: query({ view: 'explorer', question: q?.id, commune: compareCommuneId, age: filters.ageGroup, type: filters.respondentType, channel: filters.channel }) }]
          : []),
      ]
    : [];
  return (
    <div>
      <PageHeader title={t('explorer.title')} lead={t('explorer.lead')} />
      <ResultsNav slug={slug} current="explorer" staff={canSeeAllResults(user)} text={text} />
      <form method="get" action={`/results/${slug}/explorer`} className="mb-8 print:hidden">
        <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="mb-2 text-lg font-semibold">{t('explorer.filters')}</legend>
          <SelectField
            name="question"
            label={t('explorer.question')}
            className="sm:col-span-2 lg:col-span-3"
            defaultValue={q?.id ?? ''}
            options={data.questions.map((x) => ({ value: x.id, label: pick(x.label, locale) }))}
          />
          <SelectField name="commune" label={t('commune')} defaultValue={filters.communeId === null ? '' : String(filters.communeId)} options={[{ value: '', label: t('county') }, ...data.communes.map((c) => ({ value: String(c.id), label: c.name }))]} />
          <SelectField name="compare" label={t('explorer.compare')} defaultValue={compareCommuneId === null ? '' : String(compareCommuneId)} options={[{ value: '', label: t('explorer.none') }, ...data.communes.map((c) => ({ value: String(c.id), label: c.name }))]} />
          {staff ? (
            <>
              <SelectField
                name="locality"
                label={t('explorer.locality')}
                defaultValue={filters.localityId === null ? '' : String(filters.localityId)}
                options={[any, ...data.localities.map((l) => ({ value: String(l.id), label: l.name }))]}
              />
              <SelectField name="age" label={t('explorer.ageGroup')} defaultValue={filters.ageGroup ?? ''} options={[any, ...AGE_GROUPS.map((a) => ({ value: a, label: ts(`ageGroups.${a}`) }))]} />
              <SelectField name="type" label={t('explorer.respondentType')} defaultValue={filters.respondentType ?? ''} options={[any, ...RESPONDENT_TYPES.map((a) => ({ value: a, label: ts(`respondentTypes.${a}`) }))]} />
              <SelectField
                name="channel"
                label={t('explorer.channel')}
                defaultValue={filters.channel ?? ''}
                options={[any, { value: 'online', label: t('overview.online') }, { value: 'paper', label: t('overview.paper') }]}
              />
            </>
          ) : (
            <p className="text-muted sm:col-span-2 lg:col-span-3">{t('explorer.profileForStaff')}</p>
          )}
        </fieldset>
        <button type="submit" className="mt-4 inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t('explorer.apply')}
        </button>
      </form>
      <div aria-live="polite" className={distributions.length > 1 ? 'grid gap-8 lg:grid-cols-2' : ''}>
        {q
          ? distributions.map(({ id, scope, dist, csv }) => {
              const caption = t(id === 'main' ? 'explorer.distribution' : 'explorer.compareHeading', { scope });
              const table = distributionTable(dist, caption, opts, text.t, locale);
              const single = dist.rows.length === 1;
              return (
                <div key={id} className="space-y-2">
                  <p className="font-semibold">{pick(q.label, locale)}</p>
                  <p>{dist.respondents === null ? t('explorer.tooFew', { k: data.k }) : t('explorer.respondents', { n: dist.respondents })}</p>
                  <ChartFigure
                    id={`dist-${id}`}
                    title={caption}
                    text={text}
                    table={table}
                    open={!single}
                    csvHref={`/results/${slug}/csv${csv}`}
                    csvName={t('csvNames.explorer')}
                    chart={
                      single ? (
                        <BarList summary={caption} show={(v) => text.show(v, 'count')} data={table.headers.slice(1, 1 + dist.columns.length).map((label, i) => ({ label, value: dist.rows[0]!.counts[i] ?? null }))} />
                      ) : (
                        // Rated rows by their mean on the 1–5 scale, other rows by their count: never the
                        // two on one axis (a suppressed mean would otherwise be drawn as a count).
                        <BarList
                          summary={caption}
                          scale={opts.scale}
                          show={(v) => (v === null && opts.scale ? t('hidden') : text.show(v, opts.scale ? 'mean' : 'count'))}
                          data={dist.rows.map((r) => ({ label: pick(r.label, locale), value: opts.scale ? r.mean : r.total }))}
                        />
                      )
                    }
                  />
                </div>
              );
            })
          : null}
      </div>
      <ResultsNotes k={data.k} text={text} />
    </div>
  );
}
