import { BlockList, isIP } from 'node:net';

/**
 * TRUSTED_PROXIES, parsed: how many reverse proxies stand in front of the local one (each appends
 * the address it saw to X-Forwarded-For), or the addresses and ranges they use. Unset or 0: none,
 * and the client's address is the one the local reverse proxy saw (the last X-Forwarded-For
 * entry: lib/request.ts).
 */
export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; list: BlockList; source: string };

const MAX_HOPS = 10;

/** Parses the setting; throws an Error whose message says what is wrong (lib/env.ts names the setting). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new Error(`a count of proxies must be 0–${MAX_HOPS}`);
    return { kind: 'hops', hops };
  }
  const list = new BlockList();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family || extra !== undefined) throw new Error(`"${entry}" is not an address or a range (e.g. 1, or 127.0.0.1, 10.0.0.0/8, fd00::/8)`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) throw new Error(`"${entry}" has a bad prefix length`);
    list.addSubnet(address!, bits, type);
  }
  return { kind: 'list', list, source: text };
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; "[::1]" → "::1". */
export function normaliseAddress(value: string): string {
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? mapped[1]! : bare;
}

/** Is the address one of the listed proxies? */
export function isTrustedProxy(trusted: Extract<TrustedProxies, { kind: 'list' }>, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
