import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { checkResetToken } from '@/lib/auth/recovery';
import { resetPasswordAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('resetTitle') };
}

/** The form behind a reset link; an expired, used or unknown link gets a page that says so. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const t = await getTranslations('auth');
  const { token = '' } = await searchParams;
  const state = typeof token === 'string' && token ? await checkResetToken({ token }) : 'invalid';
  if (state !== 'valid') {
    return (
      <div className="space-y-6">
        <PageHeader title={t('linkProblemTitle')} />
        <Alert tone="error">{t(`resetLink_${state}`)}</Alert>
        <p>
          <Link href="/forgot-password">{t('requestNewLink')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader title={t('resetTitle')} lead={t('resetIntro')} />
      <ResetPasswordForm action={resetPasswordAction} token={token} />
    </div>
  );
}
