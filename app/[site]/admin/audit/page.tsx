import type { Metadata } from 'next';
import Link from 'next/link';
import { KeysetPagination } from '@/components/ui/pagination';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SelectField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getUser, listAuditActions, listAuditLog, type AdminAuditEntry } from '@/lib/admin/queries';
import { auditListParamsSchema } from '@/lib/admin/schema';
import { signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('audit.title') };
}

function pageHref(params: { action?: string; actorId?: string; cursor?: string }) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/admin/audit?${query}` : '/admin/audit';
}

const targetPages: Record<string, (id: string) => string> = {
  user: (id) => `/admin/users/${id}`,
  commune: (id) => `/admin/communes/${id}`,
};

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await signedIn('/admin/audit', canAdminister);
  const { action, actorId, cursor } = auditListParamsSchema.parse(await searchParams);
  const t = await getTranslations();
  const format = await getFormatter();
  const [page, actions, filteredActor] = await Promise.all([
    listAuditLog({ actor, action, actorId, cursor }),
    listAuditActions({ actor }),
    actorId ? getUser({ actor, id: actorId }).catch(() => null) : null,
  ]);

  // Codes other domains add later show as they are until the catalogue names them.
  const actionLabel = (code: string) => {
    const key = `admin.auditActions.${code}` as Parameters<typeof t>[0];
    return code.includes('.') && t.has(key) ? t(key) : code;
  };
  const who = (entry: AdminAuditEntry): ReactNode => {
    if (!entry.actorId) return t('admin.audit.system');
    if (entry.actorStatus === 'deleted') return t('common.deletedUser');
    return (
      <>
        <Link href={`/admin/users/${entry.actorId}`}>{entry.actorName}</Link>
        <span className="block text-sm break-all text-muted">{entry.actorEmail}</span>
      </>
    );
  };
  const target = (entry: AdminAuditEntry): ReactNode => {
    const typeKey = `admin.audit.targetTypes.${entry.targetType}` as Parameters<typeof t>[0];
    const type = t.has(typeKey) ? t(typeKey) : entry.targetType;
    const href = entry.targetId ? targetPages[entry.targetType]?.(entry.targetId) : undefined;
    if (!entry.targetId) return type;
    return href ? <Link href={href}>{`${type} ${entry.targetId}`}</Link> : `${type} ${entry.targetId}`;
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t('admin.audit.title')} lead={t('admin.audit.lead')} />

      <form method="get" action="/admin/audit" className="flex max-w-xl flex-wrap items-end gap-3">
        <SelectField
          id="audit-action"
          name="action"
          label={t('admin.audit.filterAction')}
          defaultValue={action ?? ''}
          options={[{ value: '', label: t('admin.audit.allActions') }, ...actions.map((code) => ({ value: code, label: actionLabel(code) }))]}
          className="min-w-64 flex-1"
        />
        {actorId ? <input type="hidden" name="actorId" value={actorId} /> : null}
        <Button type="submit" variant="secondary">
          {t('admin.audit.filterSubmit')}
        </Button>
      </form>
      {actorId ? (
        <p>
          {t('admin.audit.byActor', { name: filteredActor?.name || t('common.deletedUser') })}{' '}
          <Link href={pageHref({ action })}>{t('admin.audit.allActors')}</Link>
        </p>
      ) : null}

      {page.entries.length === 0 ? (
        <p role="status">{t('admin.audit.empty')}</p>
      ) : (
        <DataTable caption={t('admin.audit.caption')} columns={[t('admin.audit.at'), t('admin.audit.actor'), t('admin.audit.action'), t('admin.audit.target'), t('admin.audit.details')]}>
              {page.entries.map((entry) => (
                <tr key={entry.id} className={rowClass}>
                  <td className="px-2 py-2 whitespace-nowrap">{format.dateTime(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td className="px-2 py-2">{who(entry)}</td>
                  <td className="px-2 py-2">
                    {actionLabel(entry.action)}
                    <code className="block text-sm text-muted">{entry.action}</code>
                  </td>
                  <td className="px-2 py-2">{target(entry)}</td>
                  <td className="px-2 py-2">
                    {Object.keys(entry.details).length ? <code className="text-sm break-all">{JSON.stringify(entry.details)}</code> : '—'}
                  </td>
                </tr>
              ))}
            </DataTable>
      )}

      <KeysetPagination firstHref={cursor ? pageHref({ action, actorId }) : null} nextHref={page.nextCursor ? pageHref({ action, actorId, cursor: page.nextCursor }) : null} />
    </div>
  );
}
