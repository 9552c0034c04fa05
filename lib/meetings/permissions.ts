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

/**
 * The communes a user may publish in, for the form's select: null (the whole county) first when
 * they may, then each commune they coordinate (all of them for county-wide coordinators).
 */
export function publishableCommunes<C extends { id: number }>(user: CurrentUser | null, communes: C[]): { county: boolean; communes: C[] } {
  return {
    county: canManageMeeting(user, null),
    communes: communes.filter((c) => canManageMeeting(user, c.id)),
  };
}

/** publishableCommunes as the options of the form's select ('' is the whole county). */
export function publishableCommuneOptions(user: CurrentUser | null, communes: { id: number; name: string }[], countyLabel: string): { value: string; label: string }[] {
  const allowed = publishableCommunes(user, communes);
  return [...(allowed.county ? [{ value: '', label: countyLabel }] : []), ...allowed.communes.map((c) => ({ value: String(c.id), label: c.name }))];
}
