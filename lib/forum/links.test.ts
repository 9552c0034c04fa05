import { describe, expect, it } from 'vitest';
import { pageOfPost, postHref } from './links';
import { POSTS_PER_PAGE } from './schema';

describe('links to posts', () => {
  it('puts the last post of a page on that page and the next one on the next', () => {
    expect(pageOfPost(1)).toBe(1);
    expect(pageOfPost(POSTS_PER_PAGE)).toBe(1);
    expect(pageOfPost(POSTS_PER_PAGE + 1)).toBe(2);
    expect(pageOfPost(2000)).toBe(2000 / POSTS_PER_PAGE);
  });

  it('scrolls to the post on its page', () => {
    expect(postHref(7, POSTS_PER_PAGE * 3)).toBe(`/forum/threads/7?page=3#post-${POSTS_PER_PAGE * 3}`);
  });
});
