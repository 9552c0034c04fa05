import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ViewerAccount } from '@/components/viewer/viewer-store';
import type { CountyValues } from '@/lib/county';
import { LOCALES } from '@/lib/i18n/locales';
import { MemberAccount, MemberNavLinks } from '@/components/viewer/member-account';
import { AccountLinks } from './account-links';
import { NavLinks } from './nav-links';

/**
 * The page frame's header. No data of its own (the caller reads it), so the same markup serves
 * the App Router's pages and the survey's page in pages/.
 */
export function SiteHeader({
  account: mine,
  members,
  county,
}: {
  /** The signed-in reader's part (components/layout/viewer-account.ts), or null: always null on a kept page. */
  account: ViewerAccount | null;
  /** The members' kept variant: the account links are everyone's until the reader's part is read (components/viewer/). */
  members: boolean;
  county: CountyValues;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const items = [
    { href: '/forum', label: t('nav.forum') },
    { href: '/surveys', label: t('nav.surveys') },
    { href: '/results', label: t('nav.results') },
    { href: '/calendar', label: t('nav.calendar') },
    { href: '/news', label: t('nav.news') },
    { href: '/documents', label: t('nav.documents') },
    ...(mine?.siteLinks ?? []),
  ];
  const signOut = (
    <form action="/api/sign-out" method="post">
      <button type="submit" className="min-h-11 rounded-md border-2 border-brand-700 px-3 py-1 font-semibold text-brand-800 hover:bg-brand-50">
        {t('nav.signOut')}
      </button>
    </form>
  );
  const other = LOCALES.find((l) => l !== locale)!;
  // The frame's links are not prefetched (prefetch={false} here, in NavLinks and the footer): in
  // view on every page, they made some thirty prefetch requests per page viewed — a server load
  // as large as the page's own — for pages rendered per request, which a click fetches anyway.

  return (
    <header className="no-print border-b-4 border-brand-700 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" prefetch={false} className="flex items-baseline gap-2 text-ink no-underline">
          <span className="text-2xl font-extrabold tracking-tight text-brand-800">{t('meta.siteName')}</span>
          <span className="hidden text-sm text-muted sm:inline">{t('meta.tagline', county)}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          {/* A plain post to app/api/locale: a full page load brings the page back in the other language. */}
          <form action="/api/locale" method="post">
            <input type="hidden" name="locale" value={other} />
            {/* The name is the visible text with "switch language to" before it (WCAG 2.5.3, label in name). */}
            <button type="submit" className="min-h-11 rounded-md border-2 border-gray-400 px-3 py-1 text-sm font-semibold hover:bg-brand-50">
              <span className="sr-only">{t('language.switchTo', { language: '' }).trim()} </span>
              <span lang={other}>
                {other.toUpperCase()} · {t(`language.${other}`)}
              </span>
            </button>
          </form>
          {members ? (
            <>
              <MemberAccount notifications={t('forum.notifications.badge')} fallback={t('nav.account')} signIn={t('nav.signIn')} />
              {signOut}
            </>
          ) : mine ? (
            <>
              <AccountLinks notifications={t('forum.notifications.badge')} account={mine} fallback={t('nav.account')} />
              {signOut}
            </>
          ) : (
            <>
              <Link href="/sign-in" prefetch={false} className="rounded-md px-3 py-2 font-semibold">
                {t('nav.signIn')}
              </Link>
              <Link href="/sign-up" prefetch={false} className="rounded-md bg-brand-700 px-3 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white">
                {t('nav.signUp')}
              </Link>
            </>
          )}
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-2 pb-2">
        {members ? <MemberNavLinks items={items} label={t('nav.label')} /> : <NavLinks items={items} label={t('nav.label')} />}
      </div>
    </header>
  );
}
