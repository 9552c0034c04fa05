/**
 * Polish-aware full-text search, the same on PGlite and PostgreSQL (neither's ispell dictionaries:
 * PGlite has none). The app does the language work, PostgreSQL only indexes and ranks tokens with
 * its built-in 'simple' configuration:
 * - at write time, indexText() turns the text into its folded words (no case, no diacritics), each
 *   followed by its lemmas ("drodze" → "drodze droga"), stored in a search_text column from which
 *   a generated tsvector column with a GIN index is computed (db/schema/search-columns.ts);
 * - at query time, parseSearchQuery() turns each word typed into "word as a prefix, or any of its
 *   lemmas", so "droga", "drogi" and "drodze" find each other and "oswietlenie" finds "oświetleniu";
 *   searchMatch()/searchRank() are the SQL to filter and order by, highlightSearch() marks the
 *   matched words in the original text.
 * A table becomes searchable with those columns, indexText() in its writes, and an entry in
 * db/search-index.ts (which indexes rows written before, or by seeds).
 */
import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { polishLemmatizer } from './dictionary';
import { foldText, WORD } from './fold';
import { highlight, type Segment } from './highlight';

export { foldText } from './fold';
export type { Segment } from './highlight';

/** The search_text of a row: its texts' folded words, each followed by its other lemmas. */
export async function indexText(...texts: (string | null | undefined)[]): Promise<string> {
  const lemmatizer = await polishLemmatizer();
  const tokens: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const word of foldText(text).match(WORD) ?? []) {
      tokens.push(word);
      for (const lemma of lemmatizer.lemmas(word)) if (lemma !== word) tokens.push(lemma);
    }
  }
  return tokens.join(' ');
}

// Words that say nothing on their own; dropped from a query that has other words
// ("oświetlenie na drodze" asks for oświetlenie and droga).
const STOP_WORDS = new Set(['na', 'do', 'od', 'po', 'za', 'ze', 'we', 'sie', 'nie', 'to', 'jest', 'jak', 'co', 'dla', 'przy', 'oraz', 'lub', 'czy', 'ale', 'bo', 'juz', 'tak', 'the', 'and', 'of']);

/** The words of a search query, folded; words of one letter are dropped, at most eight kept. */
export function searchTerms(query: string): string[] {
  const words = [...new Set(foldText(query).match(WORD) ?? [])].filter((w) => w.length >= 2);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words).slice(0, 8);
}

export interface SearchQuery {
  /** The folded words typed. */
  terms: string[];
  /** For to_tsquery('simple', …): every term must match, as a prefix or through a lemma. */
  tsquery: string;
  /** Whether a folded word of a text matches one of the terms (for highlighting). */
  matches: (foldedWord: string) => boolean;
}

/** The query typed, ready to search; null when it holds no word to search for. */
export async function parseSearchQuery(query: string): Promise<SearchQuery | null> {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const lemmatizer = await polishLemmatizer();
  const lemmas = new Set<string>();
  const groups = terms.map((term) => {
    const own = lemmatizer.lemmas(term).filter((l) => l !== term);
    for (const l of lemmatizer.lemmas(term)) lemmas.add(l);
    // Terms and lemmas are runs of letters and digits (WORD): nothing in them is tsquery syntax.
    return `(${[`${term}:*`, ...own].join(' | ')})`;
  });
  return {
    terms,
    tsquery: groups.join(' & '),
    matches: (word) => terms.some((t) => word.startsWith(t)) || lemmatizer.lemmas(word).some((l) => lemmas.has(l)),
  };
}

function tsquery(q: SearchQuery): SQL {
  return sql`to_tsquery('simple', ${q.tsquery})`;
}

/** The condition "this row's search vector matches the query" (uses the GIN index). */
export function searchMatch(vector: SQLWrapper, q: SearchQuery): SQL {
  return sql`${vector} @@ ${tsquery(q)}`;
}

/** How well a row matches, for ordering (descending): more matches, in a shorter text, rank higher. */
export function searchRank(vector: SQLWrapper, q: SearchQuery): SQL<number> {
  return sql<number>`ts_rank(${vector}, ${tsquery(q)}, 1)`;
}

/** A snippet of `text` around its first matching word, the matching words marked. */
export function highlightSearch(text: string, q: SearchQuery, radius?: number): Segment[] {
  return highlight(text, q.matches, radius);
}
