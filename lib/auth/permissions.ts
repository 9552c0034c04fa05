import { AppError, type ErrorCode } from '@/lib/errors';

export const ROLES = ['admin', 'coordinator', 'moderator', 'analyst', 'operator'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may be limited to one commune; the others are always county-wide. */
export const SCOPABLE_ROLES: readonly Role[] = ['coordinator', 'moderator'];

export interface RoleGrant {
  role: Role;
  /** null: the whole county. */
  communeId: number | null;
}

/** The signed-in user as every permission rule sees them: read fresh from the database each request. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  roles: RoleGrant[];
  /**
   * A staff account without a second factor: its roles are withheld (roles is empty) and it may
   * do nothing but enrol (lib/action.ts refuses every other action).
   */
  mustEnrolSecondFactor?: true;
}

/**
 * Every role beyond "member" can reach residents' data or change what the public sees, so each
 * needs a second factor (ASVS 5.0 level 2); members may add one if they wish.
 */
export function requiresSecondFactor(roles: readonly RoleGrant[]): boolean {
  return roles.length > 0;
}

/**
 * Does the user hold `role`? With a commune, a county-wide grant or a grant for that commune
 * counts; without one, any grant of the role does. Admins hold every role everywhere.
 */
export function hasRole(user: CurrentUser | null, role: Role, communeId?: number | null): boolean {
  if (!user) return false;
  return user.roles.some(
    (grant) =>
      grant.role === 'admin' ||
      (grant.role === role && (communeId === undefined || grant.communeId === null || grant.communeId === communeId)),
  );
}

export function isAdmin(user: CurrentUser | null): boolean {
  return Boolean(user?.roles.some((grant) => grant.role === 'admin'));
}

/** The communes a scoped role reaches, or 'all' for a county-wide grant (or an admin). */
export function communesWithRole(user: CurrentUser | null, role: Role): 'all' | number[] {
  if (!user) return [];
  if (isAdmin(user) || user.roles.some((g) => g.role === role && g.communeId === null)) return 'all';
  return user.roles.filter((g) => g.role === role && g.communeId !== null).map((g) => g.communeId!);
}

/** Throws "unauthorized" when nobody is signed in; otherwise returns the user. */
export function requireUser(user: CurrentUser | null): CurrentUser {
  if (!user) throw new AppError('unauthorized');
  return user;
}

/** Throws the given code (a 403 by default) unless the condition holds. */
export function ensure(condition: boolean, code: ErrorCode = 'forbidden'): asserts condition {
  if (!condition) throw new AppError(code);
}

/** Administration pages: users, roles, communes, the audit log. */
export function canAdminister(user: CurrentUser | null): boolean {
  return isAdmin(user);
}
