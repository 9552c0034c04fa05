import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/permissions';
import { countUnreadNotifications } from '@/lib/forum/notification-queries';

/** The header's link to the forum notifications, with the number of unread ones. */
export async function NotificationBadge({ user }: { user: CurrentUser }) {
  const t = await getTranslations('forum.notifications');
  const unread = await countUnreadNotifications({ actor: user }).catch(() => 0);
  return (
    <Link href="/forum/notifications" prefetch={false} className="inline-flex items-center gap-1 rounded-md px-3 py-2 font-semibold">
      {t('badge')}
      {unread > 0 ? (
        <span className="rounded-full bg-danger px-2 text-sm text-white">
          {unread}
          <span className="sr-only"> ({t('unread', { count: unread })})</span>
        </span>
      ) : null}
    </Link>
  );
}
