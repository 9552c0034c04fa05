import { canAdminister, isAdmin, type CurrentUser } from '@/lib/auth/permissions';
import { canReadIndicators } from '@/lib/indicators/permissions';
import { isCoordinator, isModerator } from '@/lib/forum/permissions';

/**
 * The links a person's roles add to the site's menu and to the forum's, with their message keys:
 * one list for the pages rendered per request and for the reader's part of a members' kept page
 * (app/api/viewer), which cannot know the reader while it renders.
 */
export function siteRoleLinks(user: CurrentUser | null): { href: string; key: 'nav.admin' | 'indicators.nav' }[] {
  // Coordinators and analysts have one page of the administration: the project's indicators.
  if (canAdminister(user)) return [{ href: '/admin', key: 'nav.admin' }];
  if (canReadIndicators(user)) return [{ href: '/admin/indicators', key: 'indicators.nav' }];
  return [];
}

type ForumLinkKey = 'membership' | 'applications' | 'moderation' | 'settings';

/** The forum menu's links for a signed-in person (keys under forum.links). */
export function forumRoleLinks(user: CurrentUser | null): { href: string; key: ForumLinkKey }[] {
  if (!user) return [];
  return [
    { href: '/forum/membership', key: 'membership' as const },
    ...(isCoordinator(user) ? [{ href: '/forum/applications', key: 'applications' as const }] : []),
    ...(isModerator(user) ? [{ href: '/forum/moderation', key: 'moderation' as const }] : []),
    ...(isAdmin(user) ? [{ href: '/forum/settings', key: 'settings' as const }] : []),
  ];
}
