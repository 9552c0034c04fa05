import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consultations } from './forum';
import { meetings } from './meetings';
import { articles } from './news';
import { communes, serviceAreas } from './places';

/** What a document is among the project's outputs. */
export const documentKind = pgEnum('document_kind', ['service_model', 'expert_report', 'strategy', 'training', 'minutes', 'other']);

/** public: anyone; members: approved forum members and staff (lib/documents/permissions.ts). */
export const documentVisibility = pgEnum('document_visibility', ['public', 'members']);

/**
 * A document of the library: the project's models of service delivery, expert reports, the
 * strategy, training materials, minutes. It may also be attached to one meeting, news article or
 * consultation, which then lists it. communeId null: the whole county. Its bytes are in the file
 * store (lib/files), one object per version; this row and its versions say what they are.
 */
export const documents = pgTable(
  'documents',
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    description: text().notNull().default(''),
    kind: documentKind().notNull(),
    communeId: integer().references(() => communes.id),
    serviceAreaId: integer().references(() => serviceAreas.id),
    visibility: documentVisibility().notNull().default('public'),
    meetingId: integer().references(() => meetings.id, { onDelete: 'set null' }),
    articleId: integer().references(() => articles.id, { onDelete: 'set null' }),
    consultationId: integer().references(() => consultations.id, { onDelete: 'set null' }),
    /** The number of the newest version (versions are numbered 1, 2, 3… per document). */
    versionCount: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Changed by an edit or a new version: the library lists the latest first. */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_updated_idx').on(t.updatedAt, t.id),
    index('documents_commune_idx').on(t.communeId, t.updatedAt),
    index('documents_meeting_idx').on(t.meetingId).where(sql`meeting_id is not null`),
    index('documents_article_idx').on(t.articleId).where(sql`article_id is not null`),
    index('documents_consultation_idx').on(t.consultationId).where(sql`consultation_id is not null`),
    check('documents_one_parent', sql`num_nonnulls(meeting_id, article_id, consultation_id) <= 1`),
  ],
);

/** One uploaded file of a document; a new upload adds a version, older ones stay downloadable. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: serial().primaryKey(),
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    /** The object's key in the file store (made by the app, never from the file's name). */
    storageKey: text().notNull().unique(),
    /** The name it is offered under: sanitised, with its type's extension (lib/files/names.ts). */
    fileName: text().notNull(),
    /** Recognised from the content when it was uploaded (lib/files/detect.ts). */
    contentType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    pageCount: integer(),
    note: text().notNull().default(''),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_versions_number_idx').on(t.documentId, t.number)],
);

export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];
export type DocumentVisibility = (typeof documentVisibility.enumValues)[number];
