import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { and, eq, isNull, or, lt, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { db } from '@/db/client';
import { recoveryCodes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError, fieldError } from '@/lib/errors';
import { absoluteUrl, enqueueMail } from '@/lib/mail/outbox';
import { consumeRateLimit, resetRateLimit } from '@/lib/rate-limit';
import { decryptSecret, encryptSecret } from './secret-box';
import { canAdminister, ensure, type CurrentUser } from './permissions';

// Two-factor sign-in with time-based one-time codes (RFC 6238: HMAC-SHA-1, 30-second steps, six
// digits — what every authenticator app expects), by @oslojs/otp. Secrets are stored encrypted
// (lib/auth/secret-box.ts) and shown only during enrolment, never again.

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ISSUER = 'Agora';
const RECOVERY_CODE_COUNT = 10;
/** Wrong codes per account in a window; the password step has its own, separate count. */
const CODE_ATTEMPTS = 5;
const CODE_WINDOW_SECONDS = 15 * 60;

/** The key as people type it into an app: base32 in groups of four. */
export function formatManualKey(key: Uint8Array): string {
  return encodeBase32NoPadding(key).match(/.{1,4}/g)!.join(' ');
}

export function parseManualKey(text: string): Uint8Array {
  return decodeBase32IgnorePadding(text.replace(/\s+/g, '').toUpperCase());
}

/** The step a code is accepted for, or null. One step either side allows for a clock off by 30 s. */
export function matchingStep(key: Uint8Array, code: string, atMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
  for (const step of [current, current - 1, current + 1]) {
    const expected = generateHOTP(key, BigInt(step), TOTP_DIGITS);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) return step;
  }
  return null;
}

export interface Enrolment {
  manualKey: string;
  qrSvg: string;
}

/**
 * The key being enrolled, shown as a QR code and as text: made on first call and kept (encrypted)
 * until a code confirms it, so reloading the page shows the same key.
 */
export async function getEnrolment({ actor }: { actor: CurrentUser }): Promise<Enrolment | null> {
  const [row] = await db
    .select({ secret: users.totpSecret, pending: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row || row.secret) return null;
  let key: Uint8Array;
  if (row.pending) key = decryptSecret(row.pending);
  else {
    key = new Uint8Array(randomBytes(20));
    await db.update(users).set({ totpPendingSecret: encryptSecret(key) }).where(and(eq(users.id, actor.id), isNull(users.totpSecret)));
  }
  const uri = createTOTPKeyURI(ISSUER, actor.email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { manualKey: formatManualKey(key), qrSvg };
}

function newRecoveryCode(): string {
  // 50 bits, in two groups of five from an alphabet without look-alikes (no 0/O, 1/l/I).
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase().replace(/[\s-]/g, '')).digest('base64url');
}

/**
 * Confirms the enrolment with a first code from the app: the key becomes the account's second
 * factor, and ten recovery codes are made. Returns those codes — the only time they are shown.
 */
export async function confirmEnrolment({ actor, code, nowMs = Date.now() }: { actor: CurrentUser; code: string; nowMs?: number }): Promise<string[]> {
  const [row] = await db.select({ secret: users.totpSecret, pending: users.totpPendingSecret }).from(users).where(eq(users.id, actor.id));
  if (!row) throw new AppError('not_found:user');
  if (row.secret) throw new AppError('conflict:two_factor_enabled');
  if (!row.pending) throw fieldError('code', 'code_wrong');
  await limitCodeAttempts(actor.id);
  const step = matchingStep(decryptSecret(row.pending), code, nowMs);
  if (step === null) throw fieldError('code', 'code_wrong');
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ totpSecret: row.pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, updatedAt: new Date() })
      .where(and(eq(users.id, actor.id), isNull(users.totpSecret)))
      .returning({ id: users.id });
    if (!updated) throw new AppError('conflict:two_factor_enabled');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: actor.id, codeHash: hashRecoveryCode(c) })));
    await recordAudit(tx, { actorId: actor.id, action: 'user.two_factor_enable', targetType: 'user', targetId: actor.id });
  });
  await resetRateLimit(codeKey(actor.id));
  return codes;
}

function codeKey(userId: string) {
  return `2fa:account:${userId}`;
}

async function limitCodeAttempts(userId: string) {
  const { allowed } = await consumeRateLimit(codeKey(userId), CODE_ATTEMPTS, CODE_WINDOW_SECONDS);
  if (!allowed) throw new AppError('rate_limited:code');
}

/**
 * The second step of signing in: a code from the app (each accepted once: a step at or before the
 * last accepted one is refused, so an overheard code cannot be replayed) or an unused recovery
 * code (spent by this call). Wrong codes count against the account: five in 15 minutes lock it.
 */
export async function verifySecondFactor({ userId, code, nowMs = Date.now() }: { userId: string; code: string; nowMs?: number }): Promise<void> {
  await limitCodeAttempts(userId);
  const [row] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, userId));
  if (!row?.secret) throw fieldError('code', 'code_wrong');
  const typed = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(typed)) {
    const step = matchingStep(decryptSecret(row.secret), typed, nowMs);
    if (step === null) throw fieldError('code', 'code_wrong');
    // One statement: two requests with the same code cannot both pass.
    const [accepted] = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    if (!accepted) throw fieldError('code', 'code_used');
  } else {
    const [spent] = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(typed)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!spent) throw fieldError('code', 'code_wrong');
    await recordAudit(db, { actorId: userId, action: 'user.recovery_code_use', targetType: 'user', targetId: userId });
  }
  await resetRateLimit(codeKey(userId));
}

/** Has the account a confirmed second factor, and how many recovery codes are left? */
export async function getSecondFactorStatus({ actor }: { actor: CurrentUser }): Promise<{ enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number }> {
  const [row] = await db.select({ enabledAt: users.totpEnabledAt, secret: users.totpSecret }).from(users).where(eq(users.id, actor.id));
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(row?.secret), enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: count?.n ?? 0 };
}

/**
 * An administrator removes a user's second factor (a lost phone): the key and recovery codes go,
 * every session of the user ends, and a staff account must enrol again at its next sign-in. The
 * user is told by e-mail, so a reset they did not ask for does not go unnoticed.
 */
export async function resetSecondFactor({ actor, userId }: { actor: CurrentUser; userId: string }): Promise<void> {
  ensure(canAdminister(actor), 'forbidden:admin');
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale, status: users.status });
    if (!user) throw new AppError('not_found:user');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await recordAudit(tx, { actorId: actor.id, action: 'user.two_factor_reset', targetType: 'user', targetId: userId });
    if (user.status === 'active') {
      await enqueueMail(tx, { userId, to: user.email, locale: user.locale, data: { kind: 'two_factor_reset', name: user.name, at: new Date(), signInUrl: absoluteUrl('/sign-in') } });
    }
  });
}
