/**
 * Does the request carry an Auth.js session cookie? Auth.js names it `authjs.session-token`, with a
 * `__Secure-` prefix over https and `.0`, `.1`… suffixes when it is split. Without one there is
 * no session to read, and skipping Auth.js then saves its per-call set-up (it mints a CSRF token,
 * a SHA-256 digest, on every call) — a noticeable share of an anonymous visitor's page.
 */
export function hasSessionCookie(names: Iterable<string>): boolean {
  for (const name of names) if (/^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name)) return true;
  return false;
}
