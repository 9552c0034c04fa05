import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Forbidden } from '@/components/layout/forbidden';
import { PageHeader } from '@/components/ui/page-header';
import { canManageSurveys } from '@/lib/surveys/permissions';
import { listSurveysForOffice } from '@/lib/surveys/queries';
import { load, officeUser } from './guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('office') };
}

export default async function SurveyOfficePage() {
  const user = await officeUser('/surveys/manage');
  const surveys = await load(listSurveysForOffice({ actor: user }));
  if (!surveys) return <Forbidden />;
  const [t, format, locale] = await Promise.all([getTranslations('surveys'), getFormatter(), getLocale()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('office')} lead={t('manage.lead')} />
      {canManageSurveys(user) ? (
        <p>
          <Link href="/surveys/manage/new" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white">
            {t('manage.new')}
          </Link>
        </p>
      ) : null}
      {surveys.length === 0 ? (
        <p>{t('manage.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('manage.caption')}</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="px-2 py-2">{t('manage.surveyTitle')}</th>
                <th scope="col" className="px-2 py-2">{t('manage.status')}</th>
                <th scope="col" className="px-2 py-2">{t('manage.mode')}</th>
                <th scope="col" className="px-2 py-2 text-right">{t('manage.responses')}</th>
                <th scope="col" className="px-2 py-2">{t('manage.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id} className="border-b border-gray-200 align-top">
                  <th scope="row" className="px-2 py-2 font-normal">
                    <Link href={`/surveys/manage/${s.id}`}>{locale === 'en' && s.titleEn ? s.titleEn : s.titlePl}</Link>
                    <span className="block text-sm text-muted">
                      /s/{s.slug} · {t('manage.version', { version: s.version })}
                    </span>
                  </th>
                  <td className="px-2 py-2">{t(`status.${s.status}`)}</td>
                  <td className="px-2 py-2">{t(`modes.${s.responseMode}`)}</td>
                  <td className="px-2 py-2 text-right">{format.number(s.responses)}</td>
                  <td className="px-2 py-2">{format.dateTime(s.updatedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Warsaw' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
