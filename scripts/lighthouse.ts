/**
 * Lighthouse (mobile: its default phone emulation and simulated slow 4G / 4× CPU throttling) on
 * the main pages of a production build, on this machine only.
 *
 *   npm run build
 *   npx tsx scripts/lighthouse.ts                                   # starts the build on a scratch embedded database
 *   npx tsx scripts/lighthouse.ts --url http://127.0.0.1:3000       # or asks a running server of this build
 *   npx tsx scripts/lighthouse.ts --out lighthouse.json --only /results --runs 5
 *
 * Pages: /, /s/<slug>, /forum, a thread, /results/<slug> and each of its public views (the commune
 * report both as its choice of commune and as one commune's report), /calendar.
 * It prints each page's performance and accessibility scores, the JavaScript it loaded (as sent:
 * gzipped), LCP and total blocking time, and writes those figures (with each page's failing
 * audits' ids) as JSON to --out (default: lighthouse-<time>.json in the temporary folder).
 * Each page is measured --runs times (default 3) and the run with the median performance score
 * is kept: on a shared two-core machine one run can be 20 points off.
 * Chromium is Debian's /usr/bin/chromium (CHROMIUM_PATH to change), headless, without sandbox.
 * Bounded: each page has LIGHTHOUSE_PAGE_SECONDS (default 120) to finish; the server is
 * 127.0.0.1 only, like the other bench scripts. Scores vary by a few points from run to run on a
 * busy machine: compare runs made alike.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEFAULT_SURVEY_SLUG } from '../lib/surveys/default-questionnaire';
import { startScratchServer, waitFor } from './scratch-server';

const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const RUNS = Math.min(9, Math.max(1, Number(values.runs) || 1));
const PAGE_SECONDS = Number(process.env.LIGHTHOUSE_PAGE_SECONDS ?? 120);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PageFigures {
  address: string;
  performance: number | null;
  accessibility: number | null;
  /** Scripts as they travelled (gzipped by the server), KB. */
  jsKB: number;
  lcpMs: number;
  tbtMs: number;
  /** Accessibility audits that failed, by id. */
  failing: string[];
  /** Every run's performance score (the figures above are the median run's). */
  performanceRuns?: (number | null)[];
}

function localOnly(base: string) {
  const host = new URL(base).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error('Lighthouse runs here only against this machine (127.0.0.1)');
}

function withTimeout<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${seconds} s`)), seconds * 1000)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Audit {
  score: number | null;
  numericValue?: number;
  details?: { items?: { resourceType?: string; transferSize?: number }[] };
}

async function measure(port: number, url: string): Promise<Omit<PageFigures, 'address'>> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { categories, audits, runtimeError } = result.lhr as unknown as {
    categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
    audits: Record<string, Audit>;
    runtimeError?: { message: string };
  };
  if (runtimeError) throw new Error(`${url}: ${runtimeError.message}`);
  const scripts = (audits['network-requests']?.details?.items ?? []).filter((item) => item.resourceType === 'Script');
  const score = (name: string) => (categories[name]?.score == null ? null : Math.round(categories[name]!.score! * 100));
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    jsKB: Math.round((scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0) / 1024) * 10) / 10,
    lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
    failing: (categories.accessibility?.auditRefs ?? []).map((ref) => ref.id).filter((id) => audits[id]?.score === 0),
  };
}

async function main() {
  let scratch: Awaited<ReturnType<typeof startScratchServer>> | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    if (!values.url) scratch = await startScratchServer(Number(process.env.LIGHTHOUSE_SERVER_PORT ?? 3206), 'lighthouse');
    const base = values.url ?? scratch!.base;
    localOnly(base);
    await waitFor(`${base}/api/health`);
    const forum = await fetch(new URL('/forum', base)).then((r) => r.text());
    const thread = /\/forum\/threads\/(\d+)/.exec(forum)?.[1];
    const results = `/results/${DEFAULT_SURVEY_SLUG}`;
    // The commune report as a reader gets it: the first commune its scope form offers.
    const reportForm = await fetch(new URL(`${results}/report`, base)).then((r) => r.text());
    const commune = /<option[^>]*value="(\d+)"/.exec(reportForm)?.[1];
    const addresses = [
      '/',
      `/s/${DEFAULT_SURVEY_SLUG}`,
      '/forum',
      thread ? `/forum/threads/${thread}` : null,
      results,
      `${results}/priorities`,
      `${results}/matrix`,
      `${results}/explorer`,
      `${results}/forum`,
      `${results}/report`,
      commune ? `${results}/report?commune=${commune}` : null,
      '/calendar',
    ].filter((a): a is string => a !== null && (!values.only || a.startsWith(values.only)));
    // Each page once before it is measured, so a kept public page is measured as visitors get it.
    for (const address of addresses) await fetch(new URL(address, base)).then((r) => r.arrayBuffer());

    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const figures: PageFigures[] = [];
    console.log(`page | performance (median of ${RUNS}; all runs) | accessibility | JS gzipped | LCP | TBT | failing accessibility audits`);
    for (const address of addresses) {
      const runs: Omit<PageFigures, 'address'>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await withTimeout(measure(chrome.port, new URL(address, base).toString()), PAGE_SECONDS, address));
      runs.sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
      const f = { address, ...runs[Math.floor(runs.length / 2)]!, performanceRuns: runs.map((r) => r.performance) };
      figures.push(f);
      console.log([address, `${f.performance} (${f.performanceRuns.join(', ')})`, f.accessibility, `${f.jsKB} KB`, `${(f.lcpMs / 1000).toFixed(1)} s`, `${f.tbtMs} ms`, f.failing.join(', ') || '—'].join(' | '));
    }
    const out = values.out ?? path.join(tmpdir(), `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), lighthouse: 'mobile defaults', runs: RUNS, pages: figures }, null, 2)}\n`);
    console.log(`written: ${out}`);
  } finally {
    await chrome?.kill();
    await scratch?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
