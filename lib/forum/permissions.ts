import { hasRole, type CurrentUser } from '@/lib/auth/permissions';

// The forum's rules in one place, pure functions of the user, their approved membership and the
// commune a thing belongs to (null: the whole county). lib/forum calls them before every read
// that is not public and every write; pages call them only to decide what to show.

/** A user's approved forum membership: the commune they speak for and as whom. */
export interface MemberSeat {
  membershipId: number;
  communeId: number;
  representation: 'locality' | 'ngo' | 'business';
}

/** Coordinators of the commune (or county-wide ones, or admins) decide applications and end memberships. */
export function canManageMembers(user: CurrentUser | null, communeId: number): boolean {
  return hasRole(user, 'coordinator', communeId);
}

/**
 * Writing in a thread: approved members of its commune (any member for a county thread), and
 * coordinators and moderators whose scope reaches it (for a county thread, any of them).
 */
export function canWrite(user: CurrentUser | null, seat: MemberSeat | null, communeId: number | null): boolean {
  if (!user) return false;
  const scope = communeId ?? undefined;
  if (hasRole(user, 'coordinator', scope) || hasRole(user, 'moderator', scope)) return true;
  return seat !== null && (communeId === null || seat.communeId === communeId);
}

/** Moderating a thread's posts: moderators of its commune or county-wide (county threads: county-wide only). */
export function canModerate(user: CurrentUser | null, communeId: number | null): boolean {
  return hasRole(user, 'moderator', communeId);
}

/** Opening a consultation and adding its summary: coordinators of its scope (county: county-wide only). */
export function canCoordinate(user: CurrentUser | null, communeId: number | null): boolean {
  return hasRole(user, 'coordinator', communeId);
}

/** Taking a position: approved members of the consultation's commune, or any member for a county one. */
export function canTakePosition(seat: MemberSeat | null, communeId: number | null): boolean {
  return seat !== null && (communeId === null || seat.communeId === communeId);
}

/** Rating services: approved members, for their own commune. */
export function canRate(seat: MemberSeat | null): seat is MemberSeat {
  return seat !== null;
}

/** Reporting a post: anyone signed in, except its author. */
export function canReport(user: CurrentUser | null, authorId: string | null): boolean {
  return user !== null && user.id !== authorId;
}

/** Editing a post: its author, while it is visible and the thread is open. */
export function canEdit(user: CurrentUser | null, post: { authorId: string | null; hidden: boolean }, locked: boolean): boolean {
  return user !== null && post.authorId === user.id && !post.hidden && !locked;
}

/** Who sees the text of a hidden post: moderators of its scope. Everyone else sees the reason only. */
export function canSeeHidden(user: CurrentUser | null, communeId: number | null): boolean {
  return canModerate(user, communeId);
}

/** Does the user moderate anything (the moderation queue link)? */
export function isModerator(user: CurrentUser | null): boolean {
  return hasRole(user, 'moderator');
}

export function isCoordinator(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator');
}
