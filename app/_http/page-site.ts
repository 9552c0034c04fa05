import 'server-only';
import { connection } from 'next/server';
import { setRequestLocale } from 'next-intl/server';
import { getCurrentUser, type CurrentUser } from '@/lib/auth';
import { setPageAudience } from '@/lib/page-audience';
import { parseSite, type Site } from './site';

export type SiteParams = Promise<{ site: string }>;
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The request's site variant (app/_http/site.ts), and next-intl told its language. Every layout,
 * page and generateMetadata under app/[site]/ that may be a kept public page calls it first:
 * next-intl would otherwise look the language up in the request, which a kept page has not.
 */
export async function pageSite(params: SiteParams): Promise<Site> {
  const site = parseSite((await params).site);
  setRequestLocale(site.locale);
  setPageAudience(site.audience);
  // A page for a request is never kept, even one that happens to read nothing of the request.
  if (site.audience === 'session') await connection();
  return site;
}

/**
 * The signed-in user, or null. A kept page never asks: it is the same for every visitor, or for
 * every signed-in reader (their own bits arrive after it: components/viewer/).
 */
export async function viewerOf(site: Site): Promise<CurrentUser | null> {
  return site.audience === 'session' ? getCurrentUser() : null;
}

/** The page's query: from the segment on a kept page (reading searchParams would make it per request). */
export async function searchOf(site: Site, searchParams: SearchParams): Promise<Record<string, string | string[] | undefined>> {
  return site.query ? Object.fromEntries(site.query) : searchParams;
}
