import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { GrantLabel } from '@/components/admin/grant-label';
import { GrantRoleForm } from '@/components/admin/grant-role-form';
import { PageHeader } from '@/components/ui/page-header';
import { getUser, listCommunes } from '@/lib/admin/queries';
import { grantRoleAction, resetSecondFactorAction, revokeRoleAction, setUserStatusAction } from '../../actions';
import { load, signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('user.title') };
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await signedIn(`/admin/users/${id}`, canAdminister);
  const user = await load(getUser({ actor, id }));
  const communes = (await listCommunes({ actor })).filter((c) => c.active);
  const t = await getTranslations();
  const format = await getFormatter();
  const isSelf = user.id === actor.id;
  const isDeleted = user.status === 'deleted';
  const displayName = user.name || t('common.deletedUser');
  const when = (date: Date | null) => (date ? format.dateTime(date, 'dateTime') : t('admin.user.never'));

  return (
    <div className="space-y-10">
      <PageHeader title={displayName} lead={isDeleted ? undefined : user.email}>
        <p>
          <Link href="/admin/users">{t('admin.user.backToList')}</Link>
        </p>
      </PageHeader>

      <section aria-labelledby="account" className="space-y-3">
        <h2 id="account">{t('admin.user.account')}</h2>
        <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">{t('admin.users.status')}</dt>
          <dd>{t(`admin.status.${user.status}`)}</dd>
          <dt className="font-semibold">{t('admin.users.createdAt')}</dt>
          <dd>{when(user.createdAt)}</dd>
          <dt className="font-semibold">{t('admin.user.lastSignIn')}</dt>
          <dd>{when(user.lastSignInAt)}</dd>
          <dt className="font-semibold">{t('admin.user.secondFactor')}</dt>
          <dd>{user.secondFactorSince ? t('admin.user.secondFactorSince', { at: when(user.secondFactorSince) }) : t('admin.user.secondFactorNone')}</dd>
          <dt className="font-semibold">{t('admin.user.locale')}</dt>
          <dd>{user.locale === 'en' ? t('language.en') : t('language.pl')}</dd>
        </dl>
        {isSelf ? (
          <p className="text-muted">{t('admin.user.selfNote')}</p>
        ) : isDeleted ? (
          <p className="text-muted">{t('admin.user.deletedNote')}</p>
        ) : user.status === 'active' ? (
          <>
            <p className="text-muted">{t('admin.user.disableHint')}</p>
            <ActionButton action={setUserStatusAction} fields={{ userId: user.id, status: 'disabled' }} label={t('admin.user.disable')} variant="danger" />
          </>
        ) : (
          <ActionButton action={setUserStatusAction} fields={{ userId: user.id, status: 'active' }} label={t('admin.user.enable')} />
        )}
        {user.secondFactorSince && !isSelf ? (
          <>
            <p className="text-muted">{t('admin.user.resetSecondFactorHint')}</p>
            <ActionButton action={resetSecondFactorAction} fields={{ userId: user.id }} label={t('admin.user.resetSecondFactor')} variant="danger" />
          </>
        ) : null}
        <p>
          <Link href={`/admin/audit?actorId=${user.id}`}>{t('admin.user.activity')}</Link>
        </p>
      </section>

      <section aria-labelledby="roles" className="space-y-3">
        <h2 id="roles">{t('admin.user.roles')}</h2>
        {user.roles.length === 0 ? (
          <p>{t('admin.user.noRoles')}</p>
        ) : (
          <ul className="max-w-2xl divide-y divide-gray-200">
            {user.roles.map((grant) => (
              <li key={grant.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>
                  <GrantLabel role={grant.role} communeName={grant.communeName} />
                  <span className="block text-sm text-muted">{t('admin.user.grantedAt', { date: when(grant.grantedAt) })}</span>
                </span>
                {isSelf && grant.role === 'admin' ? (
                  <span className="text-sm text-muted">{t('admin.user.ownAdminNote')}</span>
                ) : (
                  <ActionButton
                    action={revokeRoleAction}
                    fields={{ grantId: String(grant.id) }}
                    label={t('admin.user.revoke')}
                    context={`${t(`roles.${grant.role}`)}, ${grant.communeName ?? t('roles.scopeCounty')}`}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {isDeleted ? null : (
        <section aria-labelledby="grant" className="space-y-3">
          <h2 id="grant">{t('admin.user.grantTitle')}</h2>
          <GrantRoleForm action={grantRoleAction} userId={user.id} communes={communes.map((c) => ({ id: c.id, name: c.name }))} />
        </section>
      )}
    </div>
  );
}
