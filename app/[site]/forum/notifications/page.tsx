import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { KeysetPagination } from '@/components/ui/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { countUnreadNotifications, listNotifications } from '@/lib/forum/notification-queries';
import { markAllReadAction, openNotificationAction } from '../actions';
import { parseId, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.notifications'))('title') };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await signedIn('/forum/notifications');
  const cursor = parseId((await searchParams).cursor) ?? undefined;
  const [t, format, page, unread] = await Promise.all([
    getTranslations('forum.notifications'),
    getFormatter(),
    listNotifications({ actor: user, cursor }),
    countUnreadNotifications({ actor: user }),
  ]);
  const text = (n: (typeof page.notifications)[number]) => {
    const details = n.details as { by?: string; decision?: string; reason?: string };
    const thread = n.threadTitle ?? '';
    switch (n.kind) {
      case 'reply':
        return t('reply', { by: details.by ?? '', thread });
      case 'quote':
        return t('quote', { by: details.by ?? '', thread });
      case 'decision':
        return details.decision === 'approve'
          ? t('decisionApprove', { commune: n.communeName ?? '' })
          : t('decisionReject', { commune: n.communeName ?? '', reason: details.reason ?? '' });
      case 'post_hidden':
        return t('postHidden', { thread });
    }
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('unread', { count: unread })} />
      {unread > 0 ? <ActionButton action={markAllReadAction} fields={{}} label={t('markAll')} /> : null}
      {page.notifications.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="space-y-3">
          {page.notifications.map((n) => (
            <li key={n.id} className={`rounded-md border p-3 ${n.readAt ? 'border-gray-300' : 'border-brand-700 bg-brand-50'}`}>
              <p>
                {n.readAt ? null : <strong className="mr-2">{t('new')}:</strong>}
                {text(n)}
              </p>
              <p className="text-sm text-muted">{format.dateTime(n.createdAt, 'dateTime')}</p>
              <ActionButton action={openNotificationAction} fields={{ id: String(n.id) }} label={t('open')} context={text(n)} variant="link" />
            </li>
          ))}
        </ul>
      )}
      <KeysetPagination
        firstHref={cursor ? '/forum/notifications' : null}
        nextHref={page.nextCursor ? `/forum/notifications?cursor=${page.nextCursor}` : null}
        nextLabel={t('more')}
      />
    </div>
  );
}
