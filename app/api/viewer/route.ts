import * as z from 'zod';
import { withRouteErrors } from '@/app/_http/route-error';
import { forumControls, threadControls } from '@/app/_http/viewer';
import { viewerAccount } from '@/components/layout/viewer-account';
import type { ViewerPayload } from '@/components/viewer/viewer-store';
import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { forumIndexParamsSchema } from '@/lib/forum/schema';

export const dynamic = 'force-dynamic';

const query = z.object({
  // forum_threads.id is a PostgreSQL integer.
  thread: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  page: z.coerce.number().int().positive().max(1_000_000).catch(1),
  /** The forum's list: its filters and cursor, as the page reads them. */
  forum: z.literal('1').optional(),
});

/**
 * The signed-in reader's own part of a members' kept page (app/_http/site.ts): their name, unread
 * count and menu links; on a thread's page (`?thread=12&page=3`) what they may do with its posts;
 * on the forum's list (`?forum=1&commune=…&area=…&cursor=…`) what is unread for them. Outside the proxy (under /api/), which the page's request has just been through. Never
 * stored by anyone on the way.
 */
export const GET = withRouteErrors(async (request: Request) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = query.safeParse(search);
  if (!parsed.success) throw new AppError('bad_request');
  const { thread: threadId, page, forum: forumList } = parsed.data;
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  const list = forumIndexParamsSchema.parse(search);
  const [account, thread, forum] = await Promise.all([
    viewerAccount(user),
    threadId ? threadControls({ user, threadId, page }) : null,
    forumList ? forumControls({ user, list: { commune: list.commune, areaId: list.area, cursor: list.cursor } }) : null,
  ]);
  const payload: ViewerPayload = { account, thread, forum };
  return Response.json(payload, { headers: { 'cache-control': 'private, no-store' } });
});
