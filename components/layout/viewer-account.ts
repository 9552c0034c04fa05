import 'server-only';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import type { ViewerAccount } from '@/components/viewer/viewer-store';
import type { CurrentUser } from '@/lib/auth';
import { countUnreadNotifications } from '@/lib/forum/notification-queries';
import { forumRoleLinks, siteRoleLinks } from './role-links';

/**
 * A signed-in reader's part of the header and menus, in the request's language: their name,
 * unread notifications and the links their roles add. Rendered into a page made for them
 * (app/[site]/layout.tsx, forum-nav.tsx: once per request, React's cache), or read by a members' kept
 * page after it (app/api/viewer), or by the survey's page (app/_http/survey-page-data.ts).
 */
export const viewerAccount = cache(async (user: CurrentUser): Promise<ViewerAccount> => {
  const [t, unread] = await Promise.all([getTranslations(), countUnreadNotifications({ actor: user }).catch(() => 0)]);
  return {
    name: user.name,
    label: t('nav.userMenu', { name: user.name }),
    unread,
    unreadLabel: t('forum.notifications.unread', { count: unread }),
    siteLinks: siteRoleLinks(user).map((link) => ({ href: link.href, label: t(link.key) })),
    forumLinks: forumRoleLinks(user).map((link) => ({ href: link.href, label: t(`forum.links.${link.key}`) })),
  };
});
