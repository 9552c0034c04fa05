import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { pageSite, viewerOf, type SiteParams } from '@/app/_http/page-site';
import { ClientMessages } from '@/components/layout/client-messages';
import { SITE_ICON, SiteFrame, THEME_COLOR } from '@/components/layout/site-frame';
import { viewerAccount } from '@/components/layout/viewer-account';
import { ViewerLoader } from '@/components/viewer/viewer-gate';
import { requestCountyValues } from '@/lib/county';
import { forMembers } from '@/lib/page-audience';
import '../globals.css';

// Rendered for each request (the kept public variant is app/public-pages/[site]/layout.tsx).
export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  const site = await pageSite(params);
  const t = await getTranslations({ locale: site.locale, namespace: 'meta' });
  return {
    title: { default: t('siteName'), template: `%s · ${t('siteName')}` },
    description: t('description', await requestCountyValues()),
    icons: { icon: SITE_ICON },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: THEME_COLOR };

export default async function RootLayout({ children, params }: { children: ReactNode; params: SiteParams }) {
  const site = await pageSite(params);
  // The header must render even when the database is down, so the page's own error screen shows.
  const user = await viewerOf(site).catch(() => null);
  const [account, county] = await Promise.all([user ? viewerAccount(user) : null, requestCountyValues()]);
  return (
    <html lang={site.locale}>
      <body className="flex min-h-screen flex-col">
        <ClientMessages>
          <SiteFrame account={account} members={forMembers()} county={county}>
            {children}
          </SiteFrame>
        </ClientMessages>
        {/* A page kept for every signed-in reader: their own part is read after it (components/viewer/). */}
        {site.audience === 'members' ? (
          <Suspense fallback={null}>
            <ViewerLoader />
          </Suspense>
        ) : null}
      </body>
    </html>
  );
}
