import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth';
import { canAdminister } from '@/lib/auth/permissions';
import { canReadIndicators } from '@/lib/indicators/permissions';
import { LOCALES } from '@/lib/i18n/locales';
import { NotificationBadge } from '@/components/forum/notification-badge';
import { NavLinks } from './nav-links';
import { requestCountyValues } from '@/lib/county';

/** The page frame's header; the layout passes in its server actions (components never import app/). */
export async function SiteHeader({
  user,
  signOutAction,
}: {
  /** The signed-in user, or null (always null on a kept public page). */
  user: CurrentUser | null;
  signOutAction: () => Promise<void>;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const items = [
    { href: '/forum', label: t('nav.forum') },
    { href: '/surveys', label: t('nav.surveys') },
    { href: '/results', label: t('nav.results') },
    { href: '/calendar', label: t('nav.calendar') },
    { href: '/news', label: t('nav.news') },
    { href: '/documents', label: t('nav.documents') },
    // Coordinators and analysts have one page of the administration: the project's indicators.
    ...(canAdminister(user) ? [{ href: '/admin', label: t('nav.admin') }] : canReadIndicators(user) ? [{ href: '/admin/indicators', label: t('indicators.nav') }] : []),
  ];
  const other = LOCALES.find((l) => l !== locale)!;
  // The frame's links are not prefetched (prefetch={false} here, in NavLinks and the footer): in
  // view on every page, they made some thirty prefetch requests per page viewed — a server load
  // as large as the page's own — for pages rendered per request, which a click fetches anyway.

  return (
    <header className="no-print border-b-4 border-brand-700 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" prefetch={false} className="flex items-baseline gap-2 text-ink no-underline">
          <span className="text-2xl font-extrabold tracking-tight text-brand-800">{t('meta.siteName')}</span>
          <span className="hidden text-sm text-muted sm:inline">{t('meta.tagline', await requestCountyValues())}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          {/* A plain post to app/api/locale: a full page load brings the page back in the other language. */}
          <form action="/api/locale" method="post">
            <input type="hidden" name="locale" value={other} />
            <button
              type="submit"
              lang={other}
              aria-label={t('language.switchTo', { language: t(`language.${other}`) })}
              className="min-h-11 rounded-md border-2 border-gray-400 px-3 py-1 text-sm font-semibold hover:bg-brand-50"
            >
              {/* The language's name alone: its accessible name ("Switch language to: English") must contain the visible words. */}
              {t(`language.${other}`)}
            </button>
          </form>
          {user ? (
            <>
              <NotificationBadge user={user} />
              <Link href="/account" prefetch={false} className="rounded-md px-3 py-2 font-semibold">
                <span className="sr-only">{t('nav.userMenu', { name: user.name })}</span>
                <span aria-hidden="true">{user.name}</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="min-h-11 rounded-md border-2 border-brand-700 px-3 py-1 font-semibold text-brand-800 hover:bg-brand-50">
                  {t('nav.signOut')}
                </button>
              </form>
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
        <NavLinks items={items} label={t('nav.label')} />
      </div>
    </header>
  );
}
