import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { EnrolSecondFactorForm } from '@/components/account/enrol-second-factor-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { getEnrolment, getSecondFactorStatus } from '@/lib/auth/two-factor';
import { enrolSecondFactorAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('twoFactorTitle') };
}

export default async function TwoFactorPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/account/two-factor');
  const t = await getTranslations('account');
  const format = await getFormatter();
  const status = await getSecondFactorStatus({ actor: user });
  const enrolment = status.enabled ? null : await getEnrolment({ actor: user });
  return (
    <div className="space-y-6">
      <PageHeader title={t('twoFactorTitle')} lead={t('twoFactorIntro')} />
      {user.mustEnrolSecondFactor ? <Alert tone="error">{t('twoFactorRequired')}</Alert> : null}
      {/* Always this one component, so the recovery codes it shows survive the page's refresh after enrolment. */}
      <EnrolSecondFactorForm
        action={enrolSecondFactorAction}
        enrolment={enrolment}
        enabledNote={
          status.enabled
            ? `${t('twoFactorOn', { at: status.enabledAt ? format.dateTime(status.enabledAt, 'dateTime') : '' })} ${t('recoveryCodesLeft', { count: status.recoveryCodesLeft })}`
            : null
        }
      />
    </div>
  );
}
