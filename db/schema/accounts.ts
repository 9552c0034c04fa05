import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { communes } from './places';

export const userStatus = pgEnum('user_status', ['active', 'disabled', 'deleted']);

/**
 * Roles beyond the implicit "member" that every registered user is.
 * Coordinators and moderators may be scoped to one commune (communeId) or county-wide (null).
 */
export const roleName = pgEnum('role_name', ['admin', 'coordinator', 'moderator', 'analyst', 'operator']);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index is on the stored value.
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    status: userStatus().notNull().default('active'),
    // Bumped to end every session of the user (sign out everywhere, password change, disabling).
    sessionVersion: integer().notNull().default(1),
    locale: text().notNull().default('pl'),
    consentAt: timestamp({ withTimezone: true }),
    // When the address was confirmed by the link in the sign-up e-mail; null = not yet, and the
    // account cannot sign in. The default marks accounts made any other way (existing ones when
    // this column came, the seed, administrators' tools) as verified; sign-up sets null.
    emailVerifiedAt: timestamp({ withTimezone: true }).defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    // Two-factor sign-in (TOTP). The secret is stored encrypted (AES-256-GCM under a key derived
    // from AUTH_SECRET, lib/auth/two-factor.ts) and never shown again after enrolment. Null = not
    // enrolled. The pending secret is the one shown during enrolment until a first code confirms it.
    totpSecret: text(),
    totpPendingSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    // The last 30-second step a code was accepted for: a code cannot be used twice.
    totpLastStep: bigint({ mode: 'number' }),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), index('users_created_idx').on(t.createdAt, t.id)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleName().notNull(),
    communeId: integer().references(() => communes.id),
    grantedBy: uuid().references(() => users.id),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('user_roles_unique').on(t.userId, t.role, t.communeId).nullsNotDistinct()],
);

/** Append-only record of who did what; never updated or deleted by the app. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('audit_log_at_idx').on(t.at, t.id), index('audit_log_actor_idx').on(t.actorId)],
);

/**
 * Fixed-window counters for rate limits, kept in the database so that every app instance sees the
 * same counts. Keys are keyed hashes: no raw address or e-mail is stored.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: timestamp({ withTimezone: true }).notNull(),
});

/** Single-use recovery codes for two-factor sign-in, stored as SHA-256 digests (they are random). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Signed-in sessions. The session token (a JWT) names its row; signing out deletes the row, so a
 * copied cookie stops working, and a row older than SESSION_MAX_HOURS is refused.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // A short summary of the browser ("Firefox on Windows"), not the whole user-agent string.
    userAgent: text().notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = typeof userRoles.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type RoleName = (typeof roleName.enumValues)[number];
