import { index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type MeetingType = (typeof meetingType.enumValues)[number];
