/**
 * Benchmark: the forum's pages against a bare Next.js page, both production builds, in one run.
 *
 *   npm run build
 *   npx tsx --conditions=react-server scripts/bench-forum-thread.ts
 *
 * Settings (environment):
 *   BENCH_ADMIN_URL   a PostgreSQL server to create the scratch database on
 *                     (default postgres://postgres@127.0.0.1:5432/postgres; must be on 127.0.0.1/localhost)
 *   BENCH_PORT        port of the app on 127.0.0.1 (default 3201); the bare page gets BENCH_PORT + 1
 *   BENCH_SECONDS     seconds per URL and concurrency (default 10); BENCH_WARMUP_SECONDS (default 3)
 *   BENCH_CLIENT      wrk (default when `wrk` is installed: apt-get install -y wrk) or node
 *                     (scripts/bench-http.ts); one client measures every URL of a run
 *   BENCH_NODE_OPTIONS  NODE_OPTIONS for both servers alike (default: deploy/agora@.service's, so
 *                     the app runs as a deployed instance does; empty for none)
 *   BENCH_NODE_ARGS   node's own flags for both servers alike, before the script (default: those of
 *                     the unit's ExecStart; empty for none) — V8's heap flags that NODE_OPTIONS
 *                     refuses, such as --heap-growing-percent
 *   MALLOC_ARENA_MAX  glibc's arenas for both servers (default: the unit's Environment= line)
 *   BENCH_KEEP=1      keep the scratch database afterwards
 *
 * It creates a scratch database, migrates it and loads the deployment with the demo data, adds one
 * county thread of 2,000 posts (Markdown with lists, quotes and links, 25 authors; cooked to HTML
 * as the app does when a post is written) and starts the app with `next start`. It also builds,
 * once (kept in the system's temporary folder, keyed by the Next.js version and its source), a bare
 * Next.js app from the same node_modules — one dynamic page rendering a 20-item list — and starts
 * it the same way. After a warm-up round it measures each URL at 1 connection (p50, p95) and at 10
 * (requests/s, p95): the bare page; `/accessibility` (the app's shell around a static text);
 * `/forum`; the thread's first and last page — anonymous, and signed in as a demo forum member
 * (a session row and its cookie, made here as a sign-in would) — and, for the member, the request
 * that brings their own part of each of those pages, which they are sent as members' kept pages
 * (app/_http/site.ts). It prints each URL's throughput as a ratio to the bare page, the app's CPU
 * time per request, a member's whole view of each page (the kept page and their part together),
 * and each server process's peak RSS.
 * A benchmark, not a test: nothing fails on a slow figure; the targets are printed beside it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { renderMarkdown } from '../lib/markdown';
import { benchHttp } from './bench-http';
import { benchSession } from './bench-session';

const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3201);
const barePort = port + 1;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
const client = process.env.BENCH_CLIENT ?? (hasWrk ? 'wrk' : 'node');
/** A variable of deploy/agora@.service's environment lines: the memory settings a deployed instance runs with. */
function unitEnvironment(name: string): string {
  const unit = readFileSync(path.resolve('deploy/agora@.service'), 'utf8');
  return new RegExp(`^Environment="?${name}=([^"\\n]*)"?$`, 'm').exec(unit)?.[1] ?? '';
}
const nodeOptions = process.env.BENCH_NODE_OPTIONS ?? unitEnvironment('NODE_OPTIONS');
const mallocArenaMax = process.env.MALLOC_ARENA_MAX ?? unitEnvironment('MALLOC_ARENA_MAX');
/** node's flags in the unit's ExecStart (between the node binary and the script), e.g. V8's heap flags. */
function unitNodeArgs(): string {
  const unit = readFileSync(path.resolve('deploy/agora@.service'), 'utf8');
  return /^ExecStart=\S*node((?: -[^ ]+)*) \S+\/next /m.exec(unit)?.[1]?.trim() ?? '';
}
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? unitNodeArgs()).split(' ').filter(Boolean);
/** The memory settings given to both servers, never to this script (the load generator). */
const serverMemorySettings = { ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), ...(mallocArenaMax ? { MALLOC_ARENA_MAX: mallocArenaMax } : {}) };
const POSTS = 2000;
const PER_PAGE = 20;
/** A demo forum member (db/seed/forum.ts): an approved seat, so the thread shows them its forms. */
const MEMBER_EMAIL = 'soltys.cieklin@agora.local';
const AUTH_SECRET = process.env.AUTH_SECRET ?? 'bench-only-secret-bench-only-secret-bench';
/** The targets of issue 17, printed beside the figures. */
const TARGETS = { thread: 0.6, forum: 0.6, shell: 0.8, threadP95AtOne: 20, rssMb: 300 };

if (!/^postgres(ql)?:\/\/[^/]*@?(127\.0\.0\.1|localhost)(:\d+)?\//.test(adminUrl)) {
  console.error('BENCH_ADMIN_URL must point at a PostgreSQL server on 127.0.0.1 or localhost.');
  process.exit(1);
}
if (client === 'wrk' && !hasWrk) {
  console.error('BENCH_CLIENT=wrk, but wrk is not installed (apt-get install -y wrk).');
  process.exit(1);
}

function fold(text: string) {
  return [...text].map((c) => (c.toLowerCase() === 'ł' ? 'l' : c.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') || c)).join('');
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string) {
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error(`${url} did not answer within 60 s`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(500);
  }
}

// --- The bare Next.js app -------------------------------------------------------------------

const BARE_FILES: Record<string, string> = {
  'package.json': '{ "private": true }\n',
  // The app's node_modules live outside this folder: Turbopack must be allowed to read them.
  'next.config.mjs': "export default { poweredByHeader: false, turbopack: { root: '/' } };\n",
  'app/layout.jsx': `export const metadata = { title: 'Bare' };
export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  'app/page.jsx': `export const dynamic = 'force-dynamic';
export default async function Page() {
  const now = Date.now();
  const items = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: 'Item ' + (i + 1), at: new Date(now - i * 60000).toISOString() }));
  return (
    <main>
      <h1>Twenty items</h1>
      <ul>{items.map((item) => <li key={item.id}><a href={'/items/' + item.id}>{item.title}</a> <time dateTime={item.at}>{item.at}</time></li>)}</ul>
    </main>
  );
}
`,
};

/** Builds the bare app once per Next.js version and source; later runs reuse the build. */
async function bareApp(): Promise<string> {
  const nextVersion = JSON.parse(readFileSync('node_modules/next/package.json', 'utf8')).version as string;
  const key = createHash('sha256').update(nextVersion).update(JSON.stringify(BARE_FILES)).update(process.cwd()).digest('hex').slice(0, 12);
  const dir = path.join(tmpdir(), `agora-bench-bare-next-${key}`);
  if (existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;
  console.log(`building the bare Next.js ${nextVersion} app in ${dir}…`);
  for (const [name, text] of Object.entries(BARE_FILES)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  await run(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  return dir;
}

// --- Measuring ------------------------------------------------------------------------------

interface Figures {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** wrk's summary, printed by a Lua hook: requests, microseconds, errors (incl. non-2xx/3xx), p50 and p95 in µs. */
const WRK_REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %.0f %.0f\\n", summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(95)))
end
`;
let wrkScript = '';

async function measure(url: string, connections: number, duration: number, headers: Record<string, string>): Promise<Figures> {
  const all = { 'accept-encoding': 'gzip', ...headers };
  if (client === 'node') {
    const r = await benchHttp(url, 1_000_000, connections, all, false, duration);
    return { requests: r.requests, failures: r.failures, perSecond: r.perSecond, p50: r.p50, p95: r.p95 };
  }
  if (!wrkScript) {
    wrkScript = path.join(tmpdir(), `agora-bench-wrk-${process.pid}.lua`);
    writeFileSync(wrkScript, WRK_REPORT);
  }
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '-s', wrkScript];
  for (const [name, value] of Object.entries(all)) args.push('-H', `${name}: ${value}`);
  const result = spawnSync('wrk', [...args, url], { encoding: 'utf8' });
  const line = /^BENCH (\d+) (\d+) (\d+) (\d+) (\d+)$/m.exec(result.stdout);
  if (!line) throw new Error(`wrk gave no figures: ${result.stdout}${result.stderr}`);
  const [requests, micros, failures, p50, p95] = line.slice(1).map(Number) as [number, number, number, number, number];
  return { requests, failures, perSecond: requests / (micros / 1e6), p50: p50 / 1000, p95: p95 / 1000 };
}

/** User + system CPU time of a process and its children so far, in milliseconds. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The process and its descendants, with each one's peak resident set (VmHWM) in MB. */
function peakRss(rootPid: number): { pid: number; command: string; mb: number }[] {
  const out = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout;
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i]!) ?? []));
  return pids.flatMap((pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ');
      return [{ pid, command, mb: kb / 1024 }];
    } catch {
      return [];
    }
  });
}

function startServer(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): ChildProcess {
  return spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'inherit'] });
}

// --- The run --------------------------------------------------------------------------------

async function main() {
  const dbName = `agora_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    AGORA_SEED_DEMO: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const servers: ChildProcess[] = [];
  try {
    const bareDir = await bareApp();
    console.log(`scratch database ${dbName}: migrating and loading the deployment and the demo data…`);
    await run('npx', ['tsx', '--conditions=react-server', 'db/prepare.ts', '--seed=demo'], { env });

    const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
    const authors = await sql<{ id: string }[]>`
      insert into users (email, name) select 'bench' || g || '@example.pl', 'Autor Testowy ' || g from generate_series(1, 25) g returning id`;
    const [area] = await sql<{ id: number }[]>`select id from service_areas order by position limit 1`;
    const title = 'Wątek testowy: 2000 wpisów o komunikacji w powiecie';
    const [thread] = await sql<{ id: number }[]>`
      insert into forum_threads (commune_id, title, author_id, post_count, search_text)
      values (null, ${title}, ${authors[0]!.id}, ${POSTS}, ${fold(title)}) returning id`;
    await sql`insert into forum_thread_areas (thread_id, service_area_id) values (${thread!.id}, ${area!.id})`;
    const rowsToInsert = Array.from({ length: POSTS }, (_, i) => {
      const body =
        `Wpis nr ${i + 1}. Autobus z **Cieklina** do Jasła jedzie *za wcześnie*, a powrót jest dopiero po 15:00.\n\n` +
        `> Cytat z wcześniejszej dyskusji o rozkładzie jazdy i o przystankach na żądanie.\n\n` +
        `- pierwszy kurs o 6:40\n- drugi kurs o 7:20 (propozycja)\n- powrót o 13:30\n\n` +
        `Więcej w [rozkładzie](https://example.pl/rozklad) i w \`uchwale 12/2026\`.`;
      return { thread_id: thread!.id, number: i + 1, author_id: authors[i % authors.length]!.id, body, body_html: renderMarkdown(body), search_text: fold(body), quoted_post_id: null };
    });
    for (let i = 0; i < rowsToInsert.length; i += 500) await sql`insert into forum_posts ${sql(rowsToInsert.slice(i, i + 500))}`;
    // The member has read the thread up to its 1,000th post: the index shows it unread.
    const member = await benchSession(sql, MEMBER_EMAIL, AUTH_SECRET);
    await sql`insert into forum_thread_reads (user_id, thread_id, last_read_number) values (${member.userId}, ${thread!.id}, 1000)`;
    await sql`analyze`;
    await sql.end();
    const memberCookie = async () => ({ cookie: await member.cookie() });

    console.log(`thread ${thread!.id} with ${POSTS} posts loaded; starting the app on 127.0.0.1:${port} and the bare page on :${barePort}…`);
    const app = startServer(process.execPath, [...nodeArgs, path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', 'localhost'], {
      env: { ...env, ...serverMemorySettings },
    });
    servers.push(app);
    const bare = startServer(process.execPath, [...nodeArgs, path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(barePort), '-H', 'localhost'], {
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...serverMemorySettings },
      cwd: bareDir,
    });
    servers.push(bare);
    const base = `http://127.0.0.1:${port}`;
    const bareBase = `http://127.0.0.1:${barePort}`;
    await Promise.all([waitFor(`${base}/api/health`), waitFor(`${bareBase}/`)]);

    const pages = POSTS / PER_PAGE;
    type Target = { label: string; url: string; kind: 'bare' | 'shell' | 'forum' | 'thread' | 'viewer'; member: boolean; pid: number };
    const targets: Target[] = [{ label: 'bare Next.js page (20 items)', url: `${bareBase}/`, kind: 'bare', member: false, pid: bare.pid! }];
    for (const signedIn of [false, true]) {
      const a = { member: signedIn, pid: app.pid! };
      targets.push(
        { label: '/accessibility', url: `${base}/accessibility`, kind: 'shell', ...a },
        { label: '/forum', url: `${base}/forum`, kind: 'forum', ...a },
        { label: 'thread, page 1', url: `${base}/forum/threads/${thread!.id}?page=1`, kind: 'thread', ...a },
        { label: `thread, page ${pages}`, url: `${base}/forum/threads/${thread!.id}?page=${pages}`, kind: 'thread', ...a },
      );
    }
    // The member's own part of each members' kept page above, in their order.
    targets.push(
      { label: 'their part of the shell', url: `${base}/api/viewer`, kind: 'viewer', member: true, pid: app.pid! },
      { label: 'their part of /forum', url: `${base}/api/viewer?forum=1`, kind: 'viewer', member: true, pid: app.pid! },
      { label: 'their part of page 1', url: `${base}/api/viewer?thread=${thread!.id}&page=1`, kind: 'viewer', member: true, pid: app.pid! },
      { label: `their part of page ${pages}`, url: `${base}/api/viewer?thread=${thread!.id}&page=${pages}`, kind: 'viewer', member: true, pid: app.pid! },
    );

    // Each URL answers 200, and signed in only when it should: the header names the member, except
    // on a members' kept page (shared by every member, it has the sign-out button and no one's
    // name), whose reader's part names them.
    for (const target of targets) {
      const response = await fetch(target.url, { headers: target.member ? await memberCookie() : {}, redirect: 'manual' });
      const body = await response.text();
      const named = target.kind === 'viewer' ? (JSON.parse(body) as { account: { name: string } }).account.name === member.name : body.includes(member.name);
      const membersPage = target.member && target.kind !== 'viewer';
      const ok = target.kind === 'bare' || (membersPage ? !named && body.includes('Wyloguj') : named === target.member);
      if (response.status !== 200 || !ok) {
        throw new Error(`${target.url} (${target.member ? 'member' : 'anonymous'}) answered ${response.status}${named ? ', signed in' : ', signed out'}`);
      }
    }

    // A server runs for days: measure warmed-up processes. V8 optimises code after many runs,
    // and the pages share most of it, so the warm-up goes round every URL first.
    console.log(`warming up (${warmupSeconds} s per URL)…`);
    for (const target of targets) await measure(target.url, 10, warmupSeconds, target.member ? await memberCookie() : {});

    console.log(
      `\n${seconds} s per URL and concurrency, client: ${client}, gzip; production builds; PostgreSQL; servers' NODE_OPTIONS=${nodeOptions || '(none)'}, MALLOC_ARENA_MAX=${mallocArenaMax || '(unset)'}, node flags: ${nodeArgs.join(' ') || '(none)'}; load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    );
    const header = ['page', 'reader', 'c=1 p50', 'c=1 p95', 'c=10 req/s', 'c=10 p95', '× bare', 'CPU ms/req', 'failed'];
    console.log(header.join(' | '));
    const results: (Target & { one: Figures; ten: Figures; cpu: number })[] = [];
    for (const target of targets) {
      const headers = target.member ? await memberCookie() : {};
      const one = await measure(target.url, 1, seconds, headers);
      const before = cpuMs(target.pid);
      const ten = await measure(target.url, 10, seconds, headers);
      const cpu = (cpuMs(target.pid) - before) / Math.max(1, ten.requests);
      results.push({ ...target, one, ten, cpu });
      const ratio = ten.perSecond / results[0]!.ten.perSecond;
      console.log(
        [
          target.label.padEnd(28),
          (target.member ? 'member' : 'anonymous').padEnd(9),
          `${one.p50.toFixed(1)} ms`,
          `${one.p95.toFixed(1)} ms`,
          ten.perSecond.toFixed(1),
          `${ten.p95.toFixed(1)} ms`,
          ratio.toFixed(2),
          cpu.toFixed(1),
          String(one.failures + ten.failures),
        ].join(' | '),
      );
    }
    console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

    console.log('\npeak RSS (VmHWM) per server process:');
    const rss = [...peakRss(bare.pid!).map((p) => ({ ...p, server: 'bare' })), ...peakRss(app.pid!).map((p) => ({ ...p, server: 'app' }))];
    for (const p of rss) console.log(`  ${p.server.padEnd(4)} pid ${p.pid}: ${p.mb.toFixed(0)} MB (${p.command})`);

    const bareRate = results[0]!.ten.perSecond;
    const worst = (kind: Target['kind']) => Math.min(...results.filter((r) => r.kind === kind).map((r) => r.ten.perSecond / bareRate));
    // A member's view of a kept page is two requests: the page and their part of it, which the
    // server serves one after the other: views/s = 1 / (1/pages/s + 1/parts/s).
    const memberPages = results.filter((r) => r.member && r.kind !== 'viewer');
    const parts = results.filter((r) => r.kind === 'viewer');
    const views = memberPages.map((page, i) => ({ kind: page.kind, label: page.label, rate: 1 / (1 / page.ten.perSecond + 1 / parts[i]!.ten.perSecond) }));
    console.log(`\na member's whole view (kept page + their part), c=10:`);
    for (const view of views) console.log(`  ${view.label}: ${view.rate.toFixed(1)} views/s = ${(view.rate / bareRate).toFixed(2)}× bare`);
    const threadP95 = Math.max(...results.filter((r) => r.kind === 'thread').map((r) => r.one.p95));
    const appRss = Math.max(...rss.filter((p) => p.server === 'app').map((p) => p.mb));
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log('\ntargets (issue 17), worst case over readers and pages:');
    console.log(`  thread ≥ ${TARGETS.thread}× bare at c=10: ${worst('thread').toFixed(2)}× — ${verdict(worst('thread') >= TARGETS.thread)}`);
    const worstView = (kind: Target['kind']) => Math.min(...views.filter((v) => v.kind === kind).map((v) => v.rate)) / bareRate;
    console.log(`  (a member's whole view of it, both requests: ${worstView('thread').toFixed(2)}× — ${verdict(worstView('thread') >= TARGETS.thread)})`);
    console.log(`  /forum ≥ ${TARGETS.forum}× bare at c=10: ${worst('forum').toFixed(2)}× — ${verdict(worst('forum') >= TARGETS.forum)}`);
    console.log(`  (a member's whole view of it, both requests: ${worstView('forum').toFixed(2)}× — ${verdict(worstView('forum') >= TARGETS.forum)})`);
    console.log(`  /accessibility ≥ ${TARGETS.shell}× bare at c=10: ${worst('shell').toFixed(2)}× — ${verdict(worst('shell') >= TARGETS.shell)}`);
    console.log(`  (a member's whole view of it, both requests: ${worstView('shell').toFixed(2)}× — ${verdict(worstView('shell') >= TARGETS.shell)})`);
    console.log(`  thread p95 at c=1 < ${TARGETS.threadP95AtOne} ms: ${threadP95.toFixed(1)} ms — ${verdict(threadP95 < TARGETS.threadP95AtOne)}`);
    console.log(`  peak RSS per app process < ${TARGETS.rssMb} MB: ${appRss.toFixed(0)} MB — ${verdict(appRss < TARGETS.rssMb)}`);
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    await sleep(1000);
    if (!process.env.BENCH_KEEP) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    else console.log(`kept the scratch database ${dbName}`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
