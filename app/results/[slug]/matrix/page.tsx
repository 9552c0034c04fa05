import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Forbidden } from '@/components/layout/forbidden';
import { ResultsNav } from '@/components/results/results-nav';
import { ResultsNotes } from '@/components/results/notes';
import { ScopeForm } from '@/components/results/scope-form';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { getMatrix, listCommunesOf } from '@/lib/results/queries';
import { scopeSchema } from '@/lib/results/schema';
import { MatrixSection } from '@/components/results/matrix-section';
import { loadView, type SearchParams } from '../../load';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('results.nav'))('matrix') };
}

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const { commune: communeId } = scopeSchema.parse(sp);
  const user = await getCurrentUser();
  const [data, t, locale] = await Promise.all([loadView(getMatrix({ actor: user, slug, communeId })), getTranslations('results'), getLocale()]);
  if (!data) return <Forbidden />;
  const tr = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const communes = await listCommunesOf(data.survey);
  const scope = data.commune?.name ?? t('county');
  return (
    <div>
      <PageHeader title={t('matrix.title', { scope })} />
      <ResultsNav slug={slug} current="matrix" />
      <ScopeForm action={`/results/${slug}/matrix`} communes={communes} communeId={communeId} />
      <MatrixSection data={data} slug={slug} communeId={communeId} locale={locale} t={tr} />
      <ResultsNotes k={data.k} />
    </div>
  );
}
