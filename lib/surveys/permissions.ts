import { communesWithRole, hasRole, type CurrentUser } from '@/lib/auth/permissions';

// Who may do what with surveys. Residents need no account: filling an open survey is public.

/** Build, edit, publish, close, copy and preview surveys: coordinators and analysts. */
export function canManageSurveys(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator') || hasRole(user, 'analyst');
}

/**
 * The communes a survey builder may cover: 'all' for analysts (always county-wide) and county-wide
 * coordinators; a coordinator scoped to a commune reaches only their own commune(s).
 */
export function surveyCommuneScope(user: CurrentUser | null): 'all' | number[] {
  if (hasRole(user, 'analyst')) return 'all';
  return communesWithRole(user, 'coordinator');
}

/**
 * May the user cover exactly these communes (or, for 'all', every commune)? Checked on the
 * communes a form asks for and on those a survey already covers before it may be changed.
 */
export function mayCoverCommunes(user: CurrentUser | null, communeIds: number[] | 'all'): boolean {
  if (!canManageSurveys(user)) return false;
  const scope = surveyCommuneScope(user);
  if (scope === 'all') return true;
  return communeIds !== 'all' && communeIds.every((id) => scope.includes(id));
}

/** The communes a stored survey covers; an empty list (surveys saved before the picker) means all. */
export function coverageOf(survey: { communeIds: number[] }): number[] | 'all' {
  return survey.communeIds.length > 0 ? survey.communeIds : 'all';
}

/** Edit, publish, close or copy this survey: a builder whose reach includes every commune it covers. */
export function canManageSurvey(user: CurrentUser | null, survey: { communeIds: number[] }): boolean {
  return mayCoverCommunes(user, coverageOf(survey));
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
