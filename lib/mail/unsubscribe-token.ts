import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { isOptionalKind, type OptionalKind } from './kinds';

// An unsubscribe link names the account and the kind of message, signed with AUTH_SECRET, so it
// works without signing in and cannot be forged for another account. It does not expire: a
// months-old newsletter's link must still work.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(userId: string, kind: string): string {
  return createHmac('sha256', getEnv().AUTH_SECRET).update(`unsubscribe:${userId}:${kind}`).digest('base64url').slice(0, 32);
}

export function unsubscribeToken(userId: string, kind: OptionalKind): string {
  return `${userId}.${kind}.${signature(userId, kind)}`;
}

/** The account and kind a token names, or null when it is malformed or forged. */
export function readUnsubscribeToken(token: string | null | undefined): { userId: string; kind: OptionalKind } | null {
  if (!token || token.length > 200) return null;
  const [userId, kind, given, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !kind || !given || !UUID.test(userId) || !isOptionalKind(kind)) return null;
  const expected = Buffer.from(signature(userId, kind));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, kind };
}
