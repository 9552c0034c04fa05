import 'server-only';
import { revalidatePath } from 'next/cache';
import { LOCALES } from '@/lib/i18n/locales';
import { PUBLIC_PAGES_ROOT, siteSegment } from './site';

// The kept public pages (app/public-pages/[site]/, app/_http/site.ts) that show what an action
// changed are thrown away at once, in every language and for every query: the next visitor gets
// a fresh render, on whichever instance (with REDIS_URL the cache and its invalidations are
// shared: cache-handler.mjs). Paths are route patterns of the rewritten tree, as Next.js requires.

const KEPT = `${PUBLIC_PAGES_ROOT}/[site]`;

/** Publication, withdrawal, a survey's status or texts: every results page. */
export function forgetKeptResults(): void {
  revalidatePath(`${KEPT}/results`, 'layout');
}

/**
 * A post added to a thread: every kept page of that thread, visitors' and members', in both
 * languages, with and without its page number (adding a page changes the pager on all of them),
 * the forum's lists and the dashboards' forum monitoring. The other threads' kept pages stay.
 * `pages`: the thread's pages now. A page number past the last is not found, so no kept page
 * stands for a page still to come.
 */
export function forgetKeptThread(threadId: number, pages: number): void {
  const path = `/forum/threads/${threadId}`;
  for (const locale of LOCALES) {
    for (let page = 0; page <= pages; page++) {
      const search = new URLSearchParams(page > 0 ? { page: String(page) } : {});
      for (const signedIn of [false, true]) revalidatePath(`${PUBLIC_PAGES_ROOT}/${siteSegment({ path, search, locale, signedIn })}${path}`);
    }
  }
  revalidatePath(`${KEPT}/forum`, 'page');
  revalidatePath(`${KEPT}/results/[slug]/forum`, 'page');
}

/** A thread's flags, an edit, a vote, moderation, membership, an account deleted: the forum's pages and its monitoring. */
export function forgetKeptForum(): void {
  revalidatePath(`${KEPT}/forum`, 'layout');
  revalidatePath(`${KEPT}/results/[slug]/forum`, 'page');
}

/** News or meetings: the home page lists the latest. */
export function forgetKeptHome(): void {
  revalidatePath(KEPT, 'page');
}

/** Places and areas show on every page: all of them. */
export function forgetAllKept(): void {
  revalidatePath(KEPT, 'layout');
}
