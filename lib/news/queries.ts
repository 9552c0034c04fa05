import 'server-only';
import { and, desc, eq, gt, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { articles, communes, users } from '@/db/schema';
import { communesWithRole, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { htmlToText, storedHtml } from '@/lib/markdown';
import { highlightSearch, parseSearchQuery, searchMatch, searchRank } from '@/lib/search';
import { canManageArticle } from './permissions';
import { NEWS_PAGE_SIZE } from './schema';

// Readers see an article once it is published and its date has come. Drafts and scheduled
// articles are seen only by those who may edit them.

const columns = {
  id: articles.id,
  title: articles.title,
  lead: articles.lead,
  communeId: articles.communeId,
  communeName: communes.name,
  status: articles.status,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
};

function visible(now: Date): SQL {
  return and(eq(articles.status, 'published'), lte(articles.publishedAt, now))!;
}

const CURSOR = /^\d{1,10}$/;

/** Published articles, newest first; keyset pagination on (published_at, id). */
export async function listArticles({ cursor, now = new Date() }: { cursor?: string; now?: Date } = {}) {
  const conditions: SQL[] = [visible(now)];
  if (cursor) {
    if (!CURSOR.test(cursor)) throw new AppError('bad_request');
    const after = alias(articles, 'after_article');
    conditions.push(sql`(${articles.publishedAt}, ${articles.id}) < ${db.select({ p: after.publishedAt, i: after.id }).from(after).where(eq(after.id, Number(cursor)))}`);
  }
  const page = await db
    .select(columns)
    .from(articles)
    .leftJoin(communes, eq(communes.id, articles.communeId))
    .where(and(...conditions))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(NEWS_PAGE_SIZE + 1);
  const shown = page.slice(0, NEWS_PAGE_SIZE);
  return { articles: shown, nextCursor: page.length > NEWS_PAGE_SIZE ? String(shown.at(-1)!.id) : null };
}

export type ArticleListItem = Awaited<ReturnType<typeof listArticles>>['articles'][number];

/**
 * Published articles matching every word of `query` in their title, lead or body, in any inflected
 * form (lib/search), best matches first, with the title and a snippet highlighted.
 */
export async function searchArticles({ query, now = new Date(), limit = 30 }: { query: string; now?: Date; limit?: number }) {
  const q = await parseSearchQuery(query);
  if (!q) return [];
  const rank = searchRank(articles.searchVector, q);
  const rows = await db
    .select({ ...columns, body: articles.body, bodyHtml: articles.bodyHtml })
    .from(articles)
    .leftJoin(communes, eq(communes.id, articles.communeId))
    .where(and(visible(now), searchMatch(articles.searchVector, q)))
    .orderBy(desc(rank), desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(({ body, bodyHtml, ...article }) => ({
    ...article,
    titleSegments: highlightSearch(article.title, q, 200),
    snippet: highlightSearch(`${article.lead}\n${htmlToText(storedHtml(bodyHtml, body))}`, q),
  }));
}

export type ArticleSearchHit = Awaited<ReturnType<typeof searchArticles>>[number];

export function listLatestArticles({ limit = 3, now = new Date() }: { limit?: number; now?: Date } = {}) {
  return db
    .select(columns)
    .from(articles)
    .leftJoin(communes, eq(communes.id, articles.communeId))
    .where(visible(now))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

/** Drafts and scheduled articles the actor may edit (newest first, at most 50). */
export async function listUnpublishedArticles({ actor, now = new Date() }: { actor: CurrentUser; now?: Date }) {
  const reach = communesWithRole(actor, 'coordinator');
  if (reach !== 'all' && reach.length === 0) return [];
  const notVisible = or(ne(articles.status, 'published'), gt(articles.publishedAt, now))!;
  const scope = reach === 'all' ? undefined : inArray(articles.communeId, reach);
  return db
    .select(columns)
    .from(articles)
    .leftJoin(communes, eq(communes.id, articles.communeId))
    .where(and(notVisible, scope))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(50);
}

/** One article; a draft or a scheduled one is "not found" for anyone who may not edit it. */
export async function getArticle({ id, viewer, now = new Date() }: { id: number; viewer: CurrentUser | null; now?: Date }) {
  const [article] = await db
    .select({ ...columns, body: articles.body, bodyHtml: articles.bodyHtml, authorName: users.name, createdAt: articles.createdAt })
    .from(articles)
    .leftJoin(communes, eq(communes.id, articles.communeId))
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(eq(articles.id, id))
    .limit(1);
  if (!article) throw new AppError('not_found:article');
  const canManage = canManageArticle(viewer, article.communeId);
  const isVisible = article.status === 'published' && article.publishedAt.getTime() <= now.getTime();
  if (!isVisible && !canManage) throw new AppError('not_found:article');
  return { ...article, bodyHtml: storedHtml(article.bodyHtml, article.body), isVisible, canManage };
}

export type ArticleDetail = Awaited<ReturnType<typeof getArticle>>;

/** The newest published articles with their bodies, for the Atom feed. */
export function listFeedArticles({ limit = 30, now = new Date() }: { limit?: number; now?: Date } = {}) {
  return db
    .select({ ...columns, body: articles.body, bodyHtml: articles.bodyHtml, authorName: users.name, authorStatus: users.status })
    .from(articles)
    .leftJoin(communes, eq(communes.id, articles.communeId))
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(visible(now))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}
