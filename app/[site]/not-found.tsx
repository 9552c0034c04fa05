import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('errorPage.notFoundTitle')} lead={t('errorPage.notFoundBody')} />
      <Link href="/">{t('common.backHome')}</Link>
    </div>
  );
}
