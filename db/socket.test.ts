import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureStartupContext, socketOpener } from './socket';

// Stands in for Next.js's per-request storage: what a socket's events see is what the socket keeps.
const request = new AsyncLocalStorage<{ path: string }>();

describe('database sockets', () => {
  let server: net.Server;
  let port: number;

  beforeAll(async () => {
    captureStartupContext();
    server = net.createServer((client) => {
      client.on('error', () => {}); // a test may close its end first
      client.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('opened during a request, keep nothing of that request', async () => {
    const open = socketOpener();
    const socket = await request.run({ path: '/forum' }, () => open({ host: ['127.0.0.1'], port: [port] }));
    const seen = await new Promise<unknown>((resolve) => socket.once('data', () => resolve(request.getStore() ?? 'none')));
    socket.destroy();
    expect(seen).toBe('none');
  });

  it('connect to the hosts of the URL in turn and report a refused connection', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const open = socketOpener();
    const hosts = { host: ['127.0.0.1', '127.0.0.1'], port: [port, closedPort] };
    const first = await open(hosts);
    expect(first.remotePort).toBe(port);
    first.destroy();
    await expect(open(hosts)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
