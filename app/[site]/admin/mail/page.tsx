import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { Button } from '@/components/ui/button';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { KeysetPagination } from '@/components/ui/pagination';
import { MAIL_STATUSES, type MailStatusName as MailStatus } from '@/lib/mail/kinds';
import { countOutbox, describeMailTarget, listOutbox } from '@/lib/mail/queries';
import { parseId, signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';
import { resendMailAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mailPages'))('adminTitle') };
}

const STATUSES = MAIL_STATUSES;

function pageHref(params: { status?: string; cursor?: number }) {
  const search = new URLSearchParams();
  if (params.status) search.set('status', params.status);
  if (params.cursor) search.set('cursor', String(params.cursor));
  const query = search.toString();
  return query ? `/admin/mail?${query}` : '/admin/mail';
}

/** The outbox for admins: state, failures with their reason, resend; in development, the mailbox. */
export default async function AdminMailPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const actor = await signedIn('/admin/mail', canAdminister);
  const params = await searchParams;
  const status = STATUSES.includes(params.status as MailStatus) ? (params.status as MailStatus) : undefined;
  const cursor = parseId(params.cursor) ?? undefined;
  const t = await getTranslations('mailPages');
  const format = await getFormatter();
  const [page, counts] = await Promise.all([listOutbox({ actor, status, cursor }), countOutbox({ actor })]);
  const target = describeMailTarget({ actor });

  return (
    <div className="space-y-6">
      <PageHeader title={t('adminTitle')} lead={t('adminIntro')} />
      <p>{target.smtp ? t('adminTransport', { target: target.smtp }) : t('adminDevelopment', { dir: target.dir })}</p>
      <p role="status">{t('counts', { queued: counts.queued + counts.sending, sent: counts.sent, failed: counts.failed })}</p>

      <form method="get" action="/admin/mail" className="flex max-w-xl flex-wrap items-end gap-3">
        <SelectField
          id="mail-status"
          name="status"
          label={t('filterLabel')}
          defaultValue={status ?? ''}
          options={[{ value: '', label: t('filterAll') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          className="min-w-64 flex-1"
        />
        <Button type="submit" variant="secondary">
          {t('filterLabel')}
        </Button>
      </form>

      {page.messages.length === 0 ? (
        <p role="status">{t('empty')}</p>
      ) : (
        <DataTable caption={t('adminTitle')} columns={[t('colCreated'), t('colTo'), t('colSubject'), t('colStatus'), t('colAttempts'), t('colError'), t('colActions')]}>
          {page.messages.map((m) => (
            <tr key={m.id} className={rowClass}>
              <td className="px-2 py-2 whitespace-nowrap">{format.dateTime(m.createdAt, 'shortDateTimeSeconds')}</td>
              <td className="px-2 py-2 whitespace-nowrap">{m.toAddress}</td>
              <td className="px-2 py-2">
                <Link href={`/admin/mail/${m.id}`}>{m.subject}</Link>
                <code className="block text-sm text-muted">{m.kind}</code>
              </td>
              <td className="px-2 py-2">{t(`status.${m.status}`)}</td>
              <td className="px-2 py-2">{m.attempts}</td>
              <td className="min-w-48 px-2 py-2 text-sm break-words">{m.lastError ?? '—'}</td>
              <td className="px-2 py-2">
                {m.status === 'failed' ? <ActionButton action={resendMailAction} fields={{ id: String(m.id) }} label={t('resend')} context={m.subject} /> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <KeysetPagination
        firstHref={cursor ? pageHref({ status }) : null}
        nextHref={page.nextCursor ? pageHref({ status, cursor: page.nextCursor }) : null}
        nextLabel={t('older')}
      />
    </div>
  );
}
