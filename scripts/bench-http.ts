/**
 * A small, bounded HTTP load generator for benchmarks against a local Agora (127.0.0.1 only):
 *   npx tsx scripts/bench-http.ts http://127.0.0.1:3000/ [requests=500] [concurrency=8]
 * Prints throughput and latency percentiles. Not a test: record its figures in the README.
 */
export interface BenchResult {
  url: string;
  requests: number;
  concurrency: number;
  failures: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function benchHttp(url: string, requests = 500, concurrency = 8, init?: RequestInit): Promise<BenchResult> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('benchmarks only talk to this machine');
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + 120_000; // never run past two minutes
  async function worker() {
    while (next < requests && performance.now() < deadline) {
      next++;
      const t0 = performance.now();
      try {
        const response = await fetch(url, init);
        await response.arrayBuffer();
        if (!response.ok) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
  return { url, requests: latencies.length, concurrency, failures, perSecond: Math.round(latencies.length / seconds), p50: pct(50), p95: pct(95), p99: pct(99) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url = 'http://127.0.0.1:3000/', requests = '500', concurrency = '8'] = process.argv.slice(2);
  benchHttp(url, Number(requests), Number(concurrency)).then((r) => {
    console.log(`${r.url}: ${r.requests} requests, concurrency ${r.concurrency}, ${r.failures} failed — ${r.perSecond} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms`);
  });
}
