/// <reference lib="webworker" />
import { CacheFirst, CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, Serwist, StaleWhileRevalidate, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from 'serwist';
import { DEVICE_CACHE_HEADER, DEVICE_CACHE_VALUE, isBuildAsset, isSurveyPagePath } from '../lib/surveys/device/offline-page';
import pl from '../lib/i18n/messages/pl/surveys.json';
import en from '../lib/i18n/messages/en/surveys.json';

// The survey's service worker, built by `serwist build` (serwist.config.js) into public/sw.js and
// registered by the survey page with the scope /s/: it serves no other page. What it keeps on the
// phone, so that a questionnaire opened once opens again without a connection:
//   - the questionnaire page (/s/<slug>), network first, only as rendered for a visitor without a
//     session (proxy.ts marks it): a signed-in user's page, which shows their name, is never kept;
//   - the build's content-hashed scripts and styles the page loads, cache first;
//   - the icon.
// Everything else goes to the network untouched: the submit route (answers are queued by the page,
// lib/surveys/device), the API, any other page. The answers themselves are never in these caches.

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const DAY = 24 * 60 * 60;

/** Keeps a survey page only as rendered for nobody in particular (the proxy's mark). */
const onlyAnonymousSurveyPages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && response.headers.get(DEVICE_CACHE_HEADER) === DEVICE_CACHE_VALUE ? response : null),
};

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A questionnaire never opened on this phone, asked for without a connection: say so, in both languages. */
const offlinePage: SerwistPlugin = {
  handlerDidError: async ({ request }) => {
    const section = (lang: string, m: typeof pl.surveys.device) =>
      `<section lang="${lang}"><h1>${escape(m.offlinePageTitle)}</h1><p>${escape(m.offlinePageBody)}</p><p><a href="${escape(request.url)}">${escape(m.offlinePageRetry)}</a></p></section>`;
    const html = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(pl.surveys.device.offlinePageTitle)}</title><style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1.5rem;color:#111}h1{font-size:1.5rem}a{color:#17563f;font-weight:600}section+section{border-top:1px solid #ccc;margin-top:2rem}</style></head><body><main>${section('pl', pl.surveys.device)}${section('en', en.surveys.device)}</main></body></html>`;
    return new Response(html, {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
    });
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // The first visit's page is taken over at once, so what it loads next is kept too.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    {
      // The page itself (and its warm-up request from the page, which is not a navigation); not the
      // framework's data requests for client-side navigation (RSC), which carry per-request state.
      matcher: ({ url, request, sameOrigin }) => sameOrigin && isSurveyPagePath(url.pathname) && !url.searchParams.has('_rsc') && !request.headers.has('rsc'),
      handler: new NetworkFirst({
        cacheName: 'agora-survey-pages',
        // A rural connection that hangs: after this long the kept copy is shown (and the network
        // answer, if it comes, still refreshes it).
        networkTimeoutSeconds: 8,
        // Next.js varies the page on its router headers, which only its data requests (not kept
        // here) carry: the kept HTML answers any navigation to the page, whatever its query.
        matchOptions: { ignoreSearch: true, ignoreVary: true },
        plugins: [onlyAnonymousSurveyPages, new ExpirationPlugin({ maxEntries: 10, maxAgeSeconds: 30 * DAY }), offlinePage],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && isBuildAsset(url.pathname),
      handler: new CacheFirst({
        cacheName: 'agora-survey-assets',
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 150, maxAgeSeconds: 30 * DAY })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/icon.svg',
      handler: new StaleWhileRevalidate({ cacheName: 'agora-survey-assets', plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
    },
  ],
});

serwist.addEventListeners();
