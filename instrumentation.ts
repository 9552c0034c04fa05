/**
 * Next.js calls register() once when a server process starts: it starts the mail worker in the
 * process (lib/mail/runner.ts), which on the embedded database is the only process there is.
 * Not during `next build`, which must never open the database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startMailWorker } = await import('./lib/mail/runner');
  startMailWorker();
}
