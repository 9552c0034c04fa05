import type { Metadata } from 'next';
import Link from 'next/link';
import { KeysetPagination } from '@/components/ui/pagination';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SelectField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { AuditSentence } from '@/components/admin/audit-sentence';
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
  // The raw entry, for whoever needs the codes and ids (an investigation, a bug report).
  const raw = (entry: AdminAuditEntry): ReactNode => {
    const typeKey = `admin.audit.targetTypes.${entry.targetType}` as Parameters<typeof t>[0];
    return (
      <details>
        <summary className="cursor-pointer">{t('admin.audit.rawDetails')}</summary>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt>{t('admin.audit.code')}</dt>
          <dd>
            <code>{entry.action}</code>
          </dd>
          <dt>{t('admin.audit.actorId')}</dt>
          <dd className="break-all">{entry.actorId ? <code>{entry.actorId}</code> : t('admin.audit.system')}</dd>
          <dt>{t('admin.audit.targetRef')}</dt>
          <dd className="break-all">
            {t.has(typeKey) ? t(typeKey) : entry.targetType} <code>{entry.targetId ?? '—'}</code>
          </dd>
        </dl>
        {Object.keys(entry.details).length ? <pre className="mt-1 max-w-md overflow-x-auto text-sm whitespace-pre-wrap break-all">{JSON.stringify(entry.details, null, 2)}</pre> : null}
      </details>
    );
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
        <DataTable caption={t('admin.audit.caption')} columns={[t('admin.audit.at'), t('admin.audit.action'), t('admin.audit.details')]}>
          {page.entries.map((entry) => (
            <tr key={entry.id} className={rowClass}>
              <td className="px-2 py-2 whitespace-nowrap">{format.dateTime(entry.at, 'dateTimeSeconds')}</td>
              {/* Room for the sentence: beside the unbroken date a phone left it a word per line. */}
              <td className="min-w-52 px-2 py-2">
                <AuditSentence entry={entry} />
              </td>
              <td className="px-2 py-2">{raw(entry)}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <KeysetPagination firstHref={cursor ? pageHref({ action, actorId }) : null} nextHref={page.nextCursor ? pageHref({ action, actorId, cursor: page.nextCursor }) : null} />
    </div>
  );
}
