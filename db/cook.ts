import { and, asc, eq, gt, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { renderMarkdown } from '@/lib/markdown';
import type { Database } from './client';
import { articles, consultations, meetings, postRevisions, posts } from './schema';

/**
 * Cooks the Markdown of rows written before it was cooked at write time (migration
 * 0006_cooked_markdown added the *_html columns empty), and of rows that seeds or scripts insert
 * directly. A data migration in SQL cannot run the JavaScript renderer, so db/prepare.ts runs this
 * after migrating, before every start (npm run dev / npm start / db:migrate), and seeding runs it
 * after loading demo data. On a fresh database, or once done, it finds nothing: one indexed-free
 * but cheap query per column ("where *_html is null limit 1").
 */
interface Cookable {
  name: string;
  table: PgTable;
  id: PgColumn;
  source: PgColumn;
  html: PgColumn;
}

const COOKABLE: Cookable[] = [
  { name: 'forum_posts.body', table: posts, id: posts.id, source: posts.body, html: posts.bodyHtml },
  { name: 'forum_post_revisions.body', table: postRevisions, id: postRevisions.id, source: postRevisions.body, html: postRevisions.bodyHtml },
  { name: 'forum_consultations.body', table: consultations, id: consultations.id, source: consultations.body, html: consultations.bodyHtml },
  { name: 'forum_consultations.summary', table: consultations, id: consultations.id, source: consultations.summary, html: consultations.summaryHtml },
  { name: 'articles.body', table: articles, id: articles.id, source: articles.body, html: articles.bodyHtml },
  { name: 'meetings.description', table: meetings, id: meetings.id, source: meetings.description, html: meetings.descriptionHtml },
  { name: 'meetings.minutes', table: meetings, id: meetings.id, source: meetings.minutes, html: meetings.minutesHtml },
];

const BATCH = 500;

/** Renders every stored source whose HTML is missing; returns how many were cooked per column. */
export async function cookPendingMarkdown(db: Database): Promise<Record<string, number>> {
  const cooked: Record<string, number> = {};
  for (const c of COOKABLE) {
    let after = 0;
    for (;;) {
      const where: SQL = and(isNull(c.html), isNotNull(c.source), gt(c.id, after))!;
      const batch = (await db
        .select({ id: c.id, source: c.source })
        .from(c.table)
        .where(where)
        .orderBy(asc(c.id))
        .limit(BATCH)) as { id: number; source: string }[];
      if (batch.length === 0) break;
      await db.transaction(async (tx) => {
        for (const row of batch) await tx.update(c.table).set({ [keyOf(c)]: renderMarkdown(row.source) }).where(and(eq(c.id, row.id), isNull(c.html)));
      });
      cooked[c.name] = (cooked[c.name] ?? 0) + batch.length;
      after = batch.at(-1)!.id;
    }
  }
  return cooked;
}

/** The TypeScript property name of the HTML column (drizzle's set() takes property names). */
function keyOf(c: Cookable): string {
  const columns = c.table as unknown as Record<string, unknown>;
  const key = Object.keys(columns).find((k) => columns[k] === c.html);
  if (!key) throw new Error(`no property for ${c.name}`);
  return key;
}
