import { z } from 'zod';
import { withRouteErrors } from '@/app/_http/route-error';
import { threadControls, viewerAccount } from '@/app/_http/viewer';
import type { ViewerPayload } from '@/components/viewer/viewer-store';
import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const query = z.object({
  thread: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  page: z.coerce.number().int().positive().max(1_000_000).catch(1),
});

/**
 * The signed-in reader's own part of a members' kept page (app/_http/site.ts): their name, unread
 * count and menu links, and on a thread's page (`?thread=12&page=3`) what they may do with its
 * posts. Outside the proxy (under /api/), which the page's request has just been through. Never
 * stored by anyone on the way.
 */
export const GET = withRouteErrors(async (request: Request) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('bad_request');
  const { thread: threadId, page } = parsed.data;
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  const [account, thread] = await Promise.all([viewerAccount(user), threadId ? threadControls({ user, threadId, page }) : null]);
  const payload: ViewerPayload = { account, thread };
  return Response.json(payload, { headers: { 'cache-control': 'private, no-store' } });
});
