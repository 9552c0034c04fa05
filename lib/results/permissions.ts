import { hasRole, type CurrentUser } from '@/lib/auth/permissions';

// Who sees which results. The public sees the aggregates of open or closed surveys whose results a
// coordinator published; analysts and coordinators see every view of every survey with responses.

/** Every view and filter of every (non-draft) survey. */
export function canSeeAllResults(user: CurrentUser | null): boolean {
  return hasRole(user, 'analyst') || hasRole(user, 'coordinator');
}

/** Publish or withdraw a survey's results on the public page: coordinators. */
export function canPublishResults(user: CurrentUser | null): boolean {
  return hasRole(user, 'coordinator');
}

/** Is this survey's results page visible to the user? */
export function canSeeSurveyResults(user: CurrentUser | null, survey: { status: string; published: boolean }): boolean {
  if (survey.status === 'draft') return false;
  if (canSeeAllResults(user)) return true;
  return survey.published && (survey.status === 'open' || survey.status === 'closed');
}
