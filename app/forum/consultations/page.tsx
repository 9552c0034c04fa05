import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { isCoordinator } from '@/lib/forum/permissions';
import { listConsultations } from '@/lib/forum/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.consultations'))('title') };
}

export default async function ConsultationsPage() {
  const [t, format, list, user] = await Promise.all([getTranslations('forum'), getFormatter(), listConsultations(), getCurrentUser()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('consultations.title')} lead={t('consultations.lead')}>
        {isCoordinator(user) ? (
          <Link href="/forum/consultations/new" className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white">
            {t('links.newConsultation')}
          </Link>
        ) : null}
      </PageHeader>
      {list.length === 0 ? (
        <p>{t('consultations.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('consultations.caption')}</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="px-2 py-2">{t('consultations.name')}</th>
                <th scope="col" className="px-2 py-2">{t('consultations.scope')}</th>
                <th scope="col" className="px-2 py-2">{t('consultations.deadline')}</th>
                <th scope="col" className="px-2 py-2">{t('consultations.state')}</th>
                <th scope="col" className="px-2 py-2">{t('consultations.positionsCount')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id} className="border-b border-gray-200">
                  <th scope="row" className="px-2 py-2 font-normal">
                    <Link href={`/forum/consultations/${c.id}`}>{c.title}</Link>
                  </th>
                  <td className="px-2 py-2">{c.communeName ?? t('filters.county')}</td>
                  <td className="px-2 py-2">{format.dateTime(c.deadline, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td className="px-2 py-2">{c.closed ? t('consultations.closed') : t('consultations.open')}</td>
                  <td className="px-2 py-2">{format.number(c.positions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
