import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SurveyBuilder } from '@/components/surveys/survey-builder';
import { PageHeader } from '@/components/ui/page-header';
import { listServiceAreas } from '@/lib/places/queries';
import { canManageSurveys } from '@/lib/surveys/permissions';
import { listCommunesForBuilder } from '@/lib/surveys/queries';
import { saveSurveyAction } from '../actions';
import { allow, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('builder.newTitle') };
}

export default async function NewSurveyPage() {
  const user = await signedIn('/surveys/manage/new');
  allow(canManageSurveys(user));
  const [t, locale, areas, communes] = await Promise.all([getTranslations('surveys'), getLocale(), listServiceAreas(), listCommunesForBuilder({ actor: user })]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('builder.newTitle')} lead={t('builder.lead')}>
        <p>
          <Link href="/surveys/manage">{t('manage.backToList')}</Link>
        </p>
      </PageHeader>
      <SurveyBuilder
        surveyId={null}
        save={saveSurveyAction}
        communes={communes}
        areas={areas.map((a) => ({ slug: a.slug, name: locale === 'en' ? a.nameEn : a.namePl }))}
        initial={{
          meta: { slug: '', titlePl: '', titleEn: '', descriptionPl: '', descriptionEn: '', responseMode: 'open_link', communeIds: communes.length === 1 ? [communes[0]!.id] : [], opensAt: null, closesAt: null },
          definition: {
            sections: [
              {
                id: 'section1',
                title: { pl: t('builder.newSectionTitle', { n: 1 }), en: '' },
                description: { pl: '', en: '' },
                questions: [
                  { id: 'q1', type: 'single_choice', label: { pl: '', en: '' }, help: { pl: '', en: '' }, required: false, area: null, measure: 'other', condition: null, options: [{ value: 'opt1', label: { pl: '', en: '' } }, { value: 'opt2', label: { pl: '', en: '' } }] },
                ],
              },
            ],
          },
        }}
      />
    </div>
  );
}
