// Used by the production server (scripts/serve.mjs, plain Node) before Next.js sees a request, and
// by the tests of lib/request.ts. Plain JavaScript on purpose; it lives in lib/ so that lib never
// imports scripts/.

/**
 * Appends the address of the peer that opened the connection to X-Forwarded-For, as every reverse
 * proxy does, so the last entry is always the socket's address and never one a client wrote.
 * (Next.js's own server only fills the header when it is absent — `x-forwarded-for ??=
 * socket.remoteAddress` in next/dist/server/base-server.js — and keeps a client's header as it
 * came, which would leave the app no address it can trust.) Several X-Forwarded-For headers are
 * joined first, in order.
 * @param {Record<string, string | string[] | undefined>} headers Node's IncomingMessage headers.
 * @param {string | undefined} socketAddress req.socket.remoteAddress
 */
export function appendSocketAddress(headers, socketAddress) {
  const sent = headers['x-forwarded-for'];
  const earlier = (Array.isArray(sent) ? sent.join(', ') : (sent ?? '')).trim();
  const own = socketAddress || 'unknown';
  headers['x-forwarded-for'] = earlier ? `${earlier}, ${own}` : own;
}
