import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { MatrixSection } from '@/components/results/matrix-section';
import { ResultsNotes } from '@/components/results/notes';
import { ResultsNav } from '@/components/results/results-nav';
import { ScopeForm } from '@/components/results/scope-form';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { areasOf } from '@/lib/results/compute';
import { canSeeAllResults } from '@/lib/results/permissions';
import { getMatrix, getServiceMatrix, listCommunesOf } from '@/lib/results/queries';
import { areaScopeSchema } from '@/lib/results/schema';
import { pick } from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';
import { loadView, type SearchParams } from '../../load';
import { pageSite, searchOf, viewerOf, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('results.nav'))('matrix') };
}

/** The areas' matrix, or (with ?area=) the matrix of that area's services. */
export default async function MatrixPage({ params, searchParams }: { params: Promise<{ site: string; slug: string }>; searchParams: SearchParams }) {
  const site = await pageSite(params);
  const [{ slug }, sp] = await Promise.all([params, searchOf(site, searchParams)]);
  const { commune: communeId, area: areaKey } = areaScopeSchema.parse(sp);
  const user = await viewerOf(site);
  const [data, t, locale, text] = await Promise.all([
    loadView<Awaited<ReturnType<typeof getMatrix>> | Awaited<ReturnType<typeof getServiceMatrix>>>(
      areaKey === null ? getMatrix({ actor: user, slug, communeId }) : getServiceMatrix({ actor: user, slug, communeId, areaKey }),
    ),
    getTranslations('results'),
    getLocale(),
    getResultsText(),
  ]);
  const communes = await listCommunesOf(data.survey);
  const scope = data.commune?.name ?? t('county');
  const areas = areasOf(data.survey.definition);
  return (
    <div>
      <PageHeader title={'area' in data ? t('matrix.titleServices', { scope, area: pick(data.area.title, locale) }) : t('matrix.title', { scope })} />
      <ResultsNav slug={slug} current="matrix" staff={canSeeAllResults(user)} text={text} />
      <ScopeForm text={text} action={`/results/${slug}/matrix`} communes={communes} communeId={communeId}>
        <SelectField
          name="area"
          label={t('matrix.points')}
          defaultValue={areaKey ?? ''}
          options={[{ value: '', label: t('matrix.allAreas') }, ...areas.map((a) => ({ value: a.key, label: t('matrix.servicesOf', { area: pick(a.title, locale) }) }))]}
        />
      </ScopeForm>
      <MatrixSection data={data} slug={slug} communeId={communeId} locale={locale} text={text} />
      <ResultsNotes k={data.k} text={text} />
    </div>
  );
}
