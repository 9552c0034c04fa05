import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

/** Says plainly that a section exists in the menu but is not built yet. */
export async function NotReady({ section }: { section: 'forum' | 'surveys' | 'survey' | 'results' | 'calendar' | 'news' }) {
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={t(`sections.${section}`)} />
      <div role="status" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
        <h2 className="text-lg">{t('common.notReadyTitle')}</h2>
        <p>{t('common.notReadyBody', { section: t(`sections.${section}`) })}</p>
      </div>
      <p>
        <Link href="/">{t('common.backHome')}</Link>
      </p>
    </div>
  );
}
