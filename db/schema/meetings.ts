import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { communes } from './places';

export const meetingType = pgEnum('meeting_type', ['forum_session', 'workshop', 'consultation', 'conference', 'training']);

/**
 * A meeting in the calendar: a forum session, a workshop, a consultation meeting, a conference or a
 * training. communeId null means a county-wide meeting. Times are instants (timestamptz); the forms
 * take and show them in Europe/Warsaw.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: serial().primaryKey(),
    type: meetingType().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    /** description and minutes rendered once by lib/markdown when written (db/cook.ts cooks older rows). */
    descriptionHtml: text(),
    agenda: text().notNull().default(''),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    address: text().notNull(),
    onlineUrl: text(),
    communeId: integer().references(() => communes.id),
    /** A consultation or survey this meeting is about: a same-site path or an https URL. */
    linkUrl: text(),
    capacity: integer(),
    /** The summary a coordinator attaches after the meeting (Markdown). */
    minutes: text(),
    minutesHtml: text(),
    minutesAt: timestamp({ withTimezone: true }),
    /** A coordinator called the meeting off: it stays in the calendar, marked, and takes no sign-ups. */
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_starts_idx').on(t.startsAt, t.id), index('meetings_commune_starts_idx').on(t.communeId, t.startsAt)],
);

/** Who said they will come. One row per person and meeting; withdrawing deletes it. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_attendees_user_idx').on(t.userId)],
);

/**
 * Whom a person at a meeting speaks for: the forum's three representation types (a village or
 * neighbourhood, an NGO, a business), and everyone else — residents, officials, guests.
 */
export const attendanceRepresentation = pgEnum('attendance_representation', ['locality', 'ngo', 'business', 'other']);

/**
 * Who actually came, as a coordinator recorded it once the meeting began: people ticked off the
 * sign-up list (userId set; their representation copied from their forum seat at the time) and
 * walk-ins (userId null, a name only if they gave one). One row per person present, so counts are
 * count(*). meeting_attendees, above, is who said they would come.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: serial().primaryKey(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** Set for someone from the sign-up list; a deleted account leaves the row, unnamed, counted. */
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** A walk-in's name, when they gave it. */
    name: text(),
    representation: attendanceRepresentation().notNull(),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_attendance_meeting_idx').on(t.meetingId),
    uniqueIndex('meeting_attendance_user_idx').on(t.meetingId, t.userId).where(sql`user_id is not null`),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type MeetingType = (typeof meetingType.enumValues)[number];
export type AttendanceRepresentation = (typeof attendanceRepresentation.enumValues)[number];
