import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/_http/error-response';
import { isForeignOrigin } from '@/app/_http/origin';
import { AppError } from '@/lib/errors';
import { signOut } from '@/lib/auth';
import { endCurrentSession } from '@/lib/auth/sign-in';

export const dynamic = 'force-dynamic';

/**
 * The header's "sign out": a plain form post, like the language switch (app/api/locale), so it
 * works before and without JavaScript and from every page, the survey's too (pages/, which has no
 * server actions). The session's row goes first: the cookie, even if copied elsewhere, no longer
 * works. Then Auth.js clears the cookie and the browser goes home with a full page load.
 */
export async function POST(request: NextRequest) {
  if (isForeignOrigin(request.headers)) return errorResponse(new AppError('forbidden:origin'), 'text');
  await endCurrentSession();
  await signOut({ redirect: false });
  return new NextResponse(null, { status: 303, headers: { Location: '/' } });
}
