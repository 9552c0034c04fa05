import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { getOutboxMessage } from '@/lib/mail/queries';

export const dynamic = 'force-dynamic';

/**
 * A message's HTML as the recipient's mail program would show it, for admins. Served under a CSP
 * sandbox (no scripts, no forms, an opaque origin) so that nothing in it can act as this site.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in first.', { status: 401 });
  if (!/^\d{1,15}$/.test(id)) return new Response('Not found', { status: 404 });
  try {
    const message = await getOutboxMessage({ actor: user, id: Number(id) });
    return new Response(message.htmlBody, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.code, { status: error.status });
    throw error;
  }
}
