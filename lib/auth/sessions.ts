import 'server-only';
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getEnv } from '@/lib/env';
import type { CurrentUser } from './permissions';

// Each sign-in makes a row here, and its id travels in the session token. A token whose row is
// gone (signed out, ended from /account) or older than SESSION_MAX_HOURS is refused by
// getCurrentUser, whatever the cookie's own expiry says: a copied cookie dies with the session.

/** How often at most a session's "last seen" is written (a write per page would be wasteful). */
export const LAST_SEEN_EVERY_MS = 60_000;

/** "Firefox, Windows": enough to recognise a device in the list, without storing the whole header. */
export function summariseUserAgent(header: string | null | undefined): string {
  const ua = header ?? '';
  const browser =
    /Edg\//.test(ua) ? 'Edge'
    : /OPR\/|Opera/.test(ua) ? 'Opera'
    : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrome\/|Chromium\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari'
    : '';
  const system =
    /Android/.test(ua) ? 'Android'
    : /iPhone|iPad|iOS/.test(ua) ? 'iOS'
    : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /Linux/.test(ua) ? 'Linux'
    : '';
  return [browser, system].filter(Boolean).join(', ').slice(0, 100);
}

/** Opens a session row; the user's sessions past the absolute lifetime go at the same time, so the table stays small. */
export async function createSession({ userId, userAgent }: { userId: string; userAgent: string | null }): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.createdAt, sessionCutoff(Date.now()))));
    const [row] = await tx.insert(sessions).values({ userId, userAgent: summariseUserAgent(userAgent) }).returning({ id: sessions.id });
    return row!.id;
  });
}

/** The oldest creation time a session may have and still be valid. */
export function sessionCutoff(nowMs: number): Date {
  return new Date(nowMs - getEnv().SESSION_MAX_HOURS * 3600_000);
}

/** Is this session row still valid at `nowMs`? */
export function isSessionAlive(row: { createdAt: Date } | null | undefined, nowMs: number): boolean {
  return Boolean(row && row.createdAt.getTime() > sessionCutoff(nowMs).getTime());
}

/** Records that the session was used; at most once a minute. */
export async function touchSession(id: string, lastSeenAt: Date, nowMs: number): Promise<void> {
  if (nowMs - lastSeenAt.getTime() < LAST_SEEN_EVERY_MS) return;
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(nowMs) })
    .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(nowMs - LAST_SEEN_EVERY_MS))));
}

/** Ends one session (sign-out). Unknown ids are ignored. */
export async function deleteSession(id: string | null | undefined): Promise<void> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return;
  await db.delete(sessions).where(eq(sessions.id, id));
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  current: boolean;
}

/** The account's sessions that are still valid, newest first. */
export async function listSessions({ actor, currentId, nowMs = Date.now() }: { actor: CurrentUser; currentId: string | null; nowMs?: number }): Promise<SessionSummary[]> {
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, actor.id), gt(sessions.createdAt, sessionCutoff(nowMs))))
    .orderBy(desc(sessions.createdAt))
    .limit(100);
  return rows.map((r) => ({ ...r, current: r.id === currentId }));
}

/** Ends one of the actor's own sessions ("end this session"); another user's id matches nothing. */
export async function endSession({ actor, id }: { actor: CurrentUser; id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await tx.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, actor.id))).returning({ id: sessions.id });
    if (ended.length > 0) await recordAudit(tx, { actorId: actor.id, action: 'user.session_end', targetType: 'user', targetId: actor.id, details: { sessionId: id } });
  });
}

/** Drops every session past the absolute lifetime (for a maintenance job; sign-in prunes per user). */
export async function pruneSessions(nowMs = Date.now()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.createdAt, sessionCutoff(nowMs)));
}
