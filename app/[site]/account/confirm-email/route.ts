import { NextResponse, type NextRequest } from 'next/server';
import { confirmEmailChange } from '@/lib/auth/email-change';

export const dynamic = 'force-dynamic';

/** The link in the "confirm your new address" e-mail; the account page then says how it went. */
export async function GET(request: NextRequest) {
  const token = (request.nextUrl.searchParams.get('token') ?? '').slice(0, 200);
  const state = await confirmEmailChange({ token });
  const target = state === 'valid' ? '/account?emailChanged=1' : `/account?emailProblem=${state}`;
  // Relative, so the browser stays on the host it came by (and keeps its session cookie).
  return new NextResponse(null, { status: 303, headers: { Location: target } });
}
