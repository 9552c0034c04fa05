import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('checkMailTitle') };
}

/** Shown after every reset request, for a registered and an unknown address alike. */
export default async function ForgotPasswordSentPage() {
  const t = await getTranslations('auth');
  return (
    <div className="space-y-6">
      <PageHeader title={t('checkMailTitle')} lead={t('forgotSent')} />
      <p>{t('checkMailHint')}</p>
    </div>
  );
}
