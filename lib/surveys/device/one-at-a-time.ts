// Sending the outbox is asked for by several events (the signal returns, the page is looked at
// again, a timer). Only one send may run at a time, or a questionnaire would go twice at once; but
// a request that arrives while one runs must not be dropped either: the signal often returns while
// the last attempt without it is still failing, and dropping the "online" request then left the
// questionnaire waiting for the next timer (30 s) instead of going at once.

/**
 * Wraps `run` so that calls never overlap, and a call made while a run is under way makes one
 * more run after it (however many calls came meanwhile). The promise settles when the runs it
 * caused are over.
 */
export function oneAtATime(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return function request() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
