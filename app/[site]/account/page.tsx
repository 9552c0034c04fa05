import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { ChangeEmailForm } from '@/components/account/change-email-form';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentSessionId, getCurrentUser } from '@/lib/auth';
import { listSessions } from '@/lib/auth/sessions';
import { getSecondFactorStatus } from '@/lib/auth/two-factor';
import { EndSessionForm } from '@/components/account/end-session-form';
import { MailPreferencesForm } from '@/components/mail/mail-preferences-form';
import { getMailPreferences, getRepliesDaily } from '@/lib/mail/preferences';
import { listActiveCommunes } from '@/lib/places/queries';
import { changeEmailAction, changePasswordAction, deleteAccountAction, endSessionAction, mailPreferencesAction, signOutEverywhereAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ welcome?: string; passwordChanged?: string; emailChanged?: string; emailProblem?: string }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/account');
  if (user.mustEnrolSecondFactor) redirect('/account/two-factor');
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, 'dateTime');
  const secondFactor = await getSecondFactorStatus({ actor: user });
  const activeSessions = await listSessions({ actor: user, currentId: await getCurrentSessionId() });
  const { welcome, passwordChanged, emailChanged, emailProblem } = await searchParams;
  const problem = (['invalid', 'expired', 'used', 'taken'] as const).find((p) => p === emailProblem);
  const communeNames = new Map((await listActiveCommunes()).map((c) => [c.id, c.name]));

  return (
    <div className="space-y-10">
      <PageHeader title={t('account.title')} lead={t('account.intro', { name: user.name, email: user.email })} />
      {welcome ? <Alert tone="success">{t('auth.signedUp')}</Alert> : null}
      {passwordChanged ? <Alert tone="success">{t('account.passwordChanged')}</Alert> : null}
      {emailChanged ? <Alert tone="success">{t('mailPages.emailChanged')}</Alert> : null}
      {problem ? <Alert tone="error">{t(`mailPages.emailProblem_${problem}`)}</Alert> : null}

      <section aria-labelledby="roles" className="space-y-2">
        <h2 id="roles">{t('account.roles')}</h2>
        <ul className="list-disc pl-6">
          <li>{t('account.roleMember')}</li>
          {user.roles.map((grant) => (
            <li key={`${grant.role}-${grant.communeId ?? 'all'}`}>
              {t(`roles.${grant.role}`)} –{' '}
              {grant.communeId === null
                ? t('roles.scopeCounty')
                : t('roles.scopeCommune', { commune: communeNames.get(grant.communeId) ?? String(grant.communeId) })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="password" className="space-y-3">
        <h2 id="password">{t('account.passwordTitle')}</h2>
        <p className="text-muted">{t('account.passwordIntro')}</p>
        <ChangePasswordForm action={changePasswordAction} />
      </section>

      <section aria-labelledby="two-factor" className="space-y-3">
        <h2 id="two-factor">{t('account.twoFactorTitle')}</h2>
        <p className="text-muted">
          {secondFactor.enabled ? t('account.twoFactorOnShort', { count: secondFactor.recoveryCodesLeft }) : t('account.twoFactorOff')}
        </p>
        {secondFactor.enabled ? null : (
          <p>
            <Link href="/account/two-factor" className="font-semibold">
              {t('account.twoFactorSetUp')}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="email" className="space-y-3">
        <h2 id="email">{t('mailPages.emailTitle')}</h2>
        <p className="text-muted">{t('mailPages.emailIntro', { email: user.email })}</p>
        <ChangeEmailForm action={changeEmailAction} />
      </section>

      <section aria-labelledby="mail" className="space-y-3">
        <h2 id="mail">{t('mailPages.preferencesTitle')}</h2>
        <p className="text-muted">{t('mailPages.preferencesIntro')}</p>
        <MailPreferencesForm
          action={mailPreferencesAction}
          enabled={await getMailPreferences({ actor: user })}
          repliesDaily={await getRepliesDaily({ actor: user })}
        />
      </section>

      <section aria-labelledby="sessions" className="space-y-3">
        <h2 id="sessions">{t('account.sessionsTitle')}</h2>
        <p className="text-muted">{t('account.sessionsIntro')}</p>
        <ul aria-label={t('account.sessionsList')} className="space-y-2">
          {activeSessions.map((session) => {
            const label = `${session.userAgent || t('account.unknownBrowser')}, ${t('account.sessionCreated', { at: when(session.createdAt) })}`;
            return (
              <li key={session.id} className="flex flex-wrap items-center gap-3 rounded-md border border-gray-200 p-3">
                <span>
                  <strong>{session.userAgent || t('account.unknownBrowser')}</strong>
                  {session.current ? ` (${t('account.thisSession')})` : ''} — {t('account.sessionCreated', { at: when(session.createdAt) })},{' '}
                  {t('account.sessionLastSeen', { at: when(session.lastSeenAt) })}
                </span>
                {session.current ? null : <EndSessionForm action={endSessionAction} id={session.id} label={label} />}
              </li>
            );
          })}
        </ul>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </section>

      <section aria-labelledby="data" className="space-y-3">
        <h2 id="data">{t('account.dataTitle')}</h2>
        <p className="text-muted">{t('account.dataIntro')}</p>
        <p>
          <a href="/account/export" download className="font-semibold">
            {t('account.download')}
          </a>
        </p>
      </section>

      <section aria-labelledby="delete" className="space-y-3 rounded-md border-2 border-red-200 p-4">
        <h2 id="delete">{t('account.deleteTitle')}</h2>
        <p>{t('account.deleteIntro')}</p>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </div>
  );
}
