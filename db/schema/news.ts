import { index, integer, pgEnum, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { communes } from './places';
import { searchColumns } from './search-columns';

export const articleStatus = pgEnum('article_status', ['draft', 'published']);

/**
 * A news article. Readers see it once it is published and its publish date has come (a later date
 * schedules it). communeId null: news for the whole county.
 */
export const articles = pgTable(
  'articles',
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    lead: text().notNull(),
    body: text().notNull(),
    /** The body rendered once by lib/markdown when written; null until db/cook.ts cooks an older row. */
    bodyHtml: text(),
    communeId: integer().references(() => communes.id),
    status: articleStatus().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Title, lead and body: their words and lemmas (lib/search). */
    ...searchColumns(),
  },
  (t) => [index('articles_published_idx').on(t.status, t.publishedAt, t.id), index('articles_search_idx').using('gin', t.searchVector)],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type ArticleStatus = (typeof articleStatus.enumValues)[number];
