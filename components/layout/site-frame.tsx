import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ViewerAccount } from '@/components/viewer/viewer-store';
import type { CountyValues } from '@/lib/county';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** The browser's colour for the site (its brand green) and its icon, in every page's head. */
export const THEME_COLOR = '#17563f';
export const SITE_ICON = '/icon.svg';

/**
 * Every page's frame inside <body>: the skip link, the header, the page's own content as <main>,
 * the footer. One markup for the App Router's layout (app/[site]/layout.tsx) and the survey's page
 * (pages/[site]/s/[slug].tsx), each of which reads the data it shows.
 */
export function SiteFrame({ account, members, county, children }: { account: ViewerAccount | null; members: boolean; county: CountyValues; children: ReactNode }) {
  const t = useTranslations('nav');
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold"
      >
        {t('skip')}
      </a>
      <SiteHeader account={account} members={members} county={county} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter county={county} />
    </>
  );
}
