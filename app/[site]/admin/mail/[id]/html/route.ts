import { parseId } from '@/app/_http/page-guard';
import { withRouteErrors } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { SANDBOXED_POLICY } from '@/lib/csp';
import { AppError } from '@/lib/errors';
import { getOutboxMessage } from '@/lib/mail/queries';

export const dynamic = 'force-dynamic';

/**
 * A message's HTML as the recipient's mail program would show it, for admins, under a CSP sandbox
 * (no scripts, no forms, an opaque origin) so that nothing in a message can act as this site. The
 * proxy gives this path the same policy (lib/csp.ts) instead of the pages' one.
 */
export const GET = withRouteErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseId((await params).id);
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  if (id === null) throw new AppError('not_found:mail');
  const message = await getOutboxMessage({ actor: user, id });
  return new Response(message.htmlBody, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': SANDBOXED_POLICY } });
}, 'text');
