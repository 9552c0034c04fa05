import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getAdminOverview } from '@/lib/admin/queries';
import { signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminOverviewPage() {
  const actor = await signedIn('/admin', canAdminister);
  const t = await getTranslations('admin');
  const counts = await getAdminOverview({ actor });

  const cards = [
    { href: '/admin/users', title: t('nav.users'), body: t('overview.users', counts.users) },
    { href: '/admin/communes', title: t('nav.communes'), body: t('overview.communes', { communes: counts.communes.active, localities: counts.localities.active, inactive: counts.communes.total - counts.communes.active }) },
    { href: '/admin/audit', title: t('nav.audit'), body: t('overview.audit') },
  ];

  return (
    <div>
      <PageHeader title={t('title')} lead={t('overview.lead')} />
      <ul className="grid gap-4 sm:grid-cols-3">
        {cards.map((card) => (
          <li key={card.href} className="rounded-md border-2 border-gray-300 p-4">
            <h2>
              <Link href={card.href}>{card.title}</Link>
            </h2>
            <p className="mt-2 text-muted">{card.body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
