import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { UnsubscribeForm } from '@/components/mail/unsubscribe-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { readUnsubscribeToken } from '@/lib/mail/unsubscribe-token';
import { unsubscribeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mailPages'))('unsubscribeTitle') };
}

/** Where the "unsubscribe" link of an e-mail leads: one button, no sign-in. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const t = await getTranslations('mailPages');
  const { token, done } = await searchParams;
  const target = typeof token === 'string' ? readUnsubscribeToken(token) : null;
  if (!target) {
    return (
      <div className="space-y-6">
        <PageHeader title={t('unsubscribeTitle')} />
        <Alert tone="error">{t('unsubscribeInvalid')}</Alert>
        <p>
          <Link href="/account#mail">{t('manageInAccount')}</Link>
        </p>
      </div>
    );
  }
  const kind = t(`kinds.${target.kind}.label`);
  return (
    <div className="space-y-6">
      <PageHeader title={t('unsubscribeTitle')} />
      {done ? (
        <Alert tone="success">{t('unsubscribed', { kind })}</Alert>
      ) : (
        <>
          <p>{t('unsubscribeQuestion', { kind })}</p>
          <ClientMessages namespaces={['mailPages']}>
            <UnsubscribeForm action={unsubscribeAction} token={token!} />
          </ClientMessages>
        </>
      )}
      <p>
        <Link href="/account#mail">{t('manageInAccount')}</Link>
      </p>
    </div>
  );
}
