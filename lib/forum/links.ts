import { POSTS_PER_PAGE } from './schema';

/** The page of its thread a post is on (posts are numbered from 1, POSTS_PER_PAGE to a page). */
export function pageOfPost(number: number): number {
  return Math.ceil(number / POSTS_PER_PAGE);
}

/** The address of a post: its thread's page, scrolled to the post. */
export function postHref(threadId: number, number: number): string {
  return `/forum/threads/${threadId}?page=${pageOfPost(number)}#post-${number}`;
}
