import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { communes, localities, serviceAreas } from './places';
import { searchColumns } from './search-columns';


/** Whom a forum member speaks for: a village/neighbourhood, an NGO or a business. */
export const representation = pgEnum('representation', ['locality', 'ngo', 'business']);

/** pending → approved | rejected; approved → ended (stepped down or ended by a coordinator). */
export const membershipStatus = pgEnum('membership_status', ['pending', 'approved', 'rejected', 'ended']);

export const consultationPosition = pgEnum('consultation_position', ['supports', 'supports_with_remarks', 'opposes', 'abstains']);

export const notificationKind = pgEnum('notification_kind', ['reply', 'quote', 'decision', 'post_hidden']);

/**
 * The deployment's forum settings: one row (id 1). Missing row or column → the defaults below,
 * which are also what the seed writes. A county changes them with one UPDATE (or the admin UI).
 */
export const forumSettings = pgTable('forum_settings', {
  id: smallint().primaryKey().default(1),
  localityQuota: integer().notNull().default(5),
  organisationQuota: integer().notNull().default(5),
  autoHideReports: integer().notNull().default(3),
  postsPerWindow: integer().notNull().default(10),
  postWindowSeconds: integer().notNull().default(300),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'forum_memberships',
  {
    id: serial().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communeId: integer()
      .notNull()
      .references(() => communes.id),
    representation: representation().notNull(),
    localityId: integer().references(() => localities.id),
    organisation: text(),
    statement: text().notNull().default(''),
    status: membershipStatus().notNull().default('pending'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id),
    decisionReason: text(),
    endedAt: timestamp({ withTimezone: true }),
    endedBy: uuid().references(() => users.id),
    endReason: text(),
  },
  (t) => [
    // One live (pending or approved) membership per person: a member speaks for one commune.
    uniqueIndex('forum_memberships_live_idx').on(t.userId).where(sql`status in ('pending', 'approved')`),
    index('forum_memberships_commune_idx').on(t.communeId, t.status),
  ],
);

export const threads = pgTable(
  'forum_threads',
  {
    id: serial().primaryKey(),
    /** null: the whole county. */
    communeId: integer().references(() => communes.id),
    title: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    locked: boolean().notNull().default(false),
    pinned: boolean().notNull().default(false),
    /** Also the number of the last post: posts are numbered 1..postCount within their thread. */
    postCount: integer().notNull().default(0),
    lastPostAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The title's words and lemmas (lib/search). */
    ...searchColumns(),
  },
  (t) => [
    index('forum_threads_list_idx').on(t.pinned, t.lastPostAt, t.id),
    index('forum_threads_commune_idx').on(t.communeId, t.lastPostAt),
    index('forum_threads_search_idx').using('gin', t.searchVector),
  ],
);

export const threadAreas = pgTable(
  'forum_thread_areas',
  {
    threadId: integer()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    serviceAreaId: integer()
      .notNull()
      .references(() => serviceAreas.id),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.serviceAreaId] }), index('forum_thread_areas_area_idx').on(t.serviceAreaId)],
);

export const posts = pgTable(
  'forum_posts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    threadId: integer()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… within the thread: pages are ranges of it (keyset on an indexed, gap-free column). */
    number: integer().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    /** The body rendered once by lib/markdown when written; null until db/cook.ts cooks an older row. */
    bodyHtml: text(),
    quotedPostId: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenBy: uuid().references(() => users.id),
    hiddenReason: text(),
    /** Hidden by reaching the report threshold, pending a moderator's review. */
    hiddenAuto: boolean().notNull().default(false),
    /** The body's words and lemmas (lib/search). */
    ...searchColumns(),
  },
  (t) => [
    uniqueIndex('forum_posts_thread_number_idx').on(t.threadId, t.number),
    index('forum_posts_author_idx').on(t.authorId),
    index('forum_posts_search_idx').using('gin', t.searchVector),
  ],
);

/** Earlier versions of an edited post, shown to every reader as its history. */
export const postRevisions = pgTable(
  'forum_post_revisions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    postId: bigint({ mode: 'number' })
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    /** The body rendered once by lib/markdown when written; null until db/cook.ts cooks an older row. */
    bodyHtml: text(),
    /** When this version was written (the post's created or previous edited time). */
    writtenAt: timestamp({ withTimezone: true }).notNull(),
    replacedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forum_post_revisions_post_idx').on(t.postId, t.id)],
);

export const threadReads = pgTable(
  'forum_thread_reads',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    lastReadNumber: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

export const threadFollows = pgTable(
  'forum_thread_follows',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] }), index('forum_thread_follows_thread_idx').on(t.threadId)],
);

export const notifications = pgTable(
  'forum_notifications',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    threadId: integer().references(() => threads.id, { onDelete: 'cascade' }),
    postId: bigint({ mode: 'number' }),
    membershipId: integer().references(() => memberships.id, { onDelete: 'cascade' }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('forum_notifications_user_idx').on(t.userId, t.id), index('forum_notifications_unread_idx').on(t.userId).where(sql`read_at is null`)],
);

export const postReports = pgTable(
  'forum_post_reports',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    postId: bigint({ mode: 'number' })
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id),
  },
  (t) => [unique('forum_post_reports_once').on(t.postId, t.reporterId), index('forum_post_reports_open_idx').on(t.postId).where(sql`resolved_at is null`)],
);

export const postingSuspensions = pgTable(
  'forum_posting_suspensions',
  {
    id: serial().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    until: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forum_posting_suspensions_user_idx').on(t.userId, t.until)],
);

export const consultations = pgTable('forum_consultations', {
  id: serial().primaryKey(),
  threadId: integer()
    .notNull()
    .unique()
    .references(() => threads.id, { onDelete: 'cascade' }),
  communeId: integer().references(() => communes.id),
  title: text().notNull(),
  body: text().notNull(),
  /** body and summary rendered once by lib/markdown when written (db/cook.ts cooks older rows). */
  bodyHtml: text(),
  deadline: timestamp({ withTimezone: true }).notNull(),
  summary: text(),
  summaryHtml: text(),
  summaryBy: uuid().references(() => users.id),
  summaryAt: timestamp({ withTimezone: true }),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One position per member per consultation; commune and representation are copied at the time. */
export const positions = pgTable(
  'forum_consultation_positions',
  {
    id: serial().primaryKey(),
    consultationId: integer()
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communeId: integer()
      .notNull()
      .references(() => communes.id),
    representation: representation().notNull(),
    position: consultationPosition().notNull(),
    justification: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('forum_positions_once').on(t.consultationId, t.userId)],
);

/** A member's rating of one service area in their commune for one quarter (a time series). */
export const scorecards = pgTable(
  'forum_scorecards',
  {
    id: serial().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communeId: integer()
      .notNull()
      .references(() => communes.id),
    serviceAreaId: integer()
      .notNull()
      .references(() => serviceAreas.id),
    /** e.g. 2026-4 is the fourth quarter of 2026: year * 10 + quarter, sortable. */
    quarter: integer().notNull(),
    score: smallint().notNull(),
    comment: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('forum_scorecards_once').on(t.userId, t.communeId, t.serviceAreaId, t.quarter),
    index('forum_scorecards_area_idx').on(t.communeId, t.serviceAreaId, t.quarter),
    check('forum_scorecards_score_range', sql`${t.score} between 1 and 5`),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type Thread = typeof threads.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type Consultation = typeof consultations.$inferSelect;
export type Representation = (typeof representation.enumValues)[number];
export type MembershipStatus = (typeof membershipStatus.enumValues)[number];
export type ConsultationPositionValue = (typeof consultationPosition.enumValues)[number];
