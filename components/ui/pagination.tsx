import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * Links for keyset pagination: back to the first page and on to the next one. (Keyset lists have
 * no page numbers; a cursor names where the next page starts.) `nextLabel` names what the next
 * page holds ("Older threads") where that says more than "Next".
 */
export async function KeysetPagination({ firstHref, nextHref, nextLabel }: { firstHref?: string | null; nextHref?: string | null; nextLabel?: string }) {
  if (!firstHref && !nextHref) return null;
  const t = await getTranslations('common');
  return (
    <nav aria-label={t('pagination')} className="flex flex-wrap gap-4">
      {firstHref ? <Link href={firstHref} prefetch={false}>{t('firstPage')}</Link> : null}
      {nextHref ? (
        <Link href={nextHref} rel="next" prefetch={false}>
          {nextLabel ?? t('nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
