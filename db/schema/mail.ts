import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';

export const mailStatus = pgEnum('mail_status', ['queued', 'sending', 'sent', 'failed']);

/** One attachment of an outbox message, stored as text (calendar files are small). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * The outbox: every e-mail is a row written in the same transaction as the event that causes it,
 * rendered in full (subject, plain text, HTML, headers) so the worker only delivers it. A row
 * moves queued → sending → sent, or back to queued with a later next_attempt_at, or to failed with
 * the reason. `dedupeKey` makes scheduled messages (reminders, digests) idempotent across app
 * processes: a second insert with the same key does nothing.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    kind: text().notNull(),
    locale: text().notNull().default('pl'),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    attachments: jsonb().$type<MailAttachment[]>().notNull().default(sql`'[]'::jsonb`),
    /** What the message is about, for the coordinators' counts: 'meeting:12', 'consultation:3'. */
    subjectRef: text(),
    dedupeKey: text(),
    status: mailStatus().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** While 'sending': after this instant the claim is considered abandoned (a crashed process). */
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt, t.id),
    index('mail_outbox_created_idx').on(t.createdAt, t.id),
    index('mail_outbox_ref_idx').on(t.subjectRef),
    index('mail_outbox_user_idx').on(t.userId),
    uniqueIndex('mail_outbox_dedupe_idx').on(t.dedupeKey),
  ],
);

export const mailTokenPurpose = pgEnum('mail_token_purpose', ['verify_email', 'reset_password', 'change_email']);

/**
 * Single-use tokens sent by e-mail. Only a SHA-256 hash of the token is stored, so a copy of the
 * database cannot be used to reset anyone's password.
 */
export const mailTokens = pgTable(
  'mail_tokens',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: mailTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    /** For 'change_email': the new address, which becomes the account's only when the link is opened. */
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mail_tokens_hash_idx').on(t.tokenHash), index('mail_tokens_user_idx').on(t.userId, t.purpose)],
);

/**
 * A member's choice per kind of optional message: a row with enabled = false switches the kind
 * off; no row means the kind's default (lib/mail/kinds.ts).
 */
export const mailPreferences = pgTable(
  'mail_preferences',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type NewMailOutboxRow = typeof mailOutbox.$inferInsert;
export type MailStatus = (typeof mailStatus.enumValues)[number];
