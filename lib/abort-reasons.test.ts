import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { formatAbortReasons } from './abort-reasons';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** AbortController's own abort, taken before this file installs the fix. */
const unformattedAbort = AbortController.prototype.abort;

/**
 * Aborts a controller from a method of a large object — as React aborts a finished render's
 * controller from a step the Immediate runs as its method — and tells whether that object
 * survives a full collection while the controller, and so its reason, is still reachable.
 */
async function frameSurvives(abort: (controller: AbortController) => void): Promise<boolean> {
  const controller = new AbortController();
  let ref!: WeakRef<object>;
  (() => {
    const step = {
      finishedRequest: new Array(100_000).fill('a finished request'),
      run() {
        abort(controller);
      },
    };
    ref = new WeakRef(step);
    step.run();
  })();
  await new Promise((resolve) => setImmediate(resolve));
  collect();
  expect(controller.signal.aborted).toBe(true);
  return ref.deref() !== undefined;
}

describe('abort reasons', () => {
  test('unformatted, a held reason keeps the object its stack was taken in', async () => {
    // The premise of the fix: without it the test below would pass for the wrong reason.
    expect(await frameSurvives((c) => unformattedAbort.call(c, new Error('This render completed successfully.')))).toBe(true);
  });

  test('formatted, a held reason keeps no object of its stack', async () => {
    formatAbortReasons();
    expect(await frameSurvives((c) => c.abort(new Error('This render completed successfully.')))).toBe(false);
    expect(await frameSurvives((c) => c.abort())).toBe(false);
  });

  test('the reasons are what they were', () => {
    formatAbortReasons();
    formatAbortReasons(); // installing twice wraps once
    const given = new Error('done');
    const a = new AbortController();
    a.abort(given);
    expect(a.signal.reason).toBe(given);
    expect(given.stack).toMatch(/^Error: done\n\s+at /);

    const b = new AbortController();
    b.abort();
    expect(b.signal.reason).toBeInstanceOf(DOMException);
    expect((b.signal.reason as DOMException).name).toBe('AbortError');

    const c = new AbortController();
    c.abort('a string');
    expect(c.signal.reason).toBe('a string');
  });
});
