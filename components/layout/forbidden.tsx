import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

/** What a signed-in user sees on a page their roles do not open. */
export async function Forbidden() {
  const t = await getTranslations();
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('errorPage.forbiddenTitle')} lead={t('errorPage.forbiddenBody')} />
      <Link href="/">{t('common.backHome')}</Link>
    </div>
  );
}
