import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SurveyPreview } from '@/components/surveys/survey-preview';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getSurveyForPreview } from '@/lib/surveys/queries';
import { load, signedIn } from '@/app/_http/page-guard';
import { requestDataController } from '@/lib/county';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('manage.actions.preview') };
}

/** The survey as a respondent sees it; nothing is sent. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedIn(`/surveys/manage/${id}/preview`);
  const data = await load(getSurveyForPreview({ actor: user, id }));
  const { survey, communes, localities } = data;
  const [t, locale] = await Promise.all([getTranslations('surveys'), getLocale()]);
  const title = locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={title}>
        <p>
          <Link href={`/surveys/manage/${survey.id}`}>{t('manage.backToSurvey')}</Link>
        </p>
      </PageHeader>
      <Alert tone="info">{t('manage.previewNote')}</Alert>
      <SurveyPreview
        slug={survey.slug}
        definition={survey.definition}
        responseMode={survey.responseMode}
        communes={communes}
        localities={localities}
        controller={await requestDataController()}
      />
    </div>
  );
}
