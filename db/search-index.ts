import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { indexText } from '@/lib/search';
import type { Database } from './client';
import { articles, posts, threads } from './schema';

/**
 * Indexes for search (lib/search) the rows whose search_text is null: rows written before search
 * knew Polish inflection (the migration that brought lemmas emptied their search_text), and rows
 * that seeds insert directly. Lemmas come from the JavaScript lemmatizer, which a data migration
 * in SQL cannot run, so db/prepare.ts runs this after migrating, before every start, and seeding
 * runs it after loading demo data. Once done it finds nothing: one cheap query per table.
 * A new dictionary (an upgrade of dictionary-pl) is applied by a migration setting search_text
 * back to null.
 *
 * Each entry's `sources` are the columns its writes pass to indexText(), in the same order.
 */
interface Searchable {
  name: string;
  table: PgTable;
  id: PgColumn;
  searchText: PgColumn;
  sources: PgColumn[];
}

export const SEARCHABLE: Searchable[] = [
  { name: 'forum_threads', table: threads, id: threads.id, searchText: threads.searchText, sources: [threads.title] },
  { name: 'forum_posts', table: posts, id: posts.id, searchText: posts.searchText, sources: [posts.body] },
  { name: 'articles', table: articles, id: articles.id, searchText: articles.searchText, sources: [articles.title, articles.lead, articles.body] },
];

const BATCH = 500;

/** Fills every missing search_text; returns how many rows were indexed per table. */
export async function indexPendingSearchText(db: Database): Promise<Record<string, number>> {
  const indexed: Record<string, number> = {};
  for (const s of SEARCHABLE) {
    const key = keyOf(s.table, s.searchText);
    let after = 0;
    for (;;) {
      const sources = Object.fromEntries(s.sources.map((c, i) => [`s${i}`, c]));
      const batch = (await db
        .select({ id: s.id, ...sources })
        .from(s.table)
        .where(and(isNull(s.searchText), gt(s.id, after)))
        .orderBy(asc(s.id))
        .limit(BATCH)) as ({ id: number } & Record<string, string | null>)[];
      if (batch.length === 0) break;
      const texts = await Promise.all(batch.map((row) => indexText(...s.sources.map((_, i) => row[`s${i}`]))));
      await db.transaction(async (tx) => {
        for (const [i, row] of batch.entries()) await tx.update(s.table).set({ [key]: texts[i] }).where(and(eq(s.id, row.id), isNull(s.searchText)));
      });
      indexed[s.name] = (indexed[s.name] ?? 0) + batch.length;
      after = batch.at(-1)!.id;
    }
  }
  return indexed;
}

/** The TypeScript property name of a column (drizzle's set() takes property names). */
function keyOf(table: PgTable, column: PgColumn): string {
  const columns = table as unknown as Record<string, unknown>;
  const key = Object.keys(columns).find((k) => columns[k] === column);
  if (!key) throw new Error(`no property for ${column.name}`);
  return key;
}
