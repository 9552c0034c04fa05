import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { PageHeader } from '@/components/ui/page-header';
import { safeCallbackUrl } from '@/lib/auth/schema';
import { signInAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations('auth');
  const { callbackUrl } = await searchParams;
  return (
    <div className="space-y-6">
      <PageHeader title={t('signInTitle')} lead={t('signInIntro')} />
      <SignInForm action={signInAction} callbackUrl={safeCallbackUrl(callbackUrl)} />
      <p>
        {t('noAccount')} <Link href="/sign-up">{t('submitSignUp')}</Link>
      </p>
    </div>
  );
}
