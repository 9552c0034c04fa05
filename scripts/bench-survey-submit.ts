/**
 * Benchmark of survey submissions: sustained submissions per second and latency percentiles of
 * POST /s/<slug>/submit against a running production build backed by PostgreSQL.
 *
 *   createdb agora_bench && export DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora_bench
 *   npm run build
 *   AGORA_SEED_DEMO=1 AUTH_SECRET=... SURVEY_SUBMISSIONS_PER_ADDRESS=1000000 TRUSTED_PROXIES=1 npm start -- -p 3202 &
 *   npx tsx scripts/bench-survey-submit.ts --url http://127.0.0.1:3202 --seconds 30 --concurrency 10
 *
 * Bounded (time and request count) and refuses any host but 127.0.0.1/localhost. Each request is a
 * complete default questionnaire (about 40 answer rows) from a different simulated address (sent as
 * X-Forwarded-For, believed because TRUSTED_PROXIES=1 makes this script the proxy); at the
 * end 100 submissions are retried to check they are answered "duplicate", and the number of stored
 * responses is checked against the database.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { AREA_KEYS, DEFAULT_SURVEY_SLUG } from '../lib/surveys/default-questionnaire';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3202' },
    seconds: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '10' },
    'max-requests': { type: 'string', default: '200000' },
    slug: { type: 'string', default: DEFAULT_SURVEY_SLUG },
  },
});
const base = new URL(values.url!);
if (!['127.0.0.1', 'localhost'].includes(base.hostname)) {
  console.error('bench-survey-submit: only 127.0.0.1/localhost may be benchmarked.');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/@(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) {
  console.error('bench-survey-submit: set DATABASE_URL to the local PostgreSQL the server uses.');
  process.exit(2);
}
const seconds = Math.min(600, Number(values.seconds));
const concurrency = Math.min(64, Number(values.concurrency));
const maxRequests = Math.min(1_000_000, Number(values['max-requests']));
const submitUrl = new URL(`/s/${values.slug}/submit`, base).toString();

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const communeIds = (await sql<{ id: number }[]>`select id from communes where active`).map((r) => r.id);
const [survey] = await sql<{ id: string }[]>`select id from surveys where slug = ${values.slug!}`;
if (!survey || communeIds.length === 0) {
  console.error('bench-survey-submit: the survey or the communes are missing (seed the demo data first).');
  process.exit(2);
}
const countResponses = async () => Number((await sql<{ n: string }[]>`select count(*) as n from survey_responses where survey_id = ${survey.id}`)[0]!.n);

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const point = () => 1 + Math.floor(Math.random() * 5);
function payload() {
  const answers: Record<string, unknown> = {};
  for (const area of AREA_KEYS) {
    answers[`${area.key}_services`] = Object.fromEntries(area.services.map((s) => [s, Math.random() < 0.1 ? 'dk' : point()]));
    answers[`${area.key}_importance`] = point();
    answers[`${area.key}_improve`] = [...new Set([pick(area.improvements), pick(area.improvements)])];
  }
  answers.edu_children = 'yes';
  answers.edu_child_school = point();
  answers.transport_remark = 'Autobus do Jasła jeździ za rzadko w soboty.';
  answers.priority_ranking = [...AREA_KEYS.map((a) => a.key)].sort(() => Math.random() - 0.5).slice(0, 3);
  return {
    submissionId: randomUUID(),
    consent: true,
    profile: { communeId: pick(communeIds), localityId: null, ageGroup: pick(['25_34', '45_59', '60_74']), respondentType: 'resident' },
    answers,
  };
}

let sequence = 0;
async function submit(body: object): Promise<{ ms: number; status: number; outcome?: string }> {
  const n = ++sequence;
  const started = performance.now();
  const response = await fetch(submitUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as { status?: string };
  return { ms: performance.now() - started, status: response.status, outcome: json.status };
}

// Warm-up: compile paths, open connections.
for (let i = 0; i < 20; i++) await submit(payload());
const before = await countResponses();

const latencies: number[] = [];
const failures = new Map<number, number>();
const sent: object[] = [];
const deadline = performance.now() + seconds * 1000;
let requests = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline && requests < maxRequests) {
      requests++;
      const body = payload();
      const result = await submit(body);
      if (result.status === 201 && result.outcome === 'stored') {
        latencies.push(result.ms);
        if (sent.length < 100) sent.push(body);
      } else failures.set(result.status, (failures.get(result.status) ?? 0) + 1);
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const after = await countResponses();

let duplicatesOk = 0;
for (const body of sent) if ((await submit(body)).outcome === 'duplicate') duplicatesOk++;
const afterRetries = await countResponses();
await sql.end();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
console.log(
  JSON.stringify(
    {
      url: submitUrl,
      seconds: Number(elapsed.toFixed(1)),
      concurrency,
      stored: latencies.length,
      failed: Object.fromEntries(failures),
      submissionsPerSecond: Number((latencies.length / elapsed).toFixed(1)),
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1)?.toFixed(1) },
      rowsInDatabase: { added: after - before, matchesStored: after - before === latencies.length },
      retries: { sent: sent.length, answeredDuplicate: duplicatesOk, addedRows: afterRetries - after },
    },
    null,
    2,
  ),
);
