/**
 * A small, bounded HTTP load generator for benchmarks against a local Agora (127.0.0.1 only):
 *   npx tsx scripts/bench-http.ts http://127.0.0.1:3000/ [requests=500] [concurrency=8]
 * Prints throughput and latency percentiles. Not a test: record its figures in the README.
 *
 * It shares the machine's cores with the server it measures, so it does as little as it can:
 * node:http over kept-alive connections, asking for gzip as a browser does (the server does its
 * real work) but reading the body without unpacking it (fetch would inflate every page), and
 * keeping the cookies responses set, as a browser does (a signed-in session is re-issued).
 */
import http from 'node:http';
export interface BenchResult {
  url: string;
  requests: number;
  concurrency: number;
  failures: number;
  /** Answers Next.js sent from its kept public pages (x-nextjs-cache: HIT or STALE) rather than rendering. */
  kept: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The cookies a client holds, kept up to date from the responses as a browser does (a re-issued session). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  constructor(header = '') {
    for (const part of header.split(';')) {
      const at = part.indexOf('=');
      if (at > 0) this.cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
  }
  update(setCookie: string[] | undefined) {
    for (const line of setCookie ?? []) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** One GET; resolves with the status once the whole body has arrived, and whether it was a kept page. */
function get(agent: http.Agent, url: URL, headers: Record<string, string>, jar: CookieJar): Promise<{ status: number; kept: boolean }> {
  const cookie = jar.header();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { 'accept-encoding': 'gzip', ...headers, ...(cookie ? { cookie } : {}) } }, (response) => {
      jar.update(response.headers['set-cookie']);
      response.on('data', () => {});
      const cache = response.headers['x-nextjs-cache'];
      response.on('end', () => resolve({ status: response.statusCode ?? 0, kept: cache === 'HIT' || cache === 'STALE' }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * `unique`: each request carries a session cookie that names no session, so proxy.ts sends it to
 * the page rendered for its request (app/_http/site.ts) and no answer comes from the kept public
 * pages: the cost of rendering every one, as an anonymous visitor sees it.
 * `duration`: run for this many seconds (at most `requests` requests) instead of until `requests` are done.
 */
export async function benchHttp(url: string, requests = 500, concurrency = 8, headers: Record<string, string> = {}, unique = false, duration?: number): Promise<BenchResult> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('benchmarks only talk to this machine');
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { cookie, ...otherHeaders } = headers;
  const jar = new CookieJar(cookie);
  const latencies: number[] = [];
  let failures = 0;
  let kept = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + Math.min(120, duration ?? 120) * 1000; // never run past two minutes
  async function worker() {
    while (next < requests && performance.now() < deadline) {
      next++;
      const address = target;
      const t0 = performance.now();
      try {
        const answer = await get(agent, address, otherHeaders, unique ? new CookieJar('authjs.session-token=render-me') : jar);
        if (answer.status !== 200) failures++;
        if (answer.kept) kept++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
  return { url, requests: latencies.length, concurrency, failures, kept, perSecond: Math.round(latencies.length / seconds), p50: pct(50), p95: pct(95), p99: pct(99) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url = 'http://127.0.0.1:3000/', requests = '500', concurrency = '8'] = process.argv.slice(2);
  benchHttp(url, Number(requests), Number(concurrency)).then((r) => {
    console.log(`${r.url}: ${r.requests} requests, concurrency ${r.concurrency}, ${r.failures} failed, ${r.kept} kept pages — ${r.perSecond} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms`);
  });
}
