/**
 * `npm start`: the production server. Next.js's request handler behind Node's http server, with
 * anonymous visitors' results pages kept for a few seconds (scripts/public-page-cache.mjs).
 *
 * One Node process renders pages on one core; with PostgreSQL behind it, a server with more cores
 * runs one process per WEB_CONCURRENCY, all on the same port (Node's cluster module shares the
 * listening socket), restarted if one dies. The embedded PGlite serves a single process, so
 * db/prepare.ts (run before this by `prestart`, which also checks the settings) refuses
 * WEB_CONCURRENCY above 1 without DATABASE_URL. Arguments as `next start`'s: -p PORT, -H HOST.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { appendSocketAddress } from '../lib/forwarded-for.mjs';
import { createPublicPageCache, FORGET_MESSAGE, GLOBAL_KEY } from './public-page-cache.mjs';

const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? '1', 10) || 1);

if (workers > 1 && cluster.isPrimary) {
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
  // A process that changed what the public may see asks all of them to forget their kept pages.
  // (The sender has already forgotten its own.)
  cluster.on('message', (sender, message) => {
    if (message !== FORGET_MESSAGE) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== sender) worker.send(FORGET_MESSAGE);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  await serve();
}

async function serve() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p', default: process.env.PORT ?? '3000' },
      // Without -H, every interface (as `next start`).
      hostname: { type: 'string', short: 'H' },
    },
  });
  const port = Number.parseInt(values.port, 10);
  const hostname = values.hostname;
  const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Settings were checked by db/prepare.ts (`prestart`); 30 is the app's default (lib/env.ts).
  const pages = createPublicPageCache({ seconds: Number(process.env.RESULTS_CACHE_SECONDS || 30) });
  globalThis[GLOBAL_KEY] = pages;
  process.on('message', (message) => {
    if (message === FORGET_MESSAGE) pages.clear();
  });

  const server = http.createServer((req, res) => {
    // The last X-Forwarded-For entry is the socket's peer, whatever a client wrote (lib/request.ts).
    appendSocketAddress(req.headers, req.socket.remoteAddress);
    pages.serve(req, res, handle).catch((error) => {
      console.error(`Agora: failed to answer ${req.method} ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.on('error', (error) => {
    console.error('Agora: the server could not start', error);
    process.exit(1);
  });
  server.listen(port, hostname, () => console.log(`Agora: ready on http://${hostname ?? 'localhost'}:${port} (process ${process.pid})`));

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      // Kept-alive connections may hold close() open: at most ten seconds.
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}
