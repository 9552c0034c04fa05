import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { isCoordinator } from '@/lib/forum/permissions';
import { listConsultations } from '@/lib/forum/consultation-queries';
import { Polish } from '@/components/ui/polish';

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
        <DataTable
          caption={t('consultations.caption')}
          columns={[t('consultations.name'), t('consultations.scope'), t('consultations.deadline'), t('consultations.state'), t('consultations.positionsCount')]}
        >
          {list.map((c) => (
            <tr key={c.id} className={rowClass}>
              <th scope="row" className="px-2 py-2 font-normal">
                <Link href={`/forum/consultations/${c.id}`}>
                  <Polish>{c.title}</Polish>
                </Link>
              </th>
              <td className="px-2 py-2">{c.communeName ?? t('filters.county')}</td>
              <td className="px-2 py-2">{format.dateTime(c.deadline, 'dateTime')}</td>
              <td className="px-2 py-2">{c.closed ? t('consultations.closed') : t('consultations.open')}</td>
              <td className="px-2 py-2">{format.number(c.positions)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
