import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('footer');
  return (
    <footer className="no-print mt-12 border-t border-gray-300 bg-brand-50">
      <div className="mx-auto grid max-w-6xl gap-4 px-4 py-8 sm:grid-cols-[2fr_1fr]">
        <p className="text-sm text-muted">{t('about')}</p>
        <nav aria-label={t('links')}>
          <ul className="space-y-2 text-sm">
            <li>
              <Link href="/accessibility" prefetch={false}>{t('accessibility')}</Link>
            </li>
            <li>
              <Link href="/privacy" prefetch={false}>{t('privacy')}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
