import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';

/**
 * Why the database's sockets are opened here and not by postgres.js itself.
 *
 * Node gives every socket the async context of the code that opened it, and keeps that context as
 * long as the socket lives. postgres.js opens a pooled connection when a query needs one — inside
 * some page's request — so each of the pool's sockets kept that request's Next.js context alive
 * for hours: its response, its render's abort reason with its captured stack, and through those,
 * the queues of timers and the cached params of other requests. A heap snapshot after a few
 * thousand pages held 1,420 finished responses and about 100 MB that way (docs/benchmarks.md,
 * "Memory"). A socket opened in the context captured at start-up holds nothing of any request.
 */
const holder = globalThis as unknown as { agoraStartupContext?: <R>(fn: () => R) => R };

/** Called once when the server process starts, outside every request (instrumentation.ts). */
export function captureStartupContext() {
  holder.agoraStartupContext ??= AsyncLocalStorage.snapshot();
}

/** Runs fn in the start-up context when there is one (not in tests and scripts, which have no requests). */
function outsideRequests<R>(fn: () => R): R {
  return holder.agoraStartupContext ? holder.agoraStartupContext(fn) : fn();
}

interface SocketOptions {
  host: readonly string[];
  port: readonly number[];
  path?: string | false;
}

/**
 * postgres.js's `socket` option: a connected socket to the server the options name (a Unix socket
 * path, or the hosts of the URL in turn, as postgres.js itself does). Its connect timeout, TLS and
 * keep-alive still apply: postgres.js does those on the socket it is given.
 */
export function socketOpener() {
  let next = 0;
  return (options: SocketOptions): Promise<net.Socket> => {
    const at = next;
    next = (next + 1) % Math.max(options.port.length, 1);
    return outsideRequests(
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = options.path ? net.connect(options.path) : net.connect(options.port[at]!, options.host[at]);
          // Kept after connecting: it covers the moment before postgres.js adds its own listener.
          socket.on('error', reject);
          socket.once('connect', () => resolve(socket));
        }),
    );
  };
}
