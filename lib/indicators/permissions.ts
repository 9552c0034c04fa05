import { communesWithRole, hasRole, type CurrentUser } from '@/lib/auth/permissions';

// The project office's indicators are for staff who account for the project: admins, analysts
// (county-wide by nature) and coordinators. A county-wide coordinator sees the whole county; a
// commune's coordinator sees their communes only (not the county-wide meetings, threads and news,
// which are the county office's). Moderators and operators do not report on the project.

/** The communes whose indicators the user may read: 'all' (with county-wide items), a list, or null (none). */
export function indicatorScope(user: CurrentUser | null): 'all' | number[] | null {
  if (!user) return null;
  if (hasRole(user, 'analyst')) return 'all'; // admins hold every role
  const communes = communesWithRole(user, 'coordinator');
  if (communes === 'all') return 'all';
  return communes.length > 0 ? communes : null;
}

/** May open /admin/indicators at all (the header's link, the admin section's door). */
export function canReadIndicators(user: CurrentUser | null): boolean {
  return indicatorScope(user) !== null;
}
