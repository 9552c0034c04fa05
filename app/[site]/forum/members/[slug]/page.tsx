import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { listCommuneMembers } from '@/lib/forum/membership-queries';
import { load } from '@/app/_http/page-guard';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.members'))('title') };
}

export default async function CommuneMembersPage({ params }: Props) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) notFound();
  const { commune, members } = await load(listCommuneMembers({ communeSlug: slug }));
  const [t, format] = await Promise.all([getTranslations('forum'), getFormatter()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('members.communeTitle', { commune: commune.name })} lead={t('members.count', { count: members.length })}>
        <p>
          <Link href="/forum/members">{t('members.back')}</Link>
        </p>
      </PageHeader>
      {members.length === 0 ? (
        <p>{t('members.empty')}</p>
      ) : (
        <DataTable caption={t('members.caption', { commune: commune.name })} columns={[t('members.name'), t('members.representation'), t('members.since')]}>
          {members.map((m) => (
            <tr key={m.id} className={rowClass}>
              <th scope="row" className="px-2 py-2 font-normal">{m.userName}</th>
              <td className="px-2 py-2">
                {t(`representation.${m.representation}`)}: {m.localityName ?? m.organisation}
              </td>
              <td className="px-2 py-2">{m.decidedAt ? format.dateTime(m.decidedAt, { dateStyle: 'long' }) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
