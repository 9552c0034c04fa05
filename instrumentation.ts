/**
 * Next.js calls register() once when a server process starts, before it serves a request.
 * - Abort reasons get their stacks written out (lib/abort-reasons.ts): otherwise each finished
 *   render's reason can keep a chain of finished requests in memory.
 * - The mail worker starts in the process (lib/mail/runner.ts), which on the embedded database is
 *   the only process there is.
 * Not during `next build`, which must never open the database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Production only: under `next dev` every stack is source-mapped when written out.
  if (process.env.NODE_ENV === 'production') (await import('./lib/abort-reasons')).formatAbortReasons();
  const { startMailWorker } = await import('./lib/mail/runner');
  startMailWorker();
}
