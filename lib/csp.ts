// The Content-Security-Policy of every page, made per request by proxy.ts with a fresh nonce.
// Plain (no server-only): proxy.ts and its tests import it.

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page policy. Scripts run only from this origin with the request's nonce (Next.js reads it
 * from the request's Content-Security-Policy header and puts it on its own inline and bundle
 * scripts) or when loaded by such a script ('strict-dynamic'); no 'unsafe-inline' for scripts.
 * Styles keep 'unsafe-inline': charts and components set style attributes, which a nonce cannot
 * cover, and a style cannot run code. React's development overlay needs 'unsafe-eval' in dev only.
 */
export function pagePolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return policy(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`);
}

/**
 * The policy of a kept page (app/_http/site.ts): Next.js renders it once and serves the same bytes
 * to every visitor without a session — or, for the members' variant (the forum's list and threads,
 * the accessibility statement and privacy notice), to every signed-in reader — so its scripts
 * cannot carry a per-request nonce, and Next.js's inline scripts (the page's data) have no
 * build-time hash either; inline <script> elements are allowed there. On a visitors' page a script
 * slipped in would run without an account; on a members' page it would run with the reader's
 * session, so what stands against it is that every post is sanitised when written (lib/markdown,
 * tested against a hostile corpus), that no inline event handler runs (`script-src-attr 'none'`:
 * the `<img onerror>` of most injections; neither React nor Next.js writes one), and every other
 * directive — no plugins, no foreign connections, forms only to this site, no framing. Every
 * other page a signed-in user sees keeps the nonce.
 */
export function publicPagePolicy({ dev = false }: { dev?: boolean } = {}): string {
  return policy(`script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}; script-src-attr 'none'`);
}

function policy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    scriptSrc,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The survey's service worker (public/sw.js), said outright rather than left to script-src.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * An outbox message's HTML shown to admins (app/admin/mail/[id]/html): an opaque origin with no
 * scripts and no forms, so nothing in a message can act as this site.
 */
export const SANDBOXED_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Paths that show foreign HTML and get SANDBOXED_POLICY instead of the page policy. */
export function isSandboxedPath(pathname: string): boolean {
  return /^\/admin\/mail\/[^/]+\/html\/?$/.test(pathname);
}
