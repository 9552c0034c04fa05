import { NextResponse } from 'next/server';
import { isForeignOrigin } from '@/app/_http/origin';
import { withRouteErrors } from '@/app/_http/route-error';
import { surveyPageData } from '@/app/_http/survey-page-data';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string }> };

/**
 * The survey page's data, for the page's renderer (pages/[site]/s/[slug].tsx), which asks here for
 * each request it serves, passing the request's cookies and addresses on. Anyone may ask: it answers
 * with what the page itself shows to the same request. Never stored on the way.
 */
async function answer(request: Request, { params }: Params) {
  const { status, props, setCookie } = await surveyPageData(request, (await params).slug);
  const headers: Record<string, string> = { 'Cache-Control': 'private, no-store' };
  // The "already answered" cookie (HttpOnly) as a cookie, never in the body: the page passes it on.
  if (setCookie) headers['Set-Cookie'] = setCookie;
  return NextResponse.json(props, { status, headers });
}

export const GET = withRouteErrors(answer);

/** A step posted without JavaScript. Outside the proxy, so the origin is checked here, as it checks the page's. */
export const POST = withRouteErrors(async (request: Request, context: Params) => {
  if (isForeignOrigin(request.headers)) throw new AppError('forbidden:origin');
  return answer(request, context);
});
