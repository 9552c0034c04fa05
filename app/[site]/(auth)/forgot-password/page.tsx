import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { PageHeader } from '@/components/ui/page-header';
import { forgotPasswordAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('forgotTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth');
  return (
    <div className="space-y-6">
      <PageHeader title={t('forgotTitle')} lead={t('forgotIntro')} />
      <ForgotPasswordForm action={forgotPasswordAction} />
      <p>
        <Link href="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
