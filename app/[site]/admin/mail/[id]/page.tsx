import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getOutboxMessage } from '@/lib/mail/queries';
import { load, routeId, signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mailPages'))('adminTitle') };
}

/**
 * One message as it was queued: headers, plain text, attachments, and a link to its HTML (served
 * sandboxed by ./html), so a developer reads mail here without a mailbox.
 */
export default async function AdminMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const actor = await signedIn(`/admin/mail/${id}`, canAdminister);
  const message = await load(getOutboxMessage({ actor, id }));
  const t = await getTranslations('mailPages');
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeader title={t('messageTitle', { id: message.id })} lead={message.subject} />
      <p>
        <Link href="/admin/mail">{t('backToList')}</Link>
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('colTo')}</dt>
        <dd className="break-all">{message.toAddress}</dd>
        <dt className="font-semibold">{t('colKind')}</dt>
        <dd>
          <code>{message.kind}</code>
        </dd>
        <dt className="font-semibold">{t('colStatus')}</dt>
        <dd>
          {t(`status.${message.status}`)} ({message.attempts})
        </dd>
        <dt className="font-semibold">{t('colCreated')}</dt>
        <dd>{format.dateTime(message.createdAt, 'dateTimeSeconds')}</dd>
        {message.lastError ? (
          <>
            <dt className="font-semibold">{t('colError')}</dt>
            <dd className="break-all">{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      {Object.keys(message.headers).length > 0 ? (
        <section aria-labelledby="mail-headers" className="space-y-2">
          <h2 id="mail-headers">{t('headers')}</h2>
          <pre className="overflow-x-auto rounded-md bg-gray-100 p-3 text-sm whitespace-pre-wrap">
            {Object.entries(message.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n')}
          </pre>
        </section>
      ) : null}
      <section aria-labelledby="mail-text" className="space-y-2">
        <h2 id="mail-text">{t('textVersion')}</h2>
        <pre className="overflow-x-auto rounded-md bg-gray-100 p-3 text-sm whitespace-pre-wrap">{message.textBody}</pre>
      </section>
      <section aria-labelledby="mail-html" className="space-y-2">
        <h2 id="mail-html">{t('htmlVersion')}</h2>
        <p>
          <a href={`/admin/mail/${message.id}/html`}>{t('openHtml')}</a>
        </p>
      </section>
      {message.attachments.length > 0 ? (
        <section aria-labelledby="mail-attachments" className="space-y-2">
          <h2 id="mail-attachments">{t('attachments')}</h2>
          {message.attachments.map((a) => (
            <details key={a.filename}>
              <summary>
                {a.filename} ({a.contentType})
              </summary>
              <pre className="overflow-x-auto rounded-md bg-gray-100 p-3 text-sm whitespace-pre-wrap">{a.content}</pre>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
