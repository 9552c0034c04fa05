/** Full-text search over threads and posts (lib/search: Polish inflection, ranked, highlighted). */
import 'server-only';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, posts, threads } from '@/db/schema';
import { htmlToText, storedHtml } from '@/lib/markdown';
import { highlightSearch, parseSearchQuery, searchMatch, searchRank, type Segment } from '@/lib/search';

export interface SearchHit {
  kind: 'thread' | 'post';
  threadId: number;
  threadTitle: string;
  number: number | null;
  communeName: string | null;
  title: Segment[];
  snippet: Segment[];
}

/**
 * Thread titles and visible posts matching every word typed, in any inflected form ("drodze"
 * finds "droga"), without diacritics or with them, a word also matching as a prefix. Best
 * matches first (a title match outranks a long post mentioning the word once), then newest.
 */
export async function searchForum({ query, communeId, areaId }: { query: string; communeId?: number; areaId?: number }) {
  const q = await parseSearchQuery(query);
  if (!q) return { terms: [] as string[], hits: [] as SearchHit[] };
  const filters: SQL[] = [];
  if (communeId !== undefined) filters.push(eq(threads.communeId, communeId));
  if (areaId !== undefined) filters.push(sql`exists (select 1 from forum_thread_areas ta where ta.thread_id = ${threads.id} and ta.service_area_id = ${areaId})`);
  const threadRank = searchRank(threads.searchVector, q);
  const postRank = searchRank(posts.searchVector, q);
  const [threadRows, postRows] = await Promise.all([
    db
      .select({ id: threads.id, title: threads.title, communeName: communes.name, rank: threadRank, at: threads.lastPostAt })
      .from(threads)
      .leftJoin(communes, eq(communes.id, threads.communeId))
      .where(and(searchMatch(threads.searchVector, q), ...filters))
      .orderBy(desc(threadRank), desc(threads.lastPostAt))
      .limit(20),
    db
      .select({ threadId: threads.id, title: threads.title, communeName: communes.name, number: posts.number, body: posts.body, bodyHtml: posts.bodyHtml, rank: postRank, at: posts.createdAt })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .leftJoin(communes, eq(communes.id, threads.communeId))
      .where(and(searchMatch(posts.searchVector, q), isNull(posts.hiddenAt), ...filters))
      .orderBy(desc(postRank), desc(posts.id))
      .limit(30),
  ]);
  const ranked = [
    ...threadRows.map((t) => ({
      rank: t.rank,
      at: t.at.getTime(),
      hit: {
        kind: 'thread' as const,
        threadId: t.id,
        threadTitle: t.title,
        number: null,
        communeName: t.communeName,
        title: highlightSearch(t.title, q, 200),
        snippet: [],
      },
    })),
    ...postRows.map((p) => ({
      rank: p.rank,
      at: p.at.getTime(),
      hit: {
        kind: 'post' as const,
        threadId: p.threadId,
        threadTitle: p.title,
        number: p.number,
        communeName: p.communeName,
        title: highlightSearch(p.title, q, 200),
        snippet: highlightSearch(htmlToText(storedHtml(p.bodyHtml, p.body)), q),
      },
    })),
  ];
  ranked.sort((a, b) => b.rank - a.rank || b.at - a.at);
  return { terms: q.terms, hits: ranked.map((r) => r.hit) };
}
