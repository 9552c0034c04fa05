// Which variant of the site a request renders: its language, and whether it is a visitor's
// shared public page or a page rendered for its request.
//
// Every page lives under one root segment, app/[site]/. proxy.ts rewrites /forum to /pl/forum
// (rendered per request: it may read the session) or, for a visitor without a session asking for
// a page that looks the same to every such visitor, to /public-pages/pl.public/forum. That tree
// (app/public-pages/[site]/) re-exports the same pages as static: they never read a cookie or a
// header, so Next.js renders each once and keeps it (ISR) until its data changes (revalidatePath,
// app/_http/kept-pages.ts) or its revalidate time passes. Two trees, because Next.js keeps or
// renders per route, not per request. The query of a public page travels inside the segment (keys
// allowed per page only), since a kept page has no search params.
//
// A signed-in reader of the forum's list or a thread (or of the accessibility statement and
// privacy notice) gets a kept page too: the members' variant (/public-pages/pl.members/forum/threads/12), rendered once
// for every signed-in reader and shared, with the forms a member may use; what is theirs alone
// (their name, unread count, which posts they may edit or report, whether they follow) arrives in
// one small request after it (app/api/viewer) and opens or closes those controls
// (components/viewer/). Rendering the whole page for each member was five times the cost of a bare
// Next.js page (docs/benchmarks.md, issue 17). A thread's address with a tool open (?quote=,
// ?edit=, ?report=, ?moderate=) or any other query, and every post, is rendered per request.
// Plain module: proxy.ts imports it.

import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';

import type { Audience } from '@/lib/page-audience';

export type Site = {
  locale: Locale;
  audience: Audience;
  /** The public variant's query (allowed keys only), or null: read the request's searchParams. */
  query: URLSearchParams | null;
};

/** Where the kept public variant of each page lives: app/public-pages/[site]/. */
export const PUBLIC_PAGES_ROOT = '/public-pages';

type KeptPage = { path: RegExp; keys: readonly string[]; values?: Readonly<Record<string, RegExp>> };

const THREAD = /^\/forum\/threads\/[1-9][0-9]{0,15}$/;
// A thread's kept pages are thrown away one by one when a post is added (app/_http/kept-pages.ts),
// which can name "page=3" but not every other spelling of it ("page=03", "page=3.0").
const THREAD_PAGE = { page: /^[1-9][0-9]{0,5}$/ };

/**
 * Public pages and the query keys each may carry; anything else renders per request. `values`: the
 * one written form a key's value must have for the page to be kept (other forms render per request).
 */
const PUBLIC_PAGES: KeptPage[] = [
  { path: /^\/$/, keys: [] },
  { path: /^\/(accessibility|privacy)$/, keys: [] },
  { path: /^\/results(\/method)?$/, keys: [] },
  { path: /^\/results\/[a-z0-9-]{1,80}(\/(priorities|matrix|report))?$/, keys: ['commune', 'area'] },
  { path: /^\/results\/[a-z0-9-]{1,80}\/explorer$/, keys: ['commune', 'locality', 'age', 'type', 'channel', 'compare', 'question'] },
  { path: /^\/results\/[a-z0-9-]{1,80}\/forum$/, keys: ['commune', 'area'] },
  { path: /^\/forum$/, keys: ['commune', 'area', 'cursor'] },
  { path: THREAD, keys: ['page'], values: THREAD_PAGE },
];

/**
 * Pages kept for signed-in readers, whose own part is the header's account links and, on the
 * forum's list and a thread, what is new to them and what they may do: a query with any key but
 * these renders per request.
 */
const MEMBERS_PAGES: KeptPage[] = [
  { path: /^\/(accessibility|privacy)$/, keys: [] },
  { path: /^\/forum$/, keys: ['commune', 'area', 'cursor'] },
  { path: THREAD, keys: ['page'], values: THREAD_PAGE },
];

/** At most this many characters of query go into a kept page's name (longer: rendered per request). */
const MAX_QUERY = 300;

const SEGMENT = /^(pl|en)(?:\.(public|members)(?:\.([A-Za-z0-9_-]{1,400}))?)?$/;

function encodeQuery(query: URLSearchParams): string {
  return btoa(query.toString()).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function decodeQuery(encoded: string): URLSearchParams {
  try {
    return new URLSearchParams(atob(encoded.replaceAll('-', '+').replaceAll('_', '/')));
  } catch {
    return new URLSearchParams();
  }
}

/**
 * The site segment for a request: proxy.ts puts it in front of the path. `method`: a post (a
 * server action, or a form sent without JavaScript) is always run in the page rendered for its
 * request, whose answer may carry the sender's errors.
 */
export function siteSegment({ path, search, locale, signedIn, method = 'GET' }: { path: string; search: URLSearchParams; locale: Locale; signedIn: boolean; method?: string }): string {
  if (method !== 'GET' && method !== 'HEAD') return locale;
  const page = (signedIn ? MEMBERS_PAGES : PUBLIC_PAGES).find((p) => p.path.test(path));
  if (!page) return locale;
  // A member's query names no other key than the page's own: ?quote=7 opens a form on the page.
  if (signedIn && [...search.keys()].some((key) => !page.keys.includes(key))) return locale;
  // Only the allowed keys, first value each, in a fixed order: one kept page per distinct view.
  const query = new URLSearchParams();
  for (const key of page.keys) {
    const value = search.get(key);
    if (value === null || value === '') continue;
    if (page.values?.[key] && !page.values[key].test(value)) return locale;
    query.set(key, value);
  }
  const text = query.toString();
  if (text.length > MAX_QUERY) return locale;
  const audience = signedIn ? 'members' : 'public';
  return text ? `${locale}.${audience}.${encodeQuery(query)}` : `${locale}.${audience}`;
}

export function parseSite(segment: string): Site {
  const match = SEGMENT.exec(decodeURIComponent(segment));
  if (!match) return { locale: DEFAULT_LOCALE, audience: 'session', query: null };
  const locale = isLocale(match[1]) ? match[1] : DEFAULT_LOCALE;
  if (!match[2]) return { locale, audience: 'session', query: null };
  return { locale, audience: match[2] as 'public' | 'members', query: match[3] ? decodeQuery(match[3]) : new URLSearchParams() };
}
