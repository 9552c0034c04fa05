import { NextResponse, type NextRequest } from 'next/server';
import { unsubscribe } from '@/lib/mail/preferences';

export const dynamic = 'force-dynamic';

/**
 * The List-Unsubscribe address of every optional e-mail. A mail program's one-click unsubscribe
 * (RFC 8058) POSTs "List-Unsubscribe=One-Click" here: the signed token in the URL is the only
 * credential, no sign-in and no cookie. A GET (a person pasting the address) goes to the page
 * with a button, since mail scanners open links on their own.
 */
export async function POST(request: NextRequest) {
  const kind = await unsubscribe({ token: request.nextUrl.searchParams.get('token') ?? '' });
  if (!kind) return new NextResponse('Invalid unsubscribe link.\n', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new NextResponse(`Unsubscribed from ${kind}.\n`, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  // Relative, so the browser stays on the host it came by.
  return new NextResponse(null, { status: 303, headers: { Location: `/unsubscribe?token=${encodeURIComponent(token)}` } });
}
