import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SurveyBuilder } from '@/components/surveys/survey-builder';
import { SurveyTranslations } from '@/components/surveys/survey-translations';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { listServiceAreas } from '@/lib/places/queries';
import { getSurveyForBuilder, listCommunesForBuilder } from '@/lib/surveys/queries';
import { saveSurveyAction } from '../../actions';
import { load, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('builder.editTitle') };
}

export default async function EditSurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedIn(`/surveys/manage/${id}/edit`);
  const data = await load(getSurveyForBuilder({ actor: user, id }));
  const { survey, frozen } = data;
  const [t, locale, areas, communes] = await Promise.all([getTranslations('surveys'), getLocale(), listServiceAreas(), listCommunesForBuilder({ actor: user })]);
  // A survey saved before the picker covers every active commune (an empty list); one that names
  // a since-deactivated commune keeps only those that can still be chosen.
  const pickable = communes.map((c) => c.id);
  const communeIds = survey.communeIds.length > 0 ? pickable.filter((id) => survey.communeIds.includes(id)) : pickable;
  const initial = {
    meta: {
      slug: survey.slug,
      titlePl: survey.titlePl,
      titleEn: survey.titleEn,
      descriptionPl: survey.descriptionPl,
      descriptionEn: survey.descriptionEn,
      responseMode: survey.responseMode,
      communeIds,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
    },
    definition: survey.definition,
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t('builder.editTitle')} lead={survey.titlePl}>
        <p>
          <Link href={`/surveys/manage/${survey.id}`}>{t('manage.backToSurvey')}</Link>
        </p>
      </PageHeader>
      {survey.status === 'archived' ? (
        <Alert tone="info">{(await getTranslations('errors'))('conflict_survey_archived')}</Alert>
      ) : frozen ? (
        <>
          <Alert tone="info">{t('manage.translationsOnlyNote')}</Alert>
          <SurveyTranslations
            surveyId={survey.id}
            save={saveSurveyAction}
            initial={initial}
          />
        </>
      ) : (
        <SurveyBuilder
          surveyId={survey.id}
          save={saveSurveyAction}
          communes={communes}
          areas={areas.map((a) => ({ slug: a.slug, name: locale === 'en' ? a.nameEn : a.namePl }))}
          initial={initial}
        />
      )}
    </div>
  );
}
