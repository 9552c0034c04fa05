import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { SurveyForm } from '@/components/surveys/survey-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getEnv } from '@/lib/env';
import { getSurveyForFilling } from '@/lib/surveys/queries';
import { load } from '@/app/_http/page-guard';
import { requestDataController } from '@/lib/county';
import { translatedContent } from '@/lib/i18n/content-lang';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { survey } = await load(getSurveyForFilling({ slug: (await params).slug }));
  const locale = await getLocale();
  return { title: locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl };
}

/** The public questionnaire: no account, one section per step, works on a 360 px phone. */
export default async function FillSurveyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { survey, accepting, communes, localities } = await load(getSurveyForFilling({ slug }));
  const locale = await getLocale();
  const t = await getTranslations('surveys.fill');
  const title = locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl;
  const description = locale === 'en' && survey.descriptionEn ? survey.descriptionEn : survey.descriptionPl;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={title}
        lang={translatedContent({ pl: survey.titlePl, en: survey.titleEn }, locale)}
        lead={description ? <span lang={translatedContent({ pl: survey.descriptionPl ?? '', en: survey.descriptionEn }, locale)}>{description}</span> : undefined}
      />
      {accepting ? (
        <>
          <p className="text-sm text-muted">
            {survey.responseMode === 'invitation' ? t('invitationNote') : t('limitNote', { limit: getEnv().SURVEY_SUBMISSIONS_PER_ADDRESS })}
          </p>
          <SurveyForm
            slug={survey.slug}
            title={title}
            definition={survey.definition}
            responseMode={survey.responseMode}
            communes={communes}
            localities={localities}
            controller={await requestDataController()}
            mode="online"
            submitUrl={`/s/${survey.slug}/submit`}
          />
        </>
      ) : (
        <Alert tone="info">
          <h2 className="text-lg">{t('closedTitle')}</h2>
          <p>{t('closedBody')}</p>
        </Alert>
      )}
    </div>
  );
}
