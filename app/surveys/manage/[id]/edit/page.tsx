import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Forbidden } from '@/components/layout/forbidden';
import { SurveyBuilder } from '@/components/surveys/survey-builder';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { listServiceAreas } from '@/lib/places/queries';
import { getSurveyForBuilder } from '@/lib/surveys/queries';
import { saveSurveyAction } from '../../actions';
import { load, officeUser } from '../../guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('builder.editTitle') };
}

export default async function EditSurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await officeUser(`/surveys/manage/${id}/edit`);
  const data = await load(getSurveyForBuilder({ actor: user, id }));
  if (!data) return <Forbidden />;
  const { survey, frozen } = data;
  const [t, locale, areas] = await Promise.all([getTranslations('surveys'), getLocale(), listServiceAreas()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('builder.editTitle')} lead={survey.titlePl}>
        <p>
          <Link href={`/surveys/manage/${survey.id}`}>{t('manage.backToSurvey')}</Link>
        </p>
      </PageHeader>
      {frozen || survey.status === 'archived' ? (
        <Alert tone="info">{t('manage.frozenNote')}</Alert>
      ) : (
        <SurveyBuilder
          surveyId={survey.id}
          save={saveSurveyAction}
          areas={areas.map((a) => ({ slug: a.slug, name: locale === 'en' ? a.nameEn : a.namePl }))}
          initial={{
            meta: {
              slug: survey.slug,
              titlePl: survey.titlePl,
              titleEn: survey.titleEn,
              descriptionPl: survey.descriptionPl,
              descriptionEn: survey.descriptionEn,
              responseMode: survey.responseMode,
              communeIds: survey.communeIds,
              opensAt: survey.opensAt,
              closesAt: survey.closesAt,
            },
            definition: survey.definition,
          }}
        />
      )}
    </div>
  );
}
