import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { ClientMessages } from '@/components/layout/client-messages';
import { signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';
import { canReadIndicators } from '@/lib/indicators/permissions';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Not the only guard (each page asks again, lib/ once more): a quick answer for the section.
  // Coordinators and analysts come in for the project's indicators only; every other page here
  // refuses them itself.
  const user = await signedIn('/admin', (u) => canAdminister(u) || canReadIndicators(u));
  const [t, ti] = await Promise.all([getTranslations('admin'), getTranslations('indicators')]);
  const indicators = { href: '/admin/indicators', label: ti('nav') };
  return (
    <div>
      <AdminNav
        label={t('navLabel')}
        items={
          canAdminister(user)
            ? [
                { href: '/admin', label: t('nav.overview') },
                { href: '/admin/users', label: t('nav.users') },
                { href: '/admin/communes', label: t('nav.communes') },
                { href: '/admin/audit', label: t('nav.audit') },
                { href: '/admin/mail', label: t('nav.mail') },
                indicators,
              ]
            : [indicators]
        }
      />
      {/* Staff pages only: the forms fetch the field errors once rather than every page carrying them. */}
      <ClientMessages namespaces={['admin', 'roles', 'communeKind', 'localityKind', 'mailPages']} audience="signed-in">
        {children}
      </ClientMessages>
    </div>
  );
}
