import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, sessions } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { makeUser } from '@/tests/factories';
import { userForToken } from './index';
import { signOutEverywhere } from './mutations';
import { createSession, deleteSession, endSession, listSessions, summariseUserAgent } from './sessions';

const HOUR = 3600_000;
const token = (userId: string, sid: string) => ({ sub: userId, sid, sessionVersion: 1 });

describe('server-side sessions', () => {
  it('a token stops working once its session is deleted (sign-out), even though the cookie is still sound', async () => {
    const user = await makeUser();
    const sid = await createSession({ userId: user.id, userAgent: null });
    expect(await userForToken(token(user.id, sid), Date.now())).toMatchObject({ id: user.id });
    await deleteSession(sid);
    expect(await userForToken(token(user.id, sid), Date.now())).toBeNull();
  });

  it('refuses a token without a session id (made before sessions were kept) or naming another user', async () => {
    const user = await makeUser();
    const other = await makeUser();
    const sid = await createSession({ userId: other.id, userAgent: null });
    expect(await userForToken({ sub: user.id, sessionVersion: 1 }, Date.now())).toBeNull();
    expect(await userForToken(token(user.id, sid), Date.now())).toBeNull();
    expect(await userForToken(token(user.id, 'not-a-uuid'), Date.now())).toBeNull();
  });

  it(`ends a session SESSION_MAX_HOURS after sign-in however active it is`, async () => {
    const max = getEnv().SESSION_MAX_HOURS;
    expect(max).toBe(12);
    const user = await makeUser();
    const sid = await createSession({ userId: user.id, userAgent: null });
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sid));
    const created = row!.createdAt.getTime();
    expect(await userForToken(token(user.id, sid), created + (max - 1) * HOUR)).not.toBeNull();
    expect(await userForToken(token(user.id, sid), created + max * HOUR + 1000)).toBeNull();
  });

  it('records when a session was last seen, at most once a minute', async () => {
    const user = await makeUser();
    const sid = await createSession({ userId: user.id, userAgent: null });
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sid));
    const created = row!.createdAt.getTime();
    await userForToken(token(user.id, sid), created + 30_000);
    expect((await db.select().from(sessions).where(eq(sessions.id, sid)))[0]!.lastSeenAt.getTime()).toBe(created);
    await userForToken(token(user.id, sid), created + 5 * 60_000);
    expect((await db.select().from(sessions).where(eq(sessions.id, sid)))[0]!.lastSeenAt.getTime()).toBe(created + 5 * 60_000);
  });

  it('lists the account’s sessions; ending one from the list ends only that one, and only one’s own', async () => {
    const user = await makeUser();
    const intruder = await makeUser();
    const phone = await createSession({ userId: user.id, userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36' });
    const laptop = await createSession({ userId: user.id, userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0' });
    const list = await listSessions({ actor: user, currentId: laptop });
    expect(list.map((s) => [s.userAgent, s.current])).toEqual(
      expect.arrayContaining([
        ['Chrome, Android', false],
        ['Firefox, Windows', true],
      ]),
    );
    await endSession({ actor: intruder, id: phone });
    expect(await userForToken(token(user.id, phone), Date.now())).not.toBeNull();

    await endSession({ actor: user, id: phone });
    expect(await userForToken(token(user.id, phone), Date.now())).toBeNull();
    expect(await userForToken(token(user.id, laptop), Date.now())).not.toBeNull();
    expect((await listSessions({ actor: user, currentId: laptop })).map((s) => s.id)).toEqual([laptop]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'user.session_end')))).toHaveLength(1);
  });

  it('"sign out everywhere" removes every session row', async () => {
    const user = await makeUser();
    await createSession({ userId: user.id, userAgent: null });
    await createSession({ userId: user.id, userAgent: null });
    await signOutEverywhere({ actor: user });
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('summarises a browser without storing the whole header', () => {
    expect(summariseUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15')).toBe('Safari, macOS');
    expect(summariseUserAgent('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0')).toBe('Edge, Windows');
    expect(summariseUserAgent(null)).toBe('');
  });
});
