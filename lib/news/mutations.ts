import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { checkCommune } from '@/lib/meetings/mutations';
import { canManageArticle, canPublishNews } from './permissions';
import { renderMarkdown } from '@/lib/markdown';
import { indexText } from '@/lib/search';
import type { ArticleInput } from './schema';

async function values(input: ArticleInput) {
  return {
    title: input.title,
    lead: input.lead,
    body: input.body,
    bodyHtml: renderMarkdown(input.body),
    communeId: input.communeId,
    status: input.status,
    publishedAt: input.publishedAt,
    searchText: await indexText(input.title, input.lead, input.body),
  };
}

/** Writes a new article (a draft, or published from its date). Coordinators and admins only. */
export async function createArticle({ actor, input }: { actor: CurrentUser; input: ArticleInput }) {
  ensure(canPublishNews(actor));
  if (!canManageArticle(actor, input.communeId)) throw fieldError('communeId', 'commune_not_yours', 'forbidden');
  const row = await values(input);
  return db.transaction(async (tx) => {
    await checkCommune(tx, input.communeId);
    const [created] = await tx.insert(articles).values({ ...row, authorId: actor.id }).returning({ id: articles.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.create',
      targetType: 'article',
      targetId: created!.id,
      details: { title: input.title, status: input.status },
    });
    return created!;
  });
}

/** Edits an article: the editor must manage both its old and its new commune. */
export async function updateArticle({ actor, id, input }: { actor: CurrentUser; id: number; input: ArticleInput }) {
  ensure(canPublishNews(actor));
  const row = await values(input);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ communeId: articles.communeId, status: articles.status })
      .from(articles)
      .where(eq(articles.id, id))
      .for('no key update')
      .limit(1);
    if (!before) throw new AppError('not_found:article');
    ensure(canManageArticle(actor, before.communeId));
    if (!canManageArticle(actor, input.communeId)) throw fieldError('communeId', 'commune_not_yours', 'forbidden');
    if (input.communeId !== before.communeId) await checkCommune(tx, input.communeId);
    const scope = before.communeId === null ? sql`${articles.communeId} is null` : eq(articles.communeId, before.communeId);
    await tx.update(articles).set({ ...row, updatedAt: new Date() }).where(and(eq(articles.id, id), scope));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.update',
      targetType: 'article',
      targetId: id,
      details: { title: input.title, from: before.status, to: input.status },
    });
  });
}
