import 'server-only';
import { revalidatePath } from 'next/cache';
import { PUBLIC_PAGES_ROOT } from './site';

// The kept public pages (app/public-pages/[site]/, app/_http/site.ts) that show what an action
// changed are thrown away at once, in every language and for every query: the next visitor gets
// a fresh render, on whichever instance (with REDIS_URL the cache and its invalidations are
// shared: cache-handler.mjs). Paths are route patterns of the rewritten tree, as Next.js requires.

const KEPT = `${PUBLIC_PAGES_ROOT}/[site]`;

/** Publication, withdrawal, a survey's status or texts: every results page. */
export function forgetKeptResults(): void {
  revalidatePath(`${KEPT}/results`, 'layout');
}

/** A thread, post, vote or moderation: the forum's pages and the dashboards' forum monitoring. */
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
