import { NextResponse, type NextRequest } from 'next/server';
import * as z from 'zod';
import { errorResponse } from '@/app/_http/error-response';
import { isForeignOrigin } from '@/app/_http/origin';
import { AppError } from '@/lib/errors';
import { getCurrentUser } from '@/lib/auth';
import { setUserLocale } from '@/lib/auth/mutations';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';
import { isSafeRedirectPath } from '@/lib/safe-redirect';

export const dynamic = 'force-dynamic';

const localeSchema = z.object({ locale: z.enum(LOCALES) });

/** The page the form was on (same site only), to show again in the new language; else home. */
function back(request: NextRequest): string {
  try {
    const from = new URL(request.headers.get('referer') ?? '');
    const path = from.pathname + from.search;
    return from.host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host')) && isSafeRedirectPath(path) ? path : '/';
  } catch {
    return '/';
  }
}

/**
 * The header's language switch: a plain form post, so it works before (and without) JavaScript.
 * It sets the cookie for a year (remembered on the account too) and sends the visitor back with
 * a full page load: proxy.ts then serves the page in the new language — for a visitor without a
 * session, another kept page (app/_http/site.ts), which a server action's refresh would not swap in.
 */
export async function POST(request: NextRequest) {
  if (isForeignOrigin(request.headers)) return errorResponse(new AppError('forbidden:origin'), 'text');
  const parsed = localeSchema.safeParse(Object.fromEntries(await request.formData().catch(() => new FormData())));
  const response = new NextResponse(null, { status: 303, headers: { Location: back(request) } });
  if (!parsed.success) return response;
  response.cookies.set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: false });
  const user = await getCurrentUser().catch(() => null);
  if (user) await setUserLocale({ actor: user, locale: parsed.data.locale });
  return response;
}
