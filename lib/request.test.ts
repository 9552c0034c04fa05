import { describe, expect, it } from 'vitest';
import { clientAddress, isFormPostWithoutScript } from './request';
import { parseTrustedProxies } from './trusted-proxies';

/**
 * The headers the app sees: what the client (and any proxies further out) sent, then the entry of
 * the reverse proxy in front of Agora — the address it saw, appended as nginx's
 * $proxy_add_x_forwarded_for does (docs/deploy.md; without a proxy, Next.js writes the socket's
 * address into an absent header, which is the same entry).
 */
function arriving(socketAddress: string, forwardedFor?: string | string[]) {
  const sent = (Array.isArray(forwardedFor) ? forwardedFor.join(', ') : (forwardedFor ?? '')).trim();
  return new Headers({ 'x-forwarded-for': sent ? `${sent}, ${socketAddress}` : socketAddress });
}

const none = parseTrustedProxies(undefined);

describe('clientAddress without TRUSTED_PROXIES: the socket address', () => {
  it('a spoofed X-Forwarded-For does not change the address', () => {
    expect(clientAddress(arriving('203.0.113.9'), none)).toBe('203.0.113.9');
    expect(clientAddress(arriving('203.0.113.9', '1.2.3.4'), none)).toBe('203.0.113.9');
    expect(clientAddress(arriving('203.0.113.9', ['1.2.3.4', '5.6.7.8, 9.9.9.9']), none)).toBe('203.0.113.9');
    expect(clientAddress(arriving('203.0.113.9', 'garbage, , ::1'), none)).toBe('203.0.113.9');
  });

  it('two clients are two keys, and an IPv4 address mapped into IPv6 reads as itself', () => {
    expect(clientAddress(arriving('::ffff:198.51.100.1'), none)).toBe('198.51.100.1');
    expect(clientAddress(arriving('198.51.100.2'), none)).not.toBe(clientAddress(arriving('198.51.100.1'), none));
  });

  it('X-Real-IP, which a client writes too, is not believed', () => {
    const headers = arriving('203.0.113.9');
    headers.set('x-real-ip', '1.2.3.4');
    expect(clientAddress(headers, none)).toBe('203.0.113.9');
  });
});

describe('clientAddress with TRUSTED_PROXIES', () => {
  it('a count of hops takes the address the farthest trusted proxy saw, whatever the client prepended', () => {
    // A load balancer at 10.0.0.2 appends the client it saw; the local nginx appends the balancer.
    const one = parseTrustedProxies('1');
    expect(clientAddress(arriving('10.0.0.2', '198.51.100.7'), one)).toBe('198.51.100.7');
    expect(clientAddress(arriving('10.0.0.2', '1.2.3.4, 198.51.100.7'), one)).toBe('198.51.100.7');
    // Two proxies before the local one: a CDN then a load balancer.
    const two = parseTrustedProxies('2');
    expect(clientAddress(arriving('10.0.0.2', '6.6.6.6, 198.51.100.7, 192.0.2.50'), two)).toBe('198.51.100.7');
    // A proxy that did not add its entry: the nearest address there is, never a missing one.
    expect(clientAddress(arriving('10.0.0.2'), two)).toBe('10.0.0.2');
  });

  it('a list of addresses and ranges skips trusted hops from the right', () => {
    const list = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');
    expect(clientAddress(arriving('127.0.0.1', '1.2.3.4, 198.51.100.7, 10.1.2.3'), list)).toBe('198.51.100.7');
    expect(clientAddress(arriving('fd00::5', '2001:db8::1'), list)).toBe('2001:db8::1');
    // A direct client (not a listed proxy) is the client, whatever it wrote.
    expect(clientAddress(arriving('198.51.100.8', '1.2.3.4'), list)).toBe('198.51.100.8');
    // All hops trusted: the leftmost.
    expect(clientAddress(arriving('127.0.0.1', '10.0.0.9'), list)).toBe('10.0.0.9');
  });

  it('validates the setting', () => {
    expect(parseTrustedProxies('0')).toEqual({ kind: 'none' });
    expect(() => parseTrustedProxies('-1')).toThrow();
    expect(() => parseTrustedProxies('11')).toThrow();
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow();
    expect(() => parseTrustedProxies('nginx')).toThrow();
    expect(() => parseTrustedProxies('10.0.0.1,,')).toThrow();
  });
});

describe('isFormPostWithoutScript', () => {
  it('is a form a browser without JavaScript posted, in either encoding', () => {
    expect(isFormPostWithoutScript(new Headers({ 'content-type': 'multipart/form-data; boundary=----x' }))).toBe(true);
    expect(isFormPostWithoutScript(new Headers({ 'content-type': 'application/x-www-form-urlencoded' }))).toBe(true);
  });

  it('is not a page read, nor a server action called by the page’s script', () => {
    expect(isFormPostWithoutScript(new Headers())).toBe(false);
    expect(isFormPostWithoutScript(new Headers({ accept: 'text/html' }))).toBe(false);
    expect(isFormPostWithoutScript(new Headers({ 'next-action': 'abc', 'content-type': 'multipart/form-data; boundary=----x' }))).toBe(false);
    expect(isFormPostWithoutScript(new Headers({ 'next-action': 'abc', 'content-type': 'text/plain;charset=UTF-8' }))).toBe(false);
  });
});
