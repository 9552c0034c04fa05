import { communesWithRole, hasRole, type CurrentUser } from '@/lib/auth/permissions';

// Who may do what with surveys. Residents need no account: filling an open survey is public.
// Every right that concerns one survey is scoped through one rule, surveyReach: a scoped role
// (a commune's coordinator) reaches a survey only as far as its communes go.

/** The communes a survey covers ('all': the county); an empty stored list means all. */
export type Coverage = number[] | 'all';

/**
 * The one scope rule of this domain. 'whole': the user's grants of `role` reach every commune the
 * survey covers (a county-wide survey: a county-wide grant only). 'some': they reach at least one.
 */
export function surveyReach(user: CurrentUser | null, role: 'coordinator', coverage: Coverage, extent: 'whole' | 'some'): boolean {
  const reach = communesWithRole(user, role);
  if (reach === 'all') return true;
  if (reach.length === 0) return false;
  if (coverage === 'all') return extent === 'some';
  return extent === 'whole' ? coverage.every((id) => reach.includes(id)) : coverage.some((id) => reach.includes(id));
}

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
export function coverageOf(survey: { communeIds: number[] }): Coverage {
  return survey.communeIds.length > 0 ? survey.communeIds : 'all';
}

/** Edit, publish, close or copy this survey: a builder whose reach includes every commune it covers. */
export function canManageSurvey(user: CurrentUser | null, survey: { communeIds: number[] }): boolean {
  return mayCoverCommunes(user, coverageOf(survey));
}

/**
 * Type in paper questionnaires: survey operators (always county-wide) anywhere; a coordinator who
 * runs the meetings for the communes they coordinate. Without a commune: may they open the survey's
 * paper form at all (some of its communes are theirs)? With one: may they enter a form from it?
 */
export function canEnterPaper(user: CurrentUser | null, survey?: { communeIds: number[] }, communeId?: number): boolean {
  if (hasRole(user, 'operator')) return true;
  if (!survey) return hasRole(user, 'coordinator');
  const coverage = communeId === undefined ? coverageOf(survey) : [communeId];
  return surveyReach(user, 'coordinator', coverage, communeId === undefined ? 'some' : 'whole');
}

/**
 * Download raw responses (CSV, JSON, codebook): analysts; coordinators of some commune the survey
 * covers (openResponseExport then gives them only their communes' responses).
 */
export function canExportResponses(user: CurrentUser | null, survey?: { communeIds: number[] }): boolean {
  if (hasRole(user, 'analyst')) return true;
  return survey ? surveyReach(user, 'coordinator', coverageOf(survey), 'some') : hasRole(user, 'coordinator');
}

/** Generate and print invitation codes: coordinators (they hand the codes out) of every commune the survey covers. */
export function canManageInvitations(user: CurrentUser | null, survey?: { communeIds: number[] }): boolean {
  return survey ? surveyReach(user, 'coordinator', coverageOf(survey), 'whole') : hasRole(user, 'coordinator');
}

/** Anyone who has some survey back office to see: the management list. */
export function canSeeSurveyOffice(user: CurrentUser | null): boolean {
  return canManageSurveys(user) || canEnterPaper(user) || canExportResponses(user);
}
