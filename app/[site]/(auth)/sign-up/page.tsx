import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { PageHeader } from '@/components/ui/page-header';
import { signUpAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUpTitle') };
}

export default async function SignUpPage() {
  const t = await getTranslations('auth');
  return (
    <div className="space-y-6">
      <PageHeader title={t('signUpTitle')} lead={t('signUpIntro')} />
      <SignUpForm action={signUpAction} />
      <p>
        {t('haveAccount')} <Link href="/sign-in">{t('submitSignIn')}</Link>
      </p>
    </div>
  );
}
