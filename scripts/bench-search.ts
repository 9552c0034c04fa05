/**
 * Benchmark of Polish-aware search (lib/search): what the lemmatizer costs a process, what
 * indexing costs a write, and how long a ranked, highlighted forum search takes over many posts.
 *
 *   npx tsx --expose-gc --conditions=react-server scripts/bench-search.ts [--posts 20000] [--runs 20]
 *
 * Everything runs in this process on an in-memory PGlite (the embedded database: the slower of
 * the two): migrations, one thread per 20 posts written with indexText() as the app writes them
 * (sentences of municipal Polish in every inflected form), then each query `runs` times through
 * searchForum() — the function the search page calls. Bounded: fixed corpus and runs; nothing is
 * written outside memory. A benchmark, not a test: nothing fails on a slow figure.
 */
import { parseArgs } from 'node:util';

process.env.PGLITE_DATA_DIR = 'memory://';
process.env.DATABASE_URL = '';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '20000' }, runs: { type: 'string', default: '20' } } });
const POSTS = Math.max(100, Math.min(200_000, Number(values.posts) || 20_000));
const RUNS = Math.max(1, Math.min(100, Number(values.runs) || 20));

const SENTENCES = [
  'Brak oświetlenia na drodze do szkoły w Gąsówce jest niebezpieczny dla dzieci.',
  'Oświetlenie ulicy przy kościele nie działa od miesiąca, zgłaszaliśmy to wójtowi.',
  'Droga powiatowa po zimie ma dziury, a na drodze gminnej brakuje chodnika.',
  'Autobus szkolny przyjeżdża za wcześnie i dzieci czekają pod szkołą pół godziny.',
  'W szkole brakuje zajęć dodatkowych, a świetlica jest zamknięta po piętnastej.',
  'Mieszkańcy chcą wiaty na przystanku i rozkładu jazdy dopasowanego do pracy.',
  'Dom kultury mógłby prowadzić zajęcia dla seniorów i młodzieży w weekendy.',
  'Woda z wodociągu ma żółty kolor po deszczu, prosimy o badanie jakości.',
  'Odbiór odpadów segregowanych powinien być częściej w miesiącach letnich.',
  'Przychodnia przyjmuje tylko rano, brakuje lekarza specjalisty w gminie.',
];
const QUERIES = ['oświetlenie', 'drodze', 'szkół', 'oswietlenie drogi', 'autobusu do szkoły', 'wodociągi', 'zajęcia dla seniorów', 'kanalizacja'];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// With --expose-gc the heap figure is what the lemmatizer keeps, not what building it left behind.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
gc();
const heapBefore = process.memoryUsage().heapUsed;
let t = performance.now();
const { polishLemmatizer } = await import('../lib/search/dictionary');
const lemmatizer = await polishLemmatizer();
const loadMs = performance.now() - t;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

const { indexText } = await import('../lib/search');
const post = Array.from({ length: 100 }, (_, i) => SENTENCES[i % SENTENCES.length]).join(' ');
const words = post.split(/\s+/).length;
const indexTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  t = performance.now();
  await indexText(`${post} ${i}`);
  indexTimes.push(performance.now() - t);
}
indexTimes.sort((a, b) => a - b);

const { getConnection } = await import('../db/client');
const { runMigrations } = await import('../db/migrate');
const connection = getConnection();
await runMigrations(connection);
const { sql } = await import('drizzle-orm');
const { db } = await import('../db/client');
const { posts, threads } = await import('../db/schema');
t = performance.now();
for (let start = 0; start < POSTS; start += 20) {
  const title = `Sprawy sołectwa nr ${start / 20 + 1}: ${SENTENCES[(start / 20) % SENTENCES.length]!.split(' ').slice(0, 4).join(' ')}`;
  const [thread] = await db.insert(threads).values({ title, postCount: 20, searchText: await indexText(title) }).returning({ id: threads.id });
  const rows = [];
  for (let n = 1; n <= 20; n++) {
    const body = [0, 3, 7].map((k) => SENTENCES[(start + n * 7 + k) % SENTENCES.length]).join(' ');
    rows.push({ threadId: thread!.id, number: n, body, bodyHtml: `<p>${body}</p>`, searchText: await indexText(body) });
  }
  await db.insert(posts).values(rows);
}
const loadDbS = (performance.now() - t) / 1000;
await db.execute(sql`analyze`);

const { searchForum } = await import('../lib/forum/search-queries');
console.log(`Dictionary: ${lemmatizer.size.toLocaleString('en')} words; built in ${loadMs.toFixed(0)} ms, ~${heapMb.toFixed(0)} MB of heap`);
console.log(`indexText of a ${words}-word post: median ${percentile(indexTimes, 50).toFixed(2)} ms, p95 ${percentile(indexTimes, 95).toFixed(2)} ms (warm word cache)`);
console.log(`Loaded ${POSTS.toLocaleString('en')} posts in ${POSTS / 20} threads in ${loadDbS.toFixed(0)} s (PGlite in memory)`);
console.log(`\n| query | hits | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |`);
for (const query of QUERIES) {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    hits = (await searchForum({ query })).hits.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${query} | ${hits} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
}
await connection.close();
