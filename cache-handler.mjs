// Next.js's cache of kept pages (app/public-pages/, ISR) shared by every app instance through
// Valkey/Redis, with a maintained handler (@fortedigital/nextjs-cache-handler): a page kept by
// one instance is served by all, and revalidatePath on one (app/_http/kept-pages.ts) reaches all
// at once. next.config.mjs uses it only when REDIS_URL is set; one instance alone keeps Next.js's
// own cache. Plain .mjs: Next.js loads it by path, outside the app's bundle.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { createClient } from 'redis';

CacheHandler.onCreation(async () => {
  // One connection per process, however many times Next.js creates a handler.
  globalThis.agoraCacheHandler ??= (async () => {
    // Nothing is kept while building: every page is rendered on its first visit.
    if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [] };
    const client = createClient({ url: process.env.REDIS_URL, pingInterval: 10_000 });
    // A lost connection is retried by the client; meanwhile reads miss and pages are rendered.
    // Never a per-instance fallback: it would keep showing what another instance withdrew.
    client.on('error', (error) => console.error('cache: Redis:', error.message));
    try {
      await client.connect();
    } catch (error) {
      console.error('cache: Redis unreachable, pages are rendered on every visit:', error.message);
      return { handlers: [] };
    }
    return { handlers: [createRedisHandler({ client, keyPrefix: 'agora:' })] };
  })();
  return globalThis.agoraCacheHandler;
});

export default CacheHandler;
