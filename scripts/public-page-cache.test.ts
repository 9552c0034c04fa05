import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createPublicPageCache } from './public-page-cache.mjs';

// The cache in front of a stand-in for Next.js that counts its renders, over real HTTP.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function start(app: Handler, options: { seconds?: number; maxBytes?: number; now?: () => number } = {}) {
  const cache = createPublicPageCache({ seconds: 30, ...options });
  let renders = 0;
  const server = http.createServer((req, res) => {
    void cache.serve(req, res, (rq, rs) => {
      renders++;
      return app(rq, rs);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers });
    return { status: res.status, body: await res.text(), cache: res.headers.get('x-cache'), headers: res.headers };
  };
  return { cache, get, renders: () => renders };
}

/** A page that says which language and router state it was rendered for, as Next.js varies. */
const page: Handler = (req, res) => {
  const locale = /NEXT_LOCALE=(\w+)/.exec(req.headers.cookie ?? '')?.[1] ?? 'pl';
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', "script-src 'self' 'nonce-stala'");
  res.setHeader('vary', 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding');
  res.write(`<p>${locale} ${req.headers.rsc ? 'payload' : 'html'} `);
  res.end(`${req.url}</p>`);
};

/** As Next.js behind proxy.ts: a fresh nonce per render, in the policy header and on the page's scripts. */
let nonces = 0;
const pageWithNonce: Handler = (_req, res) => {
  const nonce = `n${++nonces}`;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.end(`<html><script nonce="${nonce}" src="/_next/static/app.js"></script></html>`);
};

describe('public page cache and the Content-Security-Policy', () => {
  it('replays a kept page with the policy it was sent with, so its scripts’ nonce still matches', async () => {
    const app = await start(pageWithNonce);
    const first = await app.get('/results/diagnoza');
    const second = await app.get('/results/diagnoza');
    expect(second.cache).toBe('HIT');
    const headerNonce = /'nonce-(\w+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1];
    const pageNonce = /nonce="(\w+)"/.exec(second.body)?.[1];
    expect(headerNonce).toBeTruthy();
    expect(headerNonce).toBe(pageNonce);
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    expect(app.renders()).toBe(1);
  });

  it('never keeps an HTML page sent without a policy', async () => {
    const app = await start((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<html><script>1</script></html>');
    });
    expect((await app.get('/results/diagnoza')).cache).toBe('MISS');
    expect((await app.get('/results/diagnoza')).cache).toBe('MISS');
    expect(app.renders()).toBe(2);
  });
});

describe('public page cache', () => {
  it('renders an anonymous results page once and sends the same answer to the next visitors', async () => {
    const app = await start(page);
    const first = await app.get('/results/diagnoza?commune=1');
    const second = await app.get('/results/diagnoza?commune=1');
    expect(first).toMatchObject({ status: 200, cache: 'MISS', body: '<p>pl html /results/diagnoza?commune=1</p>' });
    expect(second).toMatchObject({ status: 200, cache: 'HIT', body: first.body });
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(second.headers.get('age')).toBe('0');
    expect(app.renders()).toBe(1);
  });

  it('keeps apart what differs: address, language, router payload, compression', async () => {
    const app = await start(page);
    const variants: [string, Record<string, string>][] = [
      ['/results/diagnoza', {}],
      ['/results/diagnoza?commune=2', {}],
      ['/results/diagnoza', { cookie: 'NEXT_LOCALE=en' }],
      ['/results/diagnoza', { rsc: '1' }],
      ['/results/diagnoza', { 'accept-encoding': 'identity' }],
      ['/results/diagnoza', { 'x-forwarded-proto': 'https' }],
    ];
    const bodies = [];
    for (const [path, headers] of variants) bodies.push((await app.get(path, headers)).body);
    for (const [path, headers] of variants) expect((await app.get(path, headers)).cache).toBe('HIT');
    expect(bodies).toContain('<p>en html /results/diagnoza</p>');
    expect(bodies).toContain('<p>pl payload /results/diagnoza</p>');
    expect(app.renders()).toBe(variants.length);
  });

  it('a visitor with other cookies shares the anonymous page; a signed-in one never does', async () => {
    const app = await start(page);
    await app.get('/results', { cookie: 'authjs.csrf-token=abc' });
    expect((await app.get('/results')).cache).toBe('HIT');
    for (const cookie of ['authjs.session-token=t', 'NEXT_LOCALE=pl; __Secure-authjs.session-token=t', 'authjs.session-token.0=a; authjs.session-token.1=b']) {
      const signedIn = await app.get('/results', { cookie });
      expect(signedIn.cache).toBeNull();
    }
    expect(app.renders()).toBe(4);
  });

  it('keeps nothing but GETs of the results pages, and never the staff remarks', async () => {
    const app = await start(page);
    for (const path of ['/', '/forum', '/resultsx', '/results/diagnoza/remarks', '/results/diagnoza/remarks/review']) {
      await app.get(path);
      expect((await app.get(path)).cache).toBeNull();
    }
    expect(app.renders()).toBe(10);
  });

  it('keeps no error, no answer that sets a cookie, no answer varying by a header outside its key', async () => {
    const answers: Handler[] = [
      (_req, res) => {
        res.statusCode = 404;
        res.end('not found');
      },
      (_req, res) => {
        res.setHeader('set-cookie', 'authjs.session-token=; Max-Age=0');
        res.end('cleared');
      },
      (_req, res) => {
        res.setHeader('vary', 'cookie');
        res.end('per cookie');
      },
    ];
    for (const answer of answers) {
      const app = await start(answer);
      await app.get('/results');
      expect((await app.get('/results')).cache).toBe('MISS');
      expect(app.renders()).toBe(2);
    }
  });

  it('renders again once the window has passed, and after clear()', async () => {
    let clock = 1_000_000;
    const app = await start(page, { seconds: 30, now: () => clock });
    await app.get('/results');
    clock += 29_000;
    expect(await app.get('/results')).toMatchObject({ cache: 'HIT' });
    clock += 1_000;
    expect((await app.get('/results')).cache).toBe('MISS');
    app.cache.clear();
    expect((await app.get('/results')).cache).toBe('MISS');
    expect(app.renders()).toBe(3);
  });

  it('keeps nothing with a window of 0 seconds', async () => {
    const app = await start(page, { seconds: 0 });
    await app.get('/results');
    await app.get('/results');
    expect(app.renders()).toBe(2);
  });

  it('lets concurrent visitors of a page not yet kept wait for one render', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const app = await start(async (req, res) => {
      await gate;
      page(req, res);
    });
    const visits = Array.from({ length: 5 }, () => app.get('/results/diagnoza'));
    await new Promise((r) => setTimeout(r, 50));
    release();
    const answers = await Promise.all(visits);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.cache === 'HIT')).toHaveLength(4);
    expect(app.renders()).toBe(1);
  });

  it('sends compressed answers back byte for byte, with their encoding', async () => {
    const body = gzipSync('<p>skompresowana strona</p>');
    const app = await start((_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('vary', 'Accept-Encoding');
      res.end(body);
    });
    await app.get('/results', { 'accept-encoding': 'gzip' });
    const again = await app.get('/results', { 'accept-encoding': 'gzip' });
    expect(again).toMatchObject({ cache: 'HIT', body: '<p>skompresowana strona</p>' });
  });

  it('stays within its memory bound, forgetting the oldest pages first', async () => {
    const app = await start((req, res) => void res.end(`${req.url}`.padEnd(1000, '.')), { maxBytes: 5000 });
    for (const n of [1, 2, 3, 4, 5]) await app.get(`/results?n=${n}`);
    expect(app.cache.size).toBe(4);
    expect((await app.get('/results?n=5')).cache).toBe('HIT');
    expect((await app.get('/results?n=1')).cache).toBe('MISS');
    // The headers in the key count too: a visitor cannot fill memory with long ones.
    const long = { 'next-router-state-tree': 'x'.repeat(2000) };
    await app.get('/results?n=6', long);
    expect((await app.get('/results?n=6', long)).cache).toBe('MISS');
  });
});
