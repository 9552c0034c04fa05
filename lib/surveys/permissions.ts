import { hasRole, type CurrentUser } from '@/lib/auth/permissions';

// Who may do what with surveys. Residents need no account: filling an open survey is public.

/** Build, edit, publish, close, copy and preview surveys: coordinators and analysts. */
export function canManageSurveys(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator') || hasRole(user, 'analyst');
}

/** Type in paper questionnaires: survey operators, and coordinators who run the meetings. */
export function canEnterPaper(user: CurrentUser | null): boolean {
  return hasRole(user, 'operator') || hasRole(user, 'coordinator');
}

/** Download raw responses (CSV, JSON, codebook): analysts and coordinators. */
export function canExportResponses(user: CurrentUser | null): boolean {
  return hasRole(user, 'analyst') || hasRole(user, 'coordinator');
}

/** Generate and print invitation codes: coordinators (they hand the codes out). */
export function canManageInvitations(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator');
}

/** Anyone who has some survey back office to see: the management list. */
export function canSeeSurveyOffice(user: CurrentUser | null): boolean {
  return canManageSurveys(user) || canEnterPaper(user) || canExportResponses(user);
}
