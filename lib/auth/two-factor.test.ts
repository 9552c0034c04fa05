import { generateHOTP } from '@oslojs/otp';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, mailOutbox, recoveryCodes, users } from '@/db/schema';
import { makeUser, thrown } from '@/tests/factories';
import { userForToken } from './index';
import { createSession } from './sessions';
import { confirmEnrolment, getEnrolment, getSecondFactorStatus, parseManualKey, resetSecondFactor, verifySecondFactor } from './two-factor';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);
const step = (ms: number) => Math.floor(ms / 30_000);
const code = (key: Uint8Array, ms: number) => generateHOTP(key, BigInt(step(ms)), 6);

async function enrolled(roles: Parameters<typeof makeUser>[0] = []) {
  const user = await makeUser(roles);
  const enrolment = await getEnrolment({ actor: user });
  const key = parseManualKey(enrolment!.manualKey);
  const codes = await confirmEnrolment({ actor: user, code: code(key, T0), nowMs: T0 });
  return { user, key, codes };
}

describe('enrolment', () => {
  it('shows a QR code (SVG) and a key, keeps the same key until confirmed, and stores it encrypted', async () => {
    const user = await makeUser();
    const first = await getEnrolment({ actor: user });
    expect(first!.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(first!.manualKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    expect((await getEnrolment({ actor: user }))!.manualKey).toBe(first!.manualKey);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.totpPendingSecret).toMatch(/^v1\./);
    expect(row!.totpPendingSecret).not.toContain(first!.manualKey.replace(/ /g, ''));
    expect(row!.totpSecret).toBeNull();
  });

  it('needs a right first code, then makes ten single-use recovery codes stored as hashes and hides the key', async () => {
    const user = await makeUser();
    const key = parseManualKey((await getEnrolment({ actor: user }))!.manualKey);
    expect((await thrown(confirmEnrolment({ actor: user, code: '000000', nowMs: T0 }))).fieldErrors).toEqual({ code: ['code_wrong'] });
    const codes = await confirmEnrolment({ actor: user, code: code(key, T0), nowMs: T0 });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(await getEnrolment({ actor: user })).toBeNull();
    expect(await getSecondFactorStatus({ actor: user })).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });
});

describe('verifySecondFactor', () => {
  it('accepts the current code (and one step either side), each step once only', async () => {
    const { user, key } = await enrolled();
    const later = T0 + 60_000;
    await verifySecondFactor({ userId: user.id, code: code(key, later), nowMs: later });
    // The same code again, within its window: refused.
    expect((await thrown(verifySecondFactor({ userId: user.id, code: code(key, later), nowMs: later + 5_000 }))).fieldErrors).toEqual({ code: ['code_used'] });
    // An older step, still within the window: refused too.
    expect((await thrown(verifySecondFactor({ userId: user.id, code: code(key, later - 30_000), nowMs: later }))).fieldErrors).toEqual({ code: ['code_used'] });
    // The next step is fine; a code two steps away is not.
    await verifySecondFactor({ userId: user.id, code: code(key, later + 30_000), nowMs: later });
    expect((await thrown(verifySecondFactor({ userId: user.id, code: code(key, later + 120_000), nowMs: later }))).fieldErrors).toEqual({ code: ['code_wrong'] });
  });

  it('accepts a recovery code once only, and records its use', async () => {
    const { user, codes } = await enrolled();
    await verifySecondFactor({ userId: user.id, code: codes[3]!.toUpperCase(), nowMs: T0 });
    expect((await thrown(verifySecondFactor({ userId: user.id, code: codes[3]!, nowMs: T0 }))).fieldErrors).toEqual({ code: ['code_wrong'] });
    expect(await getSecondFactorStatus({ actor: user })).toMatchObject({ recoveryCodesLeft: 9 });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'user.recovery_code_use')));
    expect(audit).toHaveLength(1);
  });

  it('locks the account after five wrong codes, even for the right one', async () => {
    const { user, key } = await enrolled();
    for (let i = 0; i < 5; i++) await thrown(verifySecondFactor({ userId: user.id, code: '000000', nowMs: T0 + 60_000 }));
    const error = await thrown(verifySecondFactor({ userId: user.id, code: code(key, T0 + 60_000), nowMs: T0 + 60_000 }));
    expect(error.code).toBe('rate_limited:code');
  });
});

describe('staff roles need a second factor', () => {
  it('a staff account without one gets no roles and must enrol; with one it has them', async () => {
    const staff = await makeUser([{ role: 'coordinator', communeId: null }]);
    const sid = await createSession({ userId: staff.id, userAgent: null });
    const before = await userForToken({ sub: staff.id, sid, sessionVersion: 1 }, Date.now());
    expect(before).toMatchObject({ roles: [], mustEnrolSecondFactor: true });

    const key = parseManualKey((await getEnrolment({ actor: staff }))!.manualKey);
    await confirmEnrolment({ actor: staff, code: code(key, Date.now()) });
    const after = await userForToken({ sub: staff.id, sid, sessionVersion: 1 }, Date.now());
    expect(after!.roles).toEqual([{ role: 'coordinator', communeId: null }]);
    expect(after!.mustEnrolSecondFactor).toBeUndefined();
  });

  it('a member without one is unaffected', async () => {
    const member = await makeUser();
    const sid = await createSession({ userId: member.id, userAgent: null });
    expect(await userForToken({ sub: member.id, sid, sessionVersion: 1 }, Date.now())).toMatchObject({ roles: [] });
    expect((await userForToken({ sub: member.id, sid, sessionVersion: 1 }, Date.now()))!.mustEnrolSecondFactor).toBeUndefined();
  });
});

describe('resetSecondFactor', () => {
  it('only an admin may; it removes the key and codes, ends the sessions, is audited and e-mailed', async () => {
    const { user } = await enrolled([{ role: 'analyst', communeId: null }]);
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    expect((await thrown(resetSecondFactor({ actor: coordinator, userId: user.id }))).code).toBe('forbidden:admin');
    const admin = await makeUser([{ role: 'admin', communeId: null }]);
    await resetSecondFactor({ actor: admin, userId: user.id });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: 2 });
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.two_factor_reset'), eq(auditLog.targetId, user.id)));
    expect(entry!.actorId).toBe(admin.id);
    const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
    expect(mail.map((m) => m.kind)).toContain('two_factor_reset');
  });
});
