import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CountyValues } from '@/lib/county';

/** The page frame's footer: what Agora is, the office that runs it (from the deployment file), the statements. */
export function SiteFooter({ county }: { county: CountyValues }) {
  const t = useTranslations('footer');
  return (
    <footer className="no-print mt-12 border-t border-gray-300 bg-brand-50">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:grid-cols-[2fr_1.5fr_1fr]">
        <p className="text-sm text-muted">{county.project ? t('aboutProject', county) : t('about', county)}</p>
        <section aria-labelledby="footer-contact" className="text-sm">
          <h2 id="footer-contact" className="mb-1 text-base">
            {t('contact')}
          </h2>
          <address className="not-italic">
            <span className="block font-semibold">{county.office}</span>
            <span className="block">{county.officeAddress}</span>
            {/* 28 px tall, not a 20 px line: a finger's target (WCAG 2.5.8). */}
            <a className="block py-1" href={`mailto:${county.officeEmail}`}>
              {county.officeEmail}
            </a>
            <a className="block py-1" href={`tel:${county.officePhone.replace(/[^+0-9]/g, '')}`}>
              {t('phone', { phone: county.officePhone })}
            </a>
          </address>
        </section>
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
