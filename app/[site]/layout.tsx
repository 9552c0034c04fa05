import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { pageSite, viewerOf, type SiteParams } from '@/app/_http/page-site';
import { ClientMessages } from '@/components/layout/client-messages';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ViewerLoader } from '@/components/viewer/viewer-gate';
import { signOutAction } from './actions';
import { requestCountyValues } from '@/lib/county';
import '../globals.css';

// Rendered for each request (the kept public variant is app/public-pages/[site]/layout.tsx).
export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  const site = await pageSite(params);
  const t = await getTranslations({ locale: site.locale, namespace: 'meta' });
  return {
    title: { default: t('siteName'), template: `%s · ${t('siteName')}` },
    description: t('description', await requestCountyValues()),
    icons: { icon: '/icon.svg' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#17563f' };

export default async function RootLayout({ children, params }: { children: ReactNode; params: SiteParams }) {
  const site = await pageSite(params);
  const t = await getTranslations('nav');
  // The header must render even when the database is down, so the page's own error screen shows.
  const user = await viewerOf(site).catch(() => null);
  return (
    <html lang={site.locale}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold"
        >
          {t('skip')}
        </a>
        <ClientMessages>
          <SiteHeader user={user} signOutAction={signOutAction} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
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
