/**
 * Benchmark of the dashboards: p95 of each view's server response at 10 concurrent users, against a
 * production build on PostgreSQL filled by scripts/generate-responses.ts (only 127.0.0.1).
 *
 *   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora_bench_results
 *   npm run build && AUTH_SECRET=... npm start -- -p 3204 &
 *   npx tsx scripts/bench-results.ts --url http://127.0.0.1:3204 --requests 500 --concurrency 10
 *   # signed in (the analysts' profile filters too): add --as analityk@agora.local (a session is
 *   # opened in DATABASE_URL's database; AUTH_SECRET must be the server's), or --cookie from a browser
 *   # the public's pages rendered every time (no kept page): add --render
 *
 * Bounded: each view gets at most --requests requests (and bench-http stops after two minutes).
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { DEFAULT_SURVEY_SLUG } from '../lib/surveys/default-questionnaire';
import { benchHttp } from './bench-http';
import { benchSession } from './bench-session';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3204' },
    requests: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '10' },
    slug: { type: 'string', default: DEFAULT_SURVEY_SLUG },
    cookie: { type: 'string' },
    as: { type: 'string' },
    warmup: { type: 'string', default: '300' },
    // Every request a new address: the server renders each page rather than sending a kept one.
    render: { type: 'boolean', default: false },
  },
});
const base = new URL(values.url!);
if (!['127.0.0.1', 'localhost'].includes(base.hostname)) {
  console.error('bench-results: only 127.0.0.1/localhost may be benchmarked.');
  process.exit(2);
}
const requests = Math.min(2000, Number(values.requests));
const concurrency = Math.min(64, Number(values.concurrency));
const warmup = Math.min(1000, Number(values.warmup));
const slug = values.slug!;

let communeA = 1;
let communeB = 2;
let responses = 0;
/** Signed in with --as: a cookie minted afresh for each view (see freshHeaders). */
let mintCookie: (() => Promise<string>) | undefined;
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl && /@(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const rows = await sql<{ id: number }[]>`select id from communes where active order by id limit 2`;
  communeA = rows[0]?.id ?? 1;
  communeB = rows[1]?.id ?? 2;
  const [n] = await sql<{ n: number }[]>`select coalesce(sum(responses), 0)::int as n from results_daily d join surveys s on s.id = d.survey_id where s.slug = ${slug}`;
  responses = n?.n ?? 0;
  if (values.as) {
    const secret = process.env.AUTH_SECRET;
    if (!secret) throw new Error('--as needs AUTH_SECRET: the secret the server runs with');
    mintCookie = (await benchSession(sql, values.as, secret)).cookie;
    values.cookie = await mintCookie();
  }
  await sql.end();
} else if (values.as) {
  console.error('bench-results: --as needs DATABASE_URL on 127.0.0.1/localhost.');
  process.exit(2);
}

const views: [string, string][] = [
  ['results list', '/results'],
  ['overview', `/results/${slug}`],
  ['priorities (county)', `/results/${slug}/priorities`],
  ['priorities (commune)', `/results/${slug}/priorities?commune=${communeA}`],
  ['matrix (county)', `/results/${slug}/matrix`],
  ['matrix (commune)', `/results/${slug}/matrix?commune=${communeA}`],
  ['matrix of the services of an area (commune)', `/results/${slug}/matrix?commune=${communeA}&area=health`],
  ['forum monitoring (county)', `/results/${slug}/forum`],
  ['forum monitoring (commune, area)', `/results/${slug}/forum?commune=${communeA}&area=transport`],
  ['explorer (matrix question, two communes)', `/results/${slug}/explorer?question=health_services&commune=${communeA}&compare=${communeB}`],
  ['explorer (ranking, county)', `/results/${slug}/explorer?question=priority_ranking`],
  ['commune report', `/results/${slug}/report?commune=${communeA}`],
  ['CSV (responses by commune)', `/results/${slug}/csv?view=responses`],
];
if (values.cookie) {
  views.push(['explorer with profile filters (analyst)', `/results/${slug}/explorer?question=health_services&commune=${communeA}&age=60_74&type=senior&channel=online`]);
}

// A server runs for days: the figures are of a warmed-up process. V8 optimises a page's code only
// after running it many times, and the views share most of it (layout, React's renderer), so the
// warm-up goes round every view a few times first: a fresh process's first thousand pages cost up
// to half as much again as its later ones. The warm-up always renders (never a kept page).
// The proxy re-issues a session cookie older than a minute on every request that carries it (a
// browser takes the new one from Set-Cookie; this client does not), so a cookie made with --as is
// minted again before each view: a run takes minutes, and its later views would otherwise measure
// Auth.js re-signing the session on every request, which no real reader's page pays.
async function freshHeaders(): Promise<Record<string, string>> {
  if (mintCookie) values.cookie = await mintCookie();
  return values.cookie ? { cookie: values.cookie } : {};
}
const rounds = 3;
for (let round = 0; round < rounds; round++) {
  for (const [, path] of views) await benchHttp(new URL(path, base).toString(), Math.ceil(warmup / rounds), concurrency, await freshHeaders(), true);
}

console.log(
  `Responses behind the dashboards: ${responses.toLocaleString('en')}; ${requests} requests per view after ${warmup} to warm up, concurrency ${concurrency}${values.cookie ? ', signed in' : ''}${values.render ? ', every page rendered' : ''}`,
);
console.log('| view | req/s | p50 ms | p95 ms | p99 ms | failed | kept pages |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, path] of views) {
  const r = await benchHttp(new URL(path, base).toString(), requests, concurrency, await freshHeaders(), values.render);
  console.log(`| ${name} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.failures} | ${Math.round((r.kept / r.requests) * 100)}% |`);
}
