import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { ClientMessages } from '@/components/layout/client-messages';
import { signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Not the only guard (each page asks again, lib/admin once more): a quick answer for the section.
  await signedIn('/admin', canAdminister);
  const t = await getTranslations('admin');
  return (
    <div>
      <AdminNav
        label={t('navLabel')}
        items={[
          { href: '/admin', label: t('nav.overview') },
          { href: '/admin/users', label: t('nav.users') },
          { href: '/admin/communes', label: t('nav.communes') },
          { href: '/admin/audit', label: t('nav.audit') },
          { href: '/admin/mail', label: t('nav.mail') },
        ]}
      />
      <ClientMessages namespaces={['admin', 'roles', 'communeKind', 'localityKind', 'mailPages']}>{children}</ClientMessages>
    </div>
  );
}
