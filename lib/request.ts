import 'server-only';
import { getEnv } from '@/lib/env';
import { isTrustedProxy, normaliseAddress, type TrustedProxies } from '@/lib/trusted-proxies';

/**
 * The caller's address, for rate limits and the dashboards' source counting only (hashed before
 * use, never stored as it is). X-Forwarded-For is read from the right: its last entry is the
 * address the reverse proxy in front of Agora saw (nginx appends it; docs/deploy.md). `npm start`
 * listens on 127.0.0.1 only, so every request comes through that proxy; Next.js itself only fills
 * an absent header with the socket's address and keeps one a client wrote, which is why Agora is
 * never exposed without it. Each further trusted proxy (TRUSTED_PROXIES: a count of hops or their
 * addresses) adds one entry before that. Entries further left are whatever the client wrote and
 * are never believed. X-Real-IP is ignored for the same reason.
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies = getEnv().TRUSTED_PROXIES): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map(normaliseAddress)
    .filter((entry) => entry !== '');
  if (entries.length === 0) return 'unknown';
  if (trusted.kind === 'none') return entries.at(-1)!;
  if (trusted.kind === 'hops') return entries[Math.max(0, entries.length - 1 - trusted.hops)]!;
  for (let i = entries.length - 1; i > 0; i--) if (!isTrustedProxy(trusted, entries[i]!)) return entries[i]!;
  return entries[0]!;
}

/**
 * A form posted by a browser without JavaScript (React's progressive enhancement: the page is
 * rendered again with the action's answer), as opposed to a page read, or a server action called
 * by the page's script (which names itself in `next-action`).
 */
export function isFormPostWithoutScript(h: Headers): boolean {
  return !h.has('next-action') && /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(h.get('content-type') ?? '');
}
