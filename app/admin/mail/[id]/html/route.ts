import { parseId } from '@/app/_http/page-guard';
import { withRouteErrors } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { getOutboxMessage } from '@/lib/mail/queries';

export const dynamic = 'force-dynamic';

/**
 * A message's HTML as the recipient's mail program would show it, for admins. next.config.mjs
 * serves this path under a CSP sandbox (no scripts, no forms, an opaque origin) so that nothing in
 * a message can act as this site.
 */
export const GET = withRouteErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseId((await params).id);
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  if (id === null) throw new AppError('not_found:mail');
  const message = await getOutboxMessage({ actor: user, id });
  return new Response(message.htmlBody, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}, 'text');
