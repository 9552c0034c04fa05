import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { PageHeader } from '@/components/ui/page-header';
import { canPublishResults } from '@/lib/results/permissions';
import { listResultSurveys } from '@/lib/results/queries';
import { pick } from '@/lib/results/tables';
import { setResultsPublishedAction } from './actions';
import { pageSite, viewerOf, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('sections'))('results') };
}

/** The surveys whose results the visitor may see; coordinators publish or withdraw them here. */
export default async function ResultsPage({ params }: { params: SiteParams }) {
  const site = await pageSite(params);
  const user = await viewerOf(site);
  const [t, locale, surveys] = await Promise.all([getTranslations('results'), getLocale(), listResultSurveys({ actor: user })]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      <section aria-labelledby="result-surveys" className="space-y-4">
        <h2 id="result-surveys">{t('listHeading')}</h2>
        {surveys.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="space-y-4">
            {surveys.map((s) => {
              const title = pick({ pl: s.titlePl, en: s.titleEn }, locale);
              return (
                <li key={s.id} className="space-y-2 rounded-md border-2 border-gray-300 p-4">
                  <h3>
                    <Link href={`/results/${s.slug}`}>{title}</Link>
                  </h3>
                  <p className="text-sm text-muted">
                    {t(`status.${s.status}`)} · {s.published ? t('published') : t('notPublished')}
                  </p>
                  {canPublishResults(user, s) ? (
                    <ActionButton action={setResultsPublishedAction} fields={{ surveyId: s.id, publish: s.published ? '0' : '1' }} label={s.published ? t('unpublish') : t('publish')} context={title} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <p className="text-sm text-muted">
        <Link href="/results/method">{t('methodLink')}</Link>
      </p>
    </div>
  );
}
