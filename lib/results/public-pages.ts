import 'server-only';
import cluster from 'node:cluster';
import { FORGET_MESSAGE, GLOBAL_KEY } from '@/lib/public-page-cache-keys.mjs';

// The server keeps anonymous visitors' results pages for a few seconds (scripts/serve.mjs,
// scripts/public-page-cache.mjs). What decides whether the public may see a survey's results —
// publication, the survey's status, its titles — must show at once, so changing it clears them.

/** Forgets the kept public results pages in this server process and, under a cluster, in all. */
export function forgetPublicPages(): void {
  (globalThis as { [GLOBAL_KEY]?: { clear(): void } })[GLOBAL_KEY]?.clear();
  if (cluster.isWorker) process.send?.(FORGET_MESSAGE);
}
