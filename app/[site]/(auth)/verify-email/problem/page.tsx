import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('linkProblemTitle') };
}

/**
 * Where a confirmation link that did not work ends (../route.ts does the work): an
 * expired, used or unknown link, each with what to do next.
 */
export default async function VerifyEmailProblemPage({ searchParams }: { searchParams: Promise<{ problem?: string }> }) {
  const t = await getTranslations('auth');
  const { problem } = await searchParams;
  const state = problem === 'expired' || problem === 'used' ? problem : 'invalid';
  return (
    <div className="space-y-6">
      <PageHeader title={t('linkProblemTitle')} />
      <Alert tone="error">{t(`verifyLink_${state}`)}</Alert>
      <p>
        <Link href={state === 'used' ? '/sign-in' : '/sign-up'}>{state === 'used' ? t('submitSignIn') : t('signUpAgain')}</Link>
      </p>
    </div>
  );
}
