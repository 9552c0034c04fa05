/** Full-text search over threads and posts. */
import 'server-only';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, posts, threads } from '@/db/schema';
import { htmlToText, storedHtml } from '@/lib/markdown';
import { highlight, searchTerms, type Segment } from './schema';

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
 * Full-text search over thread titles and visible posts. Both sides are folded the same way in the
 * app (lower case, no diacritics) and indexed with the 'simple' configuration, which PGlite and
 * PostgreSQL both have, so "zrodlo" finds "Źródło". Words match by prefix; matches are highlighted
 * in the original text.
 */
export async function searchForum({ query, communeId, areaId }: { query: string; communeId?: number; areaId?: number }) {
  const terms = searchTerms(query);
  if (terms.length === 0) return { terms, hits: [] as SearchHit[] };
  const tsquery = terms.map((t) => `${t}:*`).join(' & ');
  const filters: SQL[] = [];
  if (communeId !== undefined) filters.push(eq(threads.communeId, communeId));
  if (areaId !== undefined) filters.push(sql`exists (select 1 from forum_thread_areas ta where ta.thread_id = ${threads.id} and ta.service_area_id = ${areaId})`);
  const q = sql`to_tsquery('simple', ${tsquery})`;
  const [threadRows, postRows] = await Promise.all([
    db
      .select({ id: threads.id, title: threads.title, communeName: communes.name })
      .from(threads)
      .leftJoin(communes, eq(communes.id, threads.communeId))
      .where(and(sql`${threads.searchVector} @@ ${q}`, ...filters))
      .orderBy(desc(threads.lastPostAt))
      .limit(20),
    db
      .select({ threadId: threads.id, title: threads.title, communeName: communes.name, number: posts.number, body: posts.body, bodyHtml: posts.bodyHtml })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .leftJoin(communes, eq(communes.id, threads.communeId))
      .where(and(sql`${posts.searchVector} @@ ${q}`, isNull(posts.hiddenAt), ...filters))
      .orderBy(desc(posts.id))
      .limit(30),
  ]);
  const hits: SearchHit[] = [
    ...threadRows.map((t) => ({
      kind: 'thread' as const,
      threadId: t.id,
      threadTitle: t.title,
      number: null,
      communeName: t.communeName,
      title: highlight(t.title, terms, 200),
      snippet: [],
    })),
    ...postRows.map((p) => ({
      kind: 'post' as const,
      threadId: p.threadId,
      threadTitle: p.title,
      number: p.number,
      communeName: p.communeName,
      title: highlight(p.title, terms, 200),
      snippet: highlight(htmlToText(storedHtml(p.bodyHtml, p.body)), terms),
    })),
  ];
  return { terms, hits };
}
