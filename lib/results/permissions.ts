import { communesWithRole, hasRole, type CurrentUser } from '@/lib/auth/permissions';
import { coverageOf, surveyReach } from '@/lib/surveys/permissions';

// Who sees which results. The public sees the aggregates of open or closed surveys whose results a
// coordinator published; analysts and coordinators see every view of every survey with responses.

/** Every view and filter of every (non-draft) survey. */
export function canSeeAllResults(user: CurrentUser | null): boolean {
  return hasRole(user, 'analyst') || hasRole(user, 'coordinator');
}

/**
 * Publish or withdraw a survey's results on the public page: coordinators of every commune the
 * survey covers (a county-wide survey: county-wide coordinators). Without a survey: may the user
 * publish any (the results list shows the buttons, each checked again with its survey).
 */
export function canPublishResults(user: CurrentUser | null, survey?: { communeIds: number[] }): boolean {
  return survey ? surveyReach(user, 'coordinator', coverageOf(survey), 'whole') : hasRole(user, 'coordinator');
}

/** Is this survey's results page visible to the user? */
export function canSeeSurveyResults(user: CurrentUser | null, survey: { status: string; published: boolean }): boolean {
  if (survey.status === 'draft') return false;
  if (canSeeAllResults(user)) return true;
  return survey.published && (survey.status === 'open' || survey.status === 'closed');
}

/**
 * Whose free-text answers the user may review and read once reviewed: analysts (and county-wide
 * coordinators) everyone's; a coordinator of some communes only answers from those communes, and
 * only in surveys open to at least one of them. null: none (a 403).
 */
export function freeTextScope(user: CurrentUser | null, survey: { status: string; communeIds: number[] }): 'all' | number[] | null {
  if (!user || survey.status === 'draft') return null;
  if (hasRole(user, 'analyst')) return 'all';
  const communes = communesWithRole(user, 'coordinator');
  if (communes === 'all') return 'all';
  const reach = survey.communeIds.length === 0 ? communes : communes.filter((id) => survey.communeIds.includes(id));
  return reach.length > 0 ? reach : null;
}
