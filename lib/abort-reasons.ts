import 'server-only';

/**
 * Abort reasons with their stacks written out, so a finished request can be collected.
 *
 * Why: React's server renderer ends every render by aborting the render's cacheSignal with a fresh
 * `Error("This render completed successfully…")` (react/react#37288; the fix, #37289, is not
 * released). V8 keeps a new Error's stack as call sites until `.stack` is first read, and a call
 * site holds its frame's receiver — here the `Immediate` that ran the render's last step. Node
 * leaves a finished `Immediate` linked to the next one of its batch, and each carries its request's
 * async context, whose store holds that request's aborted controller, whose reason holds the next
 * `Immediate`… So a reason some long-lived object still reaches holds a chain of finished
 * requests: 1,490 responses and about 130 MB in a server's heap after the forum benchmark
 * (docs/benchmarks.md, 6 Dec 2026), and V8 sizes the heap from what survives.
 *
 * Reading the stack once, when the reason is handed to `abort()`, turns it into a string and lets
 * the frames go; `abort()` with no reason gets the same `AbortError` it would have made, written
 * out. It costs one stack formatting per aborted controller (a few per rendered page).
 *
 * To remove once the React that Next.js bundles creates that reason without a stack (#37289): a
 * heap snapshot after the forum benchmark then holds a handful of `ServerResponse`s without it.
 */
const formatted = Symbol.for('agora.abortReasonsFormatted');

export function formatAbortReasons(): void {
  const prototype = AbortController.prototype as AbortController & { [formatted]?: true };
  if (prototype[formatted]) return;
  const abort = prototype.abort;
  prototype.abort = function (this: AbortController, reason?: unknown) {
    const written = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    if (written instanceof Error) void written.stack;
    return abort.call(this, written);
  };
  prototype[formatted] = true;
}
