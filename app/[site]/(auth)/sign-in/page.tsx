import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { safeCallbackUrl } from '@/lib/auth/schema';
import { signInAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; verified?: string; passwordReset?: string }>;
}) {
  const t = await getTranslations('auth');
  const { callbackUrl, verified, passwordReset } = await searchParams;
  return (
    <div className="space-y-6">
      <PageHeader title={t('signInTitle')} lead={t('signInIntro')} />
      {verified ? <Alert tone="success">{t('verified')}</Alert> : null}
      {passwordReset ? <Alert tone="success">{t('passwordReset')}</Alert> : null}
      <SignInForm action={signInAction} callbackUrl={safeCallbackUrl(callbackUrl)} />
      <p>
        <Link href="/forgot-password">{t('forgotLink')}</Link>
      </p>
      <p>
        {t('noAccount')} <Link href="/sign-up">{t('submitSignUp')}</Link>
      </p>
    </div>
  );
}
