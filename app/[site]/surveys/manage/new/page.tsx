import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SurveyBuilder } from '@/components/surveys/survey-builder';
import { PageHeader } from '@/components/ui/page-header';
import { listServiceAreas } from '@/lib/places/queries';
import { canManageSurveys } from '@/lib/surveys/permissions';
import { listCommunesForBuilder } from '@/lib/surveys/queries';
import { newSurveyParamsSchema, TEMPLATE_KEYS, templateForm, templateSizes, type TemplateKey } from '@/lib/surveys/templates';
import { saveSurveyAction } from '../actions';
import { allow, signedIn } from '@/app/_http/page-guard';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TITLE_KEY = { diagnosis: 'templates.diagnosisTitle', blank: 'templates.blankTitle' } as const;
const BODY_KEY = { diagnosis: 'templates.diagnosisBody', blank: 'templates.blankBody' } as const;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const t = await getTranslations('surveys');
  const { template } = newSurveyParamsSchema.parse(await searchParams);
  return { title: template ? t('templates.fromTemplate', { title: t(TITLE_KEY[template]) }) : t('builder.newTitle') };
}

/**
 * A new survey: the templates gallery (the diagnosis questionnaire first), then the builder filled
 * from the chosen template. Nothing is stored before the author saves the draft.
 */
export default async function NewSurveyPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await signedIn('/surveys/manage/new');
  allow(canManageSurveys(user));
  const { template } = newSurveyParamsSchema.parse(await searchParams);
  const t = await getTranslations('surveys');
  if (!template) return <Gallery />;

  const [locale, areas, communes, initial] = await Promise.all([
    getLocale(),
    listServiceAreas(),
    listCommunesForBuilder({ actor: user }),
    templateForm({ actor: user, key: template, firstSectionTitle: t('builder.newSectionTitle', { n: 1 }) }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('templates.fromTemplate', { title: t(TITLE_KEY[template]) })} lead={template === 'blank' ? t('builder.lead') : t('templates.fromTemplateLead')}>
        <p>
          <Link href="/surveys/manage/new">{t('templates.backToTemplates')}</Link>
        </p>
      </PageHeader>
      <SurveyBuilder
        surveyId={null}
        save={saveSurveyAction}
        communes={communes}
        areas={areas.map((a) => ({ slug: a.slug, name: locale === 'en' ? a.nameEn : a.namePl }))}
        initial={initial}
      />
    </div>
  );
}

async function Gallery() {
  const t = await getTranslations('surveys');
  const sizes = templateSizes();
  const card = (key: TemplateKey) => {
    const title = t(TITLE_KEY[key]);
    return (
      <li key={key} className="flex flex-col gap-3 rounded-lg border-2 border-brand-100 bg-white p-4 shadow-sm">
        <h2 id={`template-${key}`}>{title}</h2>
        <p>{t(BODY_KEY[key])}</p>
        <p className="text-sm text-muted">{t('manage.structureCount', sizes[key])}</p>
        <p className="mt-auto">
          <Link
            href={`/surveys/manage/new?template=${key}`}
            className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            {t('templates.use', { title })}
          </Link>
        </p>
      </li>
    );
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t('builder.newTitle')} lead={t('templates.lead')}>
        <p>
          <Link href="/surveys/manage">{t('manage.backToList')}</Link>
        </p>
      </PageHeader>
      <ul aria-label={t('templates.listLabel')} className="grid gap-4 md:grid-cols-2">
        {TEMPLATE_KEYS.map(card)}
      </ul>
    </div>
  );
}
