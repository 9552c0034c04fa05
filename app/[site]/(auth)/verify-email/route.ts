import { NextResponse, type NextRequest } from 'next/server';
import { verifyEmail } from '@/lib/auth/recovery';

/**
 * The link in the sign-up e-mail. Confirms the address and sends the person to sign in; a link
 * that did not work goes to a page that says why. (A mail scanner opening the link first only
 * confirms what the mailbox proved anyway; the person is then told the link was used.)
 */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  const state = await verifyEmail({ token: token.slice(0, 200) });
  const target = state === 'valid' ? '/sign-in?verified=1' : `/verify-email/problem?problem=${state}`;
  // A relative Location: the browser stays on the host it came by (request.nextUrl may name
  // another, e.g. localhost for 127.0.0.1, and the session cookie would then be set elsewhere).
  return new NextResponse(null, { status: 303, headers: { Location: target } });
}
