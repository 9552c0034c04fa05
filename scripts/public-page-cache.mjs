/**
 * Anonymous visitors' results pages, kept whole for a few seconds by the server (scripts/serve.mjs).
 *
 * Every visitor who is not signed in sees the same results pages (they differ by language only),
 * and the numbers on them are already remembered for RESULTS_CACHE_SECONDS
 * (lib/results/remembered.ts). Rendering such a page anew for each visitor still took 10–20 ms
 * of CPU, and under ten concurrent visitors on two cores that queue was most of the response
 * time. So each anonymous results response is kept as it was sent (compressed, with its headers)
 * for the same window and sent again to the next anonymous visitor who asks the same thing. A
 * public page may thus show numbers twice that window old: the setting is capped at 30 s, so an
 * open survey's page is never more than a minute behind. Publishing or withdrawing results and
 * changing a survey clear the kept pages at once, in every server process (forget(), through
 * lib/results/public-pages.ts).
 *
 * Kept only: a GET under /results (not the remarks, which are staff's), without a session
 * cookie, answered 200 without Set-Cookie and varying only by the headers in the key.
 *
 * A page's scripts carry the nonce of the Content-Security-Policy it was sent with (proxy.ts), so
 * a kept page is replayed with exactly the headers it was first sent with, that policy included,
 * and an HTML page sent without a policy is never kept (its replay could not match one). Every
 * anonymous visitor of a kept page within the window thus gets the same nonce: these pages show
 * aggregate figures only, no user-written text, and the window is at most 30 s.
 */

/** The request headers a results response may vary by (Next.js's router headers, compression). */
const KEY_HEADERS = ['accept-encoding', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];

/** Also in the key: the site's name and scheme as the reverse proxy reports them (HSTS is sent over https only). */
const SITE_HEADERS = ['host', 'x-forwarded-host', 'x-forwarded-proto'];

/** The language cookie (lib/i18n/locales.ts LOCALE_COOKIE): the only cookie an anonymous page reads. */
const LOCALE_COOKIE = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/;

/** Any Auth.js session cookie, whole or split (`.0`, `.1`…), over http or https. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

const CACHEABLE_PATH = /^\/results(?:\/|\?|$)/;
const STAFF_PATH = /^\/results\/[^/?]+\/remarks(?:\/|\?|$)/;

// The cluster message and the global key live in lib/ (shared with the app); re-exported here for
// serve.mjs and the tests.
export { FORGET_MESSAGE, GLOBAL_KEY } from '../lib/public-page-cache-keys.mjs';

/**
 * @typedef {{ expires: number; stored: number; status: number; headers: import('node:http').OutgoingHttpHeaders; body: Buffer }} Entry
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} Handler
 */

/**
 * @param {{ seconds: number; maxBytes?: number; now?: () => number }} options
 */
export function createPublicPageCache({ seconds, maxBytes = 64 * 1024 * 1024, now = Date.now }) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  /** Renders under way, so concurrent visitors of an expired page wait for one render, not ten. */
  /** @type {Map<string, Promise<Entry | null>>} */
  const pending = new Map();
  let bytes = 0;

  /** What an entry holds in memory, near enough: its body and its key (headers a visitor chose). */
  const sizeOf = (key, entry) => entry.body.length + key.length * 2;

  function forget(key) {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= sizeOf(key, entry);
    entries.delete(key);
  }

  /** @param {string} key @param {Entry} entry */
  function store(key, entry) {
    forget(key);
    const size = sizeOf(key, entry);
    if (size > maxBytes / 4) return;
    // Oldest first (a Map keeps insertion order): expired ones, then live ones, until it fits.
    for (const [k, e] of entries) {
      if (bytes + size <= maxBytes && e.expires > entry.stored) break;
      forget(k);
    }
    entries.set(key, entry);
    bytes += size;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {Handler} handle the app's handler (Next.js)
   */
  async function serve(req, res, handle) {
    const key = seconds > 0 ? keyOf(req) : null;
    if (key === null) return handle(req, res);
    const kept = entries.get(key);
    if (kept && kept.expires > now()) return send(res, kept, now());
    if (kept) forget(key);
    const rendering = pending.get(key);
    if (rendering) {
      const entry = await rendering;
      return entry ? send(res, entry, now()) : handle(req, res);
    }
    const render = capture(req, res, handle, now, seconds);
    pending.set(key, render);
    try {
      const entry = await render;
      if (entry) store(key, entry);
    } finally {
      pending.delete(key);
    }
  }

  return {
    serve,
    /** Forgets every kept page (results published or withdrawn, a survey changed). */
    clear() {
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
  };
}

/** The key of a request whose answer may be kept, or null. */
function keyOf(req) {
  if (req.method !== 'GET' || !req.url || !CACHEABLE_PATH.test(req.url) || STAFF_PATH.test(req.url)) return null;
  const cookie = req.headers.cookie ?? '';
  if (SESSION_COOKIE.test(cookie)) return null;
  const locale = LOCALE_COOKIE.exec(cookie)?.[1] ?? '';
  return [req.url, locale, ...[...KEY_HEADERS, ...SITE_HEADERS].map((h) => String(req.headers[h] ?? ''))].join('\n');
}

/**
 * Lets the app answer while keeping a copy of what it sends (after compression: Next.js's
 * compression wraps res.write and res.end inside the handler, so it writes through these).
 * Resolves with the entry to keep, or null when the answer may not be kept.
 */
function capture(req, res, handle, now, seconds) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    };
    res.setHeader('X-Cache', 'MISS');
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      const result = end.call(this, chunk, encoding, callback);
      resolve(entryOf(res, Buffer.concat(chunks), now(), seconds));
      return result;
    };
    // Closed before the end (the visitor left): nothing complete to keep.
    res.on('close', () => resolve(null));
    Promise.resolve()
      .then(() => handle(req, res))
      .catch(reject);
  });
}

/** @returns {Entry | null} */
function entryOf(res, body, stored, seconds) {
  if (res.statusCode !== 200 || res.hasHeader('set-cookie')) return null;
  const vary = String(res.getHeader('vary') ?? '')
    .toLowerCase()
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!vary.every((v) => KEY_HEADERS.includes(v))) return null;
  if (String(res.getHeader('content-type') ?? '').startsWith('text/html') && !res.hasHeader('content-security-policy')) return null;
  const headers = res.getHeaders();
  delete headers['x-cache'];
  return { expires: stored + seconds * 1000, stored, status: res.statusCode, headers, body };
}

/** @param {import('node:http').ServerResponse} res @param {Entry} entry */
function send(res, entry, at) {
  res.writeHead(entry.status, { ...entry.headers, 'x-cache': 'HIT', age: String(Math.floor((at - entry.stored) / 1000)) });
  res.end(entry.body);
}
