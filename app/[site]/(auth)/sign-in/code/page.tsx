import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SecondStepForm } from '@/components/auth/second-step-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { safeCallbackUrl } from '@/lib/auth/schema';
import { hasPendingSecondStep } from '@/lib/auth/sign-in';
import { secondStepAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('codeTitle') };
}

export default async function SecondStepPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations('auth');
  const { callbackUrl } = await searchParams;
  const pending = await hasPendingSecondStep();
  return (
    <div className="space-y-6">
      <PageHeader title={t('codeTitle')} lead={t('codeIntro')} />
      {pending ? (
        <SecondStepForm action={secondStepAction} callbackUrl={safeCallbackUrl(callbackUrl)} />
      ) : (
        <Alert tone="info">
          {t('codeExpired')} <Link href="/sign-in">{t('submitSignIn')}</Link>
        </Alert>
      )}
    </div>
  );
}
