import type { Metadata } from 'next';
import Link from 'next/link';
import { KeysetPagination } from '@/components/ui/pagination';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { getFormatter, getTranslations } from 'next-intl/server';
import { GrantLabel } from '@/components/admin/grant-label';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { listUsers } from '@/lib/admin/queries';
import { userListParamsSchema } from '@/lib/admin/schema';
import { signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('users.title') };
}

function pageHref(params: { q?: string; cursor?: string }) {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.cursor) search.set('cursor', params.cursor);
  const query = search.toString();
  return query ? `/admin/users?${query}` : '/admin/users';
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await signedIn('/admin/users', canAdminister);
  const { q, cursor } = userListParamsSchema.parse(await searchParams);
  const t = await getTranslations();
  const format = await getFormatter();
  const page = await listUsers({ actor, query: q, cursor });

  return (
    <div className="space-y-6">
      <PageHeader title={t('admin.users.title')} lead={t('admin.users.lead')} />

      <form role="search" method="get" action="/admin/users" className="flex max-w-xl flex-wrap items-end gap-3">
        <TextField id="user-search" name="q" type="search" label={t('admin.users.search')} hint={t('admin.users.searchHint')} defaultValue={q} maxLength={100} className="min-w-64 flex-1" />
        <Button type="submit" variant="secondary">
          {t('admin.users.searchSubmit')}
        </Button>
      </form>
      {q ? (
        <p>
          {t('admin.users.resultsFor', { query: q })} <Link href="/admin/users">{t('admin.users.clearSearch')}</Link>
        </p>
      ) : null}

      {page.users.length === 0 ? (
        <p role="status">{q ? t('admin.users.noMatches') : t('admin.users.empty')}</p>
      ) : (
        <DataTable caption={t('admin.users.caption')} columns={[t('admin.users.name'), t('admin.users.email'), t('admin.users.status'), t('admin.users.roles'), t('admin.users.createdAt')]}>
              {page.users.map((user) => (
                <tr key={user.id} className={rowClass}>
                  <th scope="row" className="px-2 py-2 font-normal">
                    <Link href={`/admin/users/${user.id}`}>{user.name || t('common.deletedUser')}</Link>
                  </th>
                  <td className="px-2 py-2 whitespace-nowrap">{user.status === 'deleted' ? '—' : user.email}</td>
                  <td className="px-2 py-2">{t(`admin.status.${user.status}`)}</td>
                  <td className="px-2 py-2">
                    {user.roles.length === 0 ? (
                      t('roles.member')
                    ) : (
                      <ul>
                        {user.roles.map((grant) => (
                          <li key={grant.id}>
                            <GrantLabel role={grant.role} communeName={grant.communeName} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-2 py-2 whitespace-nowrap">{format.dateTime(user.createdAt, { dateStyle: 'medium' })}</td>
                </tr>
              ))}
            </DataTable>
      )}

      <KeysetPagination firstHref={cursor ? pageHref({ q }) : null} nextHref={page.nextCursor ? pageHref({ q, cursor: page.nextCursor }) : null} />
    </div>
  );
}
