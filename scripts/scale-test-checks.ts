/**
 * The checks of the scale test, run by scripts/scale-test.sh once it has started PostgreSQL (primary
 * and streaming replica), Redis, two app instances and nginx; not meant to be run alone. Settings
 * (from the shell script): SCALE_APP_A, SCALE_APP_B, SCALE_NGINX (base URLs), SCALE_APP_A_PGID and
 * SCALE_APP_B_PGID (the instances' process groups: B is stopped in check e, A killed in check d),
 * SCALE_PRIMARY_URL, SCALE_REPLICA_URL, SCALE_NGINX_LOG, SCALE_RESULTS. Prints PASS/FAIL per
 * check; `summary` prints the table of every check run and exits 1 if any failed or is missing.
 *
 * Each check is bounded in time; "at once" means the very first request to instance B after the
 * change on instance A, with no retry and no wait.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import postgres from 'postgres';
import { demo, signInAs } from '../e2e/fixtures';

const A = need('SCALE_APP_A');
const B = need('SCALE_APP_B');
const NGINX = need('SCALE_NGINX');
const primary = postgres(need('SCALE_PRIMARY_URL'), { max: 1, onnotice: () => {} });
const replica = postgres(need('SCALE_REPLICA_URL'), { max: 1, onnotice: () => {} });

// The demo data (db/seed): the published survey, a Dębowiec thread and a forum member who may post there.
const SURVEY_SLUG = 'diagnoza-potrzeb';
const SURVEY_TITLE = 'Diagnoza potrzeb mieszkańców powiatu jasielskiego 2026';
const THREAD_TITLE = 'Dowóz dzieci do szkoły w Cieklinie – autobus przyjeżdża za wcześnie';
const POSTER = 'soltys.cieklin@agora.local';
const RESULTS_PAGES = ['', '/priorities', '/matrix', '/explorer', '/forum', '/report', '/csv?view=responses'].map((p) => `/results/${SURVEY_SLUG}${p}`);

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run scripts/scale-test.sh, not this file`);
  return value;
}

interface Outcome {
  check: string;
  pass: boolean;
  detail: string;
}
const outcomes: Outcome[] = [];

async function check(name: string, seconds: number, body: () => Promise<{ pass: boolean; detail: string }>) {
  const started = Date.now();
  let outcome: { pass: boolean; detail: string };
  try {
    outcome = await Promise.race([
      body(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not finish within ${seconds} s`)), seconds * 1000).unref()),
    ]);
  } catch (error) {
    outcome = { pass: false, detail: `error: ${(error as Error).message.split('\n')[0]}` };
  }
  outcomes.push({ check: name, ...outcome });
  console.log(`${outcome.pass ? 'PASS' : 'FAIL'}  ${name}  (${((Date.now() - started) / 1000).toFixed(1)} s)\n      ${outcome.detail}`);
}

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ baseURL, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  return context.newPage();
}

/** An anonymous request: no cookies, as a first-time visitor's browser. */
async function anonymous(url: string) {
  const response = await fetch(url, { redirect: 'manual', headers: { 'accept-language': 'pl' } });
  // HIT: a kept page (app/public-pages/, shared through Redis), which the check must see thrown away.
  // (STALE: a kept page past its revalidate time, sent once more while a fresh one is rendered.)
  const cache = response.headers.get('x-nextjs-cache');
  return { status: response.status, text: await response.text(), kept: cache === 'HIT' || cache === 'STALE' };
}

// ---------------------------------------------------------------------------------------------
// c. The dashboards read from the replica (first, while no instance has read any results yet).

/** Scans of the dashboards' aggregate tables, and committed transactions of the database, on one server. */
async function scans(sql: postgres.Sql) {
  const [tables] = await sql`select coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::int as n
    from pg_stat_user_tables where relname in ('results_cells', 'results_daily', 'results_sources')`;
  const [database] = await sql`select xact_commit::int as n from pg_stat_database where datname = current_database()`;
  return { scans: tables!.n as number, commits: database!.n as number };
}

async function checkReplicaReads() {
  const before = { replica: await scans(replica), primary: await scans(primary) };
  let pages = 0;
  // Twice round every view through nginx, so both instances render each one.
  for (let round = 0; round < 2; round++) {
    for (const path of RESULTS_PAGES) {
      const { status } = await anonymous(`${NGINX}${path}`);
      if (status !== 200) return { pass: false, detail: `${path} answered ${status} through nginx` };
      pages++;
    }
  }
  // Backends report their statistics within about a second of going idle (10 s at most).
  let after = { replica: await scans(replica), primary: await scans(primary) };
  for (let i = 0; i < 24 && after.replica.scans === before.replica.scans; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    after = { replica: await scans(replica), primary: await scans(primary) };
  }
  const replicaScans = after.replica.scans - before.replica.scans;
  const primaryScans = after.primary.scans - before.primary.scans;
  const replicaCommits = after.replica.commits - before.replica.commits;
  return {
    pass: replicaScans > 0 && primaryScans === 0,
    detail: `${pages} results pages through nginx: scans of results_cells/_daily/_sources +${replicaScans} on the replica, +${primaryScans} on the primary; transactions +${replicaCommits} on the replica`,
  };
}

// ---------------------------------------------------------------------------------------------
// a. A post made on A is on B's thread page at once.

async function checkPost(browser: Browser) {
  const reader = await newPage(browser, B);
  await reader.goto('/forum');
  await reader.getByRole('link', { name: THREAD_TITLE }).click();
  await reader.getByRole('heading', { level: 1, name: THREAD_TITLE }).waitFor();
  // A signed-in visitor on B (the demo member), and the poster on A.
  const member = await newPage(browser, B);
  await signInAs(member, demo.member);
  const poster = await newPage(browser, A);
  await signInAs(poster, POSTER);
  const threadPath = new URL(reader.url()).pathname;
  // The thread's page is kept for the public on B before the post (so the post must throw it away).
  await anonymous(`${B}${threadPath}`);
  const keptBefore = (await anonymous(`${B}${threadPath}`)).kept;
  if (!keptBefore) return { pass: false, detail: `B did not keep ${threadPath} for the public before the post (no x-nextjs-cache: HIT)` };
  await poster.goto(threadPath);
  const text = `Test skali ${Date.now()}: wpis z instancji A.`;
  await poster.locator('#reply').getByLabel('Treść').fill(text);
  await poster.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
  await poster.locator('article').filter({ hasText: text }).first().waitFor();
  // The page the post is on, as instance A shows it; the same address on B, once each.
  const at = new URL(poster.url());
  const path = `${at.pathname}${at.search}`;
  const anon = await anonymous(`${B}${path}`);
  await member.goto(path);
  const memberSees = (await member.content()).includes(text);
  const anonSees = anon.status === 200 && anon.text.includes(text);
  return {
    pass: anonSees && memberSees,
    detail: `B kept ${threadPath} for the public (HIT); post on A (${A}); B's ${path}: anonymous ${anonSees ? 'sees it' : `does NOT see it (HTTP ${anon.status})`}, signed in ${memberSees ? 'sees it' : 'does NOT see it'}`,
  };
}

// ---------------------------------------------------------------------------------------------
// b. Results withdrawn on A are gone from B's public pages at once.

async function checkWithdrawal(browser: Browser) {
  const member = await newPage(browser, B);
  await signInAs(member, demo.member);
  // B serves the results to the public (twice, so anything kept is kept).
  for (let i = 0; i < 2; i++) {
    for (const path of RESULTS_PAGES) {
      const { status } = await anonymous(`${B}${path}`);
      if (status !== 200) return { pass: false, detail: `before the withdrawal B answered ${status} for ${path}` };
    }
    if (!(await anonymous(`${B}/results`)).text.includes(SURVEY_TITLE)) return { pass: false, detail: 'before the withdrawal /results on B does not list the survey' };
  }
  // Every one of them is now kept, and A sends B's kept copy without rendering it (one shared cache).
  for (const path of RESULTS_PAGES.filter((p) => !p.includes('/csv'))) {
    if (!(await anonymous(`${B}${path}`)).kept) return { pass: false, detail: `before the withdrawal B did not keep ${path}` };
    if (!(await anonymous(`${A}${path}`)).kept) return { pass: false, detail: `before the withdrawal A did not serve B's kept ${path} (cache not shared)` };
  }
  const coordinator = await newPage(browser, A);
  await signInAs(coordinator, demo.coordinator);
  await coordinator.goto('/results');
  await coordinator.getByRole('button', { name: new RegExp(`Wycofaj publikację wyników.*${SURVEY_TITLE}`) }).click();
  await coordinator.getByText('Wyniki niepublikowane').first().waitFor();
  const still: string[] = [];
  for (const path of RESULTS_PAGES) {
    const anon = await anonymous(`${B}${path}`);
    if (anon.status !== 404) still.push(`${path} anonymous ${anon.status}`);
    // A signed-in visitor without a staff role is refused (403) rather than told it does not exist.
    const signedIn = await member.request.get(path, { maxRedirects: 0 });
    if (![403, 404].includes(signedIn.status())) still.push(`${path} signed in ${signedIn.status()}`);
  }
  if ((await anonymous(`${B}/results`)).text.includes(SURVEY_TITLE)) still.push('/results lists it');
  // Put it back as it was.
  await coordinator.getByRole('button', { name: new RegExp(`Opublikuj wyniki.*${SURVEY_TITLE}`) }).click();
  await coordinator.getByText('Wyniki opublikowane').first().waitFor();
  return {
    pass: still.length === 0,
    detail: still.length === 0 ? `the ${RESULTS_PAGES.length - 1} pages kept on B and served kept by A (shared); withdrawn on A; on B all ${RESULTS_PAGES.length} results pages answer 404 to the anonymous visitor and 403/404 to the signed-in member and /results no longer lists it` : `withdrawn on A, B still serves: ${still.join('; ')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// d. SIGKILL of one instance during a stream of GETs through nginx loses no request.
// e. A graceful stop (SIGTERM, as `systemctl restart` sends) loses none either, not even a page.
//
// nginx re-sends a GET to the other instance when the stopped one refuses the connection or drops
// it before answering. A page the killed instance had already begun to send cannot be re-sent by
// any balancer (its status and first bytes have reached the client): in check d such a cut-off
// page is counted apart, and allowed only for requests that were in flight on the killed instance
// at the moment it was killed (at most one per client). Every other request must get its whole
// 200. Check e allows nothing: `next start` stops taking connections and finishes what it began.

async function stopDuringStream(pgid: number, signal: 'SIGKILL' | 'SIGTERM', name: string) {
  const paths = ['/', '/forum', '/accessibility', '/results', '/api/health'];
  const clients = 4;
  const seconds = 12;
  const stopAt = 4;
  const started = Date.now();
  const endAt = started + seconds * 1000;
  const logBefore = retriedInLog();
  let stoppedAt = Infinity;
  const stopper = setTimeout(() => {
    process.kill(-pgid, signal);
    stoppedAt = Date.now();
  }, stopAt * 1000);
  const lost: string[] = [];
  const cut: string[] = [];
  let sent = 0;
  let afterStop = 0;
  const client = async (n: number) => {
    for (let i = n; Date.now() < endAt; i++) {
      const path = paths[i % paths.length]!;
      const sentAt = Date.now();
      sent++;
      if (sentAt > stoppedAt) afterStop++;
      let status = 0;
      try {
        const response = await fetch(`${NGINX}${path}`, { redirect: 'manual' });
        status = response.status;
        await response.arrayBuffer(); // the whole body, or an error if it was cut off
        if (status !== 200) lost.push(`${path} HTTP ${status}`);
      } catch (error) {
        const inFlightAtStop = sentAt <= stoppedAt && Date.now() >= stoppedAt;
        // A status already received: the answer had begun, and was cut off.
        (status === 200 && inFlightAtStop ? cut : lost).push(`${path} ${status ? `HTTP ${status}, then ` : ''}${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  clearTimeout(stopper);
  return {
    stopped: Number.isFinite(stoppedAt),
    clients,
    afterStop,
    lost,
    cut,
    detail:
      `${sent} GETs through nginx in ${seconds} s (${clients} at a time), ${signal} to instance ${name} at ${stopAt} s, ${afterStop} sent after; ` +
      `${retriedInLog() - logBefore} re-sent by nginx to the other instance; ${lost.length} lost${lost.length ? ` (${lost.slice(0, 3).join('; ')})` : ''}; ` +
      `${cut.length} cut off mid-page${cut.length ? ` (${cut.slice(0, 3).join('; ')})` : ''}`,
  };
}

/** Requests nginx's log shows it sent to a second instance ("upstream=a, b"). */
function retriedInLog(): number {
  try {
    return readFileSync(need('SCALE_NGINX_LOG'), 'utf8')
      .split('\n')
      .filter((line) => /upstream=\S+, /.test(line)).length;
  } catch {
    return 0;
  }
}

async function checkKill() {
  const r = await stopDuringStream(Number(need('SCALE_APP_A_PGID')), 'SIGKILL', 'A');
  return { pass: r.stopped && r.afterStop > 0 && r.lost.length === 0 && r.cut.length <= r.clients, detail: r.detail };
}

async function checkGracefulStop() {
  const r = await stopDuringStream(Number(need('SCALE_APP_B_PGID')), 'SIGTERM', 'B');
  return { pass: r.stopped && r.afterStop > 0 && r.lost.length === 0 && r.cut.length === 0, detail: r.detail };
}

// ---------------------------------------------------------------------------------------------
// Run as `scale-test-checks.ts c,a,b` (those checks, in that order) or `scale-test-checks.ts
// summary`; outcomes are kept in SCALE_RESULTS (JSON lines) between the calls, since the shell
// script restarts an instance between checks e and d.

const results = need('SCALE_RESULTS');
const CHECKS: Record<string, { name: string; seconds: number; run: (browser: Browser) => Promise<{ pass: boolean; detail: string }> }> = {
  c: { name: 'c. dashboards read from the replica', seconds: 90, run: checkReplicaReads },
  a: { name: 'a. post on A is on B at once', seconds: 120, run: checkPost },
  b: { name: 'b. withdrawal on A is gone from B at once', seconds: 150, run: checkWithdrawal },
  e: { name: 'e. SIGTERM of an instance loses no GET', seconds: 60, run: checkGracefulStop },
  d: { name: 'd. SIGKILL of an instance loses no GET', seconds: 60, run: checkKill },
};

const wanted = process.argv[2] ?? '';
if (wanted === 'summary') {
  const outcomes = existsSync(results) ? readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Outcome) : [];
  console.log('| check | result | detail |\n| --- | --- | --- |');
  for (const o of outcomes) console.log(`| ${o.check} | ${o.pass ? 'PASS' : 'FAIL'} | ${o.detail} |`);
  const failed = outcomes.filter((o) => !o.pass).length;
  const complete = outcomes.length === Object.keys(CHECKS).length;
  console.log(failed === 0 && complete ? '\nscale test: all checks passed' : `\nscale test: ${failed} of ${outcomes.length} checks FAILED${complete ? '' : `, ${Object.keys(CHECKS).length - outcomes.length} not run`}`);
  process.exit(failed === 0 && complete ? 0 : 1);
}

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
});
try {
  for (const key of wanted.split(',')) {
    const known = CHECKS[key];
    if (!known) throw new Error(`unknown check "${key}" (one of ${Object.keys(CHECKS).join(', ')}, or summary)`);
    await check(known.name, known.seconds, () => known.run(browser));
  }
} finally {
  await browser.close();
  await primary.end();
  await replica.end();
}
for (const outcome of outcomes) appendFileSync(results, `${JSON.stringify(outcome)}\n`);
process.exit(0);
