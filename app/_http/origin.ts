/**
 * Is this request from another site? Compares the Origin header's host with the host the request
 * was sent to (X-Forwarded-Host behind a proxy, else Host), as Next.js does for server actions.
 * A request without Origin is not judged here (same-origin GETs and old clients send none); a
 * cross-site fetch or form post always sends one, and 'null' (a sandboxed page) counts as foreign.
 */
export function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
