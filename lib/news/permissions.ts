import { hasRole, type CurrentUser } from '@/lib/auth/permissions';

// Articles follow the meetings' rule: coordinators of the article's commune or county-wide, and admins.

export function canManageArticle(user: CurrentUser | null, communeId: number | null): boolean {
  return hasRole(user, 'coordinator', communeId);
}

export function canPublishNews(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator');
}
