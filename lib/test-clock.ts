import { getEnv } from '@/lib/env';

// The server's clock, movable in end-to-end runs. With AGORA_TEST_CLOCK=1 (playwright.config.ts
// sets it for the test server; nothing else may) a request carrying the header below is served as
// if it came that many seconds later: a consultation's deadline passes, a session is old enough to
// be re-issued — without the test waiting in real time. Without the setting the header is ignored.
// No server-only here: proxy.ts reads it too.

export const TEST_CLOCK_HEADER = 'x-agora-test-clock-offset';
const MAX_OFFSET_SECONDS = 366 * 24 * 3600;

/** Seconds this request's clock runs ahead (0 unless the test clock is on and the header is sound). */
export function testClockOffsetSeconds(headers: Headers): number {
  if (getEnv().AGORA_TEST_CLOCK !== '1') return 0;
  const raw = headers.get(TEST_CLOCK_HEADER);
  if (!raw || !/^\d{1,8}$/.test(raw)) return 0;
  return Math.min(Number(raw), MAX_OFFSET_SECONDS);
}
