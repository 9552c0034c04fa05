import { getLocale, getTranslations } from 'next-intl/server';
import { withRouteErrors } from '@/app/_http/route-error';
import { getSurveyForFilling } from '@/lib/surveys/queries';

export const dynamic = 'force-dynamic';

// The questionnaire as an app a respondent can add to their phone's home screen: it opens straight
// on this survey, and works without a connection once opened (worker/survey-sw.ts).
export const GET = withRouteErrors(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { survey } = await getSurveyForFilling({ slug: (await params).slug });
  const locale = await getLocale();
  const t = await getTranslations('surveys.device');
  const title = locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl;
  const start = `/s/${survey.slug}`;
  const manifest = {
    id: start,
    name: title,
    short_name: title.length > 24 ? `${title.slice(0, 23)}…` : title,
    description: t('appDescription'),
    lang: locale,
    start_url: start,
    scope: start,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#17563f',
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { 'content-type': 'application/manifest+json; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
});
