/**
 * Benchmark: page latency of a 2,000-post forum thread on a production build over real PostgreSQL.
 *
 *   npm run build
 *   npx tsx --conditions=react-server scripts/bench-forum-thread.ts
 *
 * Settings (environment):
 *   BENCH_ADMIN_URL   a PostgreSQL server to create the scratch database on
 *                     (default postgres://postgres@127.0.0.1:5432/postgres; must be on 127.0.0.1/localhost)
 *   BENCH_PORT        port of the server it starts on 127.0.0.1 (default 3201)
 *   BENCH_REQUESTS    requests per page (default 200), BENCH_CONCURRENCY parallel clients (default 8)
 *   BENCH_SECONDS     time limit per page (default 60)
 *   BENCH_KEEP=1      keep the scratch database afterwards
 *
 * It creates a scratch database, migrates it, loads the deployment and one county thread with
 * 2,000 posts (Markdown with lists, quotes and links, 25 authors; cooked to HTML as the app does
 * when a post is written), starts `next start` against it,
 * warms up, then requests the first, middle and last page under concurrent load and prints p50/p95.
 * A benchmark, not a test: nothing fails on a slow figure.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { renderMarkdown } from '../lib/markdown';

const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3201);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const POSTS = 2000;
const PER_PAGE = 20;

if (!/^postgres(ql)?:\/\/[^/]*@?(127\.0\.0\.1|localhost)(:\d+)?\//.test(adminUrl)) {
  console.error('BENCH_ADMIN_URL must point at a PostgreSQL server on 127.0.0.1 or localhost.');
  process.exit(1);
}

function fold(text: string) {
  return [...text].map((c) => (c.toLowerCase() === 'ł' ? 'l' : c.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') || c)).join('');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(url: string) {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const stopAt = Date.now() + seconds * 1000;
  async function client() {
    while (issued < requests && Date.now() < stopAt) {
      issued++;
      const start = performance.now();
      try {
        const response = await fetch(url);
        await response.text();
        if (response.status !== 200) errors++;
        else latencies.push(performance.now() - start);
      } catch {
        errors++;
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, errors, p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: latencies.length / elapsed };
}

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
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-only-secret-bench-only-secret-bench',
    AGORA_SEED_DEMO: '',
  };
  let server: ReturnType<typeof spawn> | undefined;
  try {
    console.log(`scratch database ${dbName}: migrating and loading the deployment…`);
    await run('npx', ['tsx', '--conditions=react-server', 'db/prepare.ts', '--seed=deployment'], env);

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
    await sql`analyze`;
    await sql.end();
    console.log(`thread ${thread!.id} with ${POSTS} posts loaded; starting next start on 127.0.0.1:${port}…`);

    server = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', 'localhost'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error('the server did not answer /api/health within 60 s');
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const pages = POSTS / PER_PAGE;
    const targets = [
      { label: 'first page (1)', page: 1 },
      { label: `middle page (${pages / 2})`, page: pages / 2 },
      { label: `last page (${pages})`, page: pages },
    ];
    for (const target of targets) for (let i = 0; i < 10; i++) await fetch(`${base}/forum/threads/${thread!.id}?page=${target.page}`).then((r) => r.text());

    console.log(`\n${requests} requests per page, ${concurrency} concurrent clients, anonymous reader, production build, PostgreSQL`);
    console.log('page                 | ok  | errors | p50 ms | p95 ms | req/s');
    for (const target of targets) {
      const r = await load(`${base}/forum/threads/${thread!.id}?page=${target.page}`);
      console.log(`${target.label.padEnd(20)} | ${String(r.n).padStart(3)} | ${String(r.errors).padStart(6)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.rps.toFixed(1)}`);
    }
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    if (!process.env.BENCH_KEEP) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
