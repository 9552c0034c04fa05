/** Reads for moderators: the report queue. */
import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, posts, threads, users } from '@/db/schema';
import { communesWithRole, ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { storedHtml } from '@/lib/markdown';
import { isModerator } from './permissions';

/** Posts with open reports or hidden automatically, in the threads the moderator's scope reaches. */
export async function listModerationQueue({ actor }: { actor: CurrentUser }) {
  requireUser(actor);
  ensure(isModerator(actor));
  const scope = communesWithRole(actor, 'moderator');
  const scopeCondition = scope === 'all' ? undefined : scope.length ? inArray(threads.communeId, scope) : sql`false`;
  const list = await db
    .select({
      postId: posts.id,
      number: posts.number,
      threadId: threads.id,
      threadTitle: threads.title,
      communeId: threads.communeId,
      communeName: communes.name,
      body: posts.body,
      bodyHtml: posts.bodyHtml,
      authorName: users.name,
      hiddenAt: posts.hiddenAt,
      hiddenAuto: posts.hiddenAuto,
      reports: sql<number>`(select count(*)::int from forum_post_reports r where r.post_id = ${posts.id} and r.resolved_at is null)`,
      reasons: sql<string[]>`(select coalesce(array_agg(r.reason order by r.id), '{}') from forum_post_reports r where r.post_id = ${posts.id} and r.resolved_at is null)`,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .leftJoin(communes, eq(communes.id, threads.communeId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        or(
          sql`exists (select 1 from forum_post_reports r where r.post_id = ${posts.id} and r.resolved_at is null)`,
          and(eq(posts.hiddenAuto, true), sql`${posts.hiddenAt} is not null`),
        ),
        scopeCondition,
      ),
    )
    .orderBy(desc(posts.id))
    .limit(100);
  return list.map(({ bodyHtml, ...item }) => ({ ...item, html: storedHtml(bodyHtml, item.body) }));
}

