import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { listCommunesWithMembers } from '@/lib/forum/membership-queries';
import { getForumSettings } from '@/lib/forum/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.members'))('title') };
}

export default async function MembersPage() {
  const [t, communes, settings] = await Promise.all([getTranslations('forum.members'), listCommunesWithMembers(), getForumSettings()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead', { locality: settings.localityQuota, organisation: settings.organisationQuota })} />
      <ul className="grid gap-3 sm:grid-cols-2">
        {communes.map((c) => (
          <li key={c.id} className="rounded-md border border-gray-300 p-3">
            <Link href={`/forum/members/${c.slug}`} className="font-semibold">
              {c.name}
            </Link>{' '}
            <span className="text-muted">({t('count', { count: c.members })})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
