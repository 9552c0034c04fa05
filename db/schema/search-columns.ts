import { sql } from 'drizzle-orm';
import { customType, text } from 'drizzle-orm/pg-core';

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The columns that make a table searchable (lib/search): search_text, written by the app with
 * indexText() (folded words and their lemmas; null until db/search-index.ts indexes a row written
 * without it), and the tsvector PostgreSQL computes from it. Index the vector with GIN:
 *   (t) => [index('things_search_idx').using('gin', t.searchVector)]
 */
export function searchColumns() {
  return {
    searchText: text(),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
  };
}
