import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { canSeeSurveyOffice } from '@/lib/surveys/permissions';
import { listOpenSurveys } from '@/lib/surveys/queries';
import { ZONE } from '@/lib/local-time';
import { translatedContent } from '@/lib/i18n/content-lang';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('title') };
}

export const dynamic = 'force-dynamic';

/** The open surveys, for residents; staff also get the way to the back office. */
export default async function SurveysPage() {
  const [t, locale, format, surveys, user] = await Promise.all([getTranslations('surveys'), getLocale(), getFormatter(), listOpenSurveys(), getCurrentUser()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      {canSeeSurveyOffice(user) ? (
        <p>
          <Link href="/surveys/manage">{t('officeLink')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="open-surveys" className="space-y-4">
        <h2 id="open-surveys">{t('openList')}</h2>
        {surveys.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="space-y-4">
            {surveys.map((s) => {
              const title = locale === 'en' && s.titleEn ? s.titleEn : s.titlePl;
              const description = locale === 'en' && s.descriptionEn ? s.descriptionEn : s.descriptionPl;
              return (
                <li key={s.id} className="space-y-2 rounded-md border-2 border-gray-300 p-4">
                  <h3>
                    {/* Plain links: the questionnaire is no App Router page (pages/), which the router must not fetch. */}
                    <a href={`/s/${s.slug}`} lang={translatedContent({ pl: s.titlePl, en: s.titleEn }, locale)}>
                      {title}
                    </a>
                  </h3>
                  {description ? <p lang={translatedContent({ pl: s.descriptionPl ?? '', en: s.descriptionEn }, locale)}>{description}</p> : null}
                  {s.closesAt ? <p className="text-sm text-muted">{t('closesAt', { date: format.dateTime(s.closesAt, { dateStyle: 'long', timeZone: ZONE }) })}</p> : null}
                  {s.responseMode === 'invitation' ? <p className="text-sm text-muted">{t('invitationOnly')}</p> : null}
                  <p>
                    <a href={`/s/${s.slug}`} className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white" aria-label={`${t('fillCta')}: ${title}`}>
                      {t('fillCta')}
                    </a>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
