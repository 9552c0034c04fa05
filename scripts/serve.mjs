/**
 * `npm start`: `next start`, once per WEB_CONCURRENCY. One Node process renders pages on one core;
 * with PostgreSQL behind it, a server with more cores runs one `next start` per core, all on the
 * same port (Node's cluster module shares the listening socket), restarted if one dies. The
 * embedded PGlite serves a single process, so db/prepare.ts (run before this by `prestart`) refuses
 * WEB_CONCURRENCY above 1 without DATABASE_URL. The arguments are `next start`'s (-p, -H).
 */
import cluster from 'node:cluster';
import { createRequire } from 'node:module';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const args = ['start', ...process.argv.slice(2)];
const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? '1', 10) || 1);

if (workers === 1) {
  process.argv = [process.argv[0], nextBin, ...args];
  await import(nextBin);
} else {
  cluster.setupPrimary({ exec: nextBin, args });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`Agora: server process ${worker.process.pid} ended (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (let i = 0; i < workers; i++) cluster.fork();
}
