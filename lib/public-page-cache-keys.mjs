// Shared by the server wrapper (scripts/serve.mjs, scripts/public-page-cache.mjs: plain Node, no
// TypeScript) and the app (lib/results/public-pages.ts), so both name the kept-pages cache alike.
// Plain JavaScript on purpose; it lives in lib/ so that lib never imports scripts/.

/** The message a server process sends to have every process forget its pages (cluster IPC). */
export const FORGET_MESSAGE = 'agora:forget-public-pages';

/** Where the running cache is published for the app's code to clear (lib/results/public-pages.ts). */
export const GLOBAL_KEY = Symbol.for('agora.publicPageCache');
