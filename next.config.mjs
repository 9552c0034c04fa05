import { fileURLToPath } from 'node:url';
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';

const nextIntlOptions = {
  requestConfig: './lib/i18n/request.ts',
  // The messages are compiled when the app is built (ICU syntax to a compact form), so a request
  // formats them without parsing: parsing every message anew on every request was a tenth of a
  // dashboard page's server time.
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', precompile: true } },
};

// Pages get their Content-Security-Policy from proxy.ts (lib/csp.ts): a nonce per request, or the
// policy of a kept public page. What the proxy does not see — API routes — gets a policy under which
// nothing inline runs.
const apiCsp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // No ETag: Next.js hashes every page it sends to make one (a JavaScript FNV over the whole HTML),
  // about a tenth of the cost of sending a kept public page (docs/benchmarks.md, issue 17), and our
  // pages are never cached by browsers (no max-age), so the tag would buy only a 304 now and then.
  generateEtags: false,
  // Several instances share kept pages and their invalidations through Valkey/Redis
  // (cache-handler.mjs); then no instance keeps a private copy in memory in front of it.
  ...(process.env.REDIS_URL ? { cacheHandler: fileURLToPath(new URL('./cache-handler.mjs', import.meta.url)), cacheMaxMemorySize: 0 } : {}),
  // forbidden() and app/forbidden.tsx: a page the user's roles do not open answers HTTP 403.
  // Kept public pages (app/public-pages/) live in each instance's memory, or in Redis when shared
  // (cache-handler.mjs), never in files under .next: a file would outlive a restart and be read by
  // every server started from the same build, whatever its database or deployment file.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  // dictionary-pl reads its 5 MB Hunspell files beside its module at run time (lib/search): loaded
  // from node_modules, not copied into the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'dictionary-pl'],
  // The survey's page (pages/) bundles its packages as the App Router does, so that next-intl's
  // build settings (compiled messages, formatted without the ICU parser) reach it too.
  bundlePagesRouterDependencies: true,
  // Type checking runs as its own CI step (npm run typecheck), with TypeScript 7's compiler.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiCsp }] },
      // The survey form's script and its chunks are named by their content (scripts/build-survey-client.ts).
      { source: '/survey-client/:file*.js', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
      {
        // HSTS only when the request came over HTTPS (as the reverse proxy reports it).
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
};

// next-intl's plugin works while building (it points next-intl at lib/i18n/request.ts and compiles
// the messages); loading it also loads a compiler (@swc/core) and a file watcher (@parcel/watcher),
// which a production server never uses but would keep in its memory.
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import('next-intl/plugin');
  return createNextIntlPlugin(nextIntlOptions)(nextConfig);
}
