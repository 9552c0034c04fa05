import { hasRole, type CurrentUser } from '@/lib/auth/permissions';
import type { MemberSeat } from '@/lib/forum/permissions';

// Documents follow the meetings' and news' rule: coordinators publish and edit them — county-wide,
// or of the document's commune (a county document needs a county-wide coordinator) — and admins
// (hasRole counts them). An attachment belongs to the commune of what it is attached to.

/** May publish, edit, version or delete a document of this commune (null: the whole county). */
export function canManageDocument(user: CurrentUser | null, communeId: number | null): boolean {
  return hasRole(user, 'coordinator', communeId);
}

/** May publish documents at all (the "add a document" links). */
export function canPublishDocuments(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator');
}

/**
 * Who reads members-only documents: approved forum members (of any commune: the forum's materials
 * are shared across the county) and staff — anyone holding a role. A staff account that has not
 * yet enrolled its second factor holds no roles until it does.
 */
export function canReadMembersOnly(user: CurrentUser | null, seat: MemberSeat | null): boolean {
  return user !== null && (user.roles.length > 0 || seat !== null);
}
