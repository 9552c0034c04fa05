import type { IncomingMessage } from 'node:http';
import { TEST_CLOCK_HEADER } from '@/lib/test-clock';

// For a page of pages/ (the survey's): its data comes from its route under app/api/, which may use
// lib/ as the Pages Router may not (app/_http/survey-page-data.ts says why). The route is asked on this
// server's own address, with what of the page's request it needs to answer as the page would.

/** The request headers the route reads: the session and "answered" cookies, the origin check, the caller's address, the language, the test clock. */
const PASSED_ON = ['cookie', 'origin', 'host', 'content-type', 'user-agent', 'accept-language', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', TEST_CLOCK_HEADER];

/** How long a page waits for its data: a step sent without JavaScript stores a whole questionnaire. */
const WAIT_MS = 20_000;

/**
 * Asks this server's route `path` for a page's data, as `req` (a GET, or a form post whose body
 * goes along): its status, its JSON body and the cookies it sets. Throws when the route cannot be
 * reached in time or answers with no JSON.
 */
export async function pageData<T>(req: IncomingMessage, path: string): Promise<{ status: number; data: T; setCookies: string[] }> {
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const { localAddress, localPort } = req.socket;
  const host = localAddress?.includes(':') ? `[${localAddress}]` : (localAddress ?? '127.0.0.1');
  const post = req.method === 'POST';
  const response = await fetch(`http://${host}:${localPort}${path}`, {
    method: post ? 'POST' : 'GET',
    headers,
    ...(post ? { body: req as unknown as ReadableStream, duplex: 'half' } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(WAIT_MS),
  } as RequestInit);
  return { status: response.status, data: (await response.json()) as T, setCookies: response.headers.getSetCookie() };
}
