import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { DeviceWorker } from '@/components/surveys/device-worker';
import { SurveyFill } from '@/components/surveys/fill/survey-fill';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getEnv } from '@/lib/env';
import { getSurveyForFilling } from '@/lib/surveys/queries';
import { readAnsweredToken } from '@/lib/surveys/answered';
import { surveyVersion } from '@/lib/surveys/device/store';
import { freshState } from '@/lib/surveys/steps';
import { load } from '@/app/_http/page-guard';
import { answeredCookieName } from '@/app/_http/submission';
import { requestDataController } from '@/lib/county';
import { translatedContent } from '@/lib/i18n/content-lang';
import { surveyStepAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { survey } = await load(getSurveyForFilling({ slug: (await params).slug }));
  const locale = await getLocale();
  // The survey can be added to a phone's home screen and opened without a connection.
  return { title: locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl, manifest: `/s/${survey.slug}/manifest.webmanifest` };
}

/**
 * The public questionnaire: no account, one section per step, works on a 360 px phone and without
 * JavaScript (each step is a form posted to the server, app/[site]/s/[slug]/actions.ts). A browser
 * that already sent its answer is told so at once, by its "already answered" cookie.
 */
export default async function FillSurveyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { survey, accepting, communes, localities } = await load(getSurveyForFilling({ slug }));
  const locale = await getLocale();
  const t = await getTranslations('surveys.fill');
  const title = locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl;
  const titleLang = translatedContent({ pl: survey.titlePl, en: survey.titleEn }, locale);
  const description = locale === 'en' && survey.descriptionEn ? survey.descriptionEn : survey.descriptionPl;
  const answered = readAnsweredToken(survey.slug, (await cookies()).get(answeredCookieName(survey.slug))?.value ?? null) !== null;
  // An open-link survey takes one answer per browser: the form would only be refused at the end.
  const refused = !accepting || (answered && survey.responseMode === 'open_link');
  if (refused) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader title={title} lang={titleLang} />
        {accepting ? (
          <Alert tone="success">
            <h2 className="text-lg">{t('answeredTitle')}</h2>
            <p>{t('answeredBody')}</p>
          </Alert>
        ) : (
          <Alert tone="info">
            <h2 className="text-lg">{t('closedTitle')}</h2>
            <p>{t('closedBody')}</p>
          </Alert>
        )}
      </div>
    );
  }
  return (
    <>
      {answered ? (
        <div className="mx-auto mb-4 max-w-2xl">
          <Alert tone="info">
            <p>{t('answeredInvitation')}</p>
          </Alert>
        </div>
      ) : null}
      <SurveyFill
        slug={survey.slug}
        title={title}
        titleLang={titleLang}
        intro={description || undefined}
        introLang={description ? translatedContent({ pl: survey.descriptionPl ?? '', en: survey.descriptionEn }, locale) : undefined}
        note={survey.responseMode === 'invitation' ? t('invitationNote') : t('limitNote', { limit: getEnv().SURVEY_SUBMISSIONS_PER_ADDRESS })}
        definition={survey.definition}
        version={surveyVersion(survey.definition)}
        responseMode={survey.responseMode}
        communes={communes}
        localities={localities}
        controller={await requestDataController()}
        submitUrl={`/s/${survey.slug}/submit`}
        initial={freshState(randomUUID())}
        action={surveyStepAction}
      />
      <DeviceWorker />
    </>
  );
}
