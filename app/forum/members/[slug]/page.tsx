import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { listCommuneMembers } from '@/lib/forum/queries';
import { orNotFound } from '../../guard';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.members'))('title') };
}

export default async function CommuneMembersPage({ params }: Props) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) notFound();
  const { commune, members } = await orNotFound(listCommuneMembers({ communeSlug: slug }));
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
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('members.caption', { commune: commune.name })}</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="px-2 py-2">{t('members.name')}</th>
                <th scope="col" className="px-2 py-2">{t('members.representation')}</th>
                <th scope="col" className="px-2 py-2">{t('members.since')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} className="border-b border-gray-200">
                  <th scope="row" className="px-2 py-2 font-normal">{m.userName}</th>
                  <td className="px-2 py-2">
                    {t(`representation.${m.representation}`)}: {m.localityName ?? m.organisation}
                  </td>
                  <td className="px-2 py-2">{m.decidedAt ? format.dateTime(m.decidedAt, { dateStyle: 'long' }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
