import { hasRole, type CurrentUser } from '@/lib/auth/permissions';

// Meetings are published and edited by coordinators — county-wide, or of the meeting's commune
// (a county-wide meeting needs a county-wide coordinator) — and by admins (hasRole counts them).

/** May publish or edit a meeting of this commune (null: the whole county). */
export function canManageMeeting(user: CurrentUser | null, communeId: number | null): boolean {
  return hasRole(user, 'coordinator', communeId);
}

/** May publish meetings at all (shows the "new meeting" link). */
export function canPublishMeetings(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator');
}

/** Anyone signed in may say they will come. */
export function canAttend(user: CurrentUser | null): boolean {
  return user !== null;
}
