import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { KeysetPagination } from '@/components/ui/pagination';
import { canManageSurveys } from '@/lib/surveys/permissions';
import { listSurveysForOffice } from '@/lib/surveys/queries';
import { officeListParamsSchema } from '@/lib/surveys/schema';
import { load, signedIn } from '@/app/_http/page-guard';
import { ZONE } from '@/lib/local-time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('office') };
}

export default async function SurveyOfficePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await signedIn('/surveys/manage');
  const { cursor } = officeListParamsSchema.parse(await searchParams);
  const page = await load(listSurveysForOffice({ actor: user, cursor }));
  const { surveys, nextCursor } = page;
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
        <DataTable
          caption={t('manage.caption')}
          columns={[t('manage.surveyTitle'), t('manage.status'), t('manage.mode'), <span key="responses" className="block text-right">{t('manage.responses')}</span>, t('manage.updated')]}
        >
          {surveys.map((s) => (
            <tr key={s.id} className={rowClass}>
              <th scope="row" className="px-2 py-2 font-normal">
                <Link href={`/surveys/manage/${s.id}`}>{locale === 'en' && s.titleEn ? s.titleEn : s.titlePl}</Link>
                <span className="block text-sm text-muted">
                  /s/{s.slug} · {t('manage.version', { version: s.version })}
                </span>
              </th>
              <td className="px-2 py-2">{t(`status.${s.status}`)}</td>
              <td className="px-2 py-2">{t(`modes.${s.responseMode}`)}</td>
              <td className="px-2 py-2 text-right">{format.number(s.responses)}</td>
              <td className="px-2 py-2">{format.dateTime(s.updatedAt, 'dateTime', { timeZone: ZONE })}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <KeysetPagination firstHref={cursor ? '/surveys/manage' : null} nextHref={nextCursor ? `/surveys/manage?cursor=${nextCursor}` : null} />
    </div>
  );
}
