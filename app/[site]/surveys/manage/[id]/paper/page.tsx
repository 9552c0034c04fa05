import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PaperEntryForm } from '@/components/surveys/paper-entry-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getSurveyForPaperEntry } from '@/lib/surveys/queries';
import { load, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('paper.title') };
}

/** Operators type in paper questionnaires: one page laid out as the printed one, selects with type-ahead, Enter to advance. */
export default async function PaperEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedIn(`/surveys/manage/${id}/paper`);
  const data = await load(getSurveyForPaperEntry({ actor: user, id }));
  const { survey, communes, localities, accepting, enteredByMe } = data;
  const [t, locale] = await Promise.all([getTranslations('surveys'), getLocale()]);
  const title = locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t('paper.pageTitle', { title })} lead={t('paper.keyboardHint')}>
        <p>
          <Link href={`/surveys/manage/${survey.id}`}>{t('manage.backToSurvey')}</Link>
        </p>
      </PageHeader>
      {accepting ? (
        <PaperEntryForm
          slug={survey.slug}
          definition={survey.definition}
          communes={communes}
          localities={localities}
          submitUrl={`/surveys/manage/${survey.id}/paper/submit`}
          enteredBefore={enteredByMe}
        />
      ) : (
        <Alert tone="info">{t('fill.closedBody')}</Alert>
      )}
    </div>
  );
}
