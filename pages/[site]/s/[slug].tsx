import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { pageData } from '@/app/_http/page-data';
import { parseSite } from '@/app/_http/site';
import type { SurveyPageProps } from '@/app/_http/survey-page-data';
import { SITE_ICON, SiteFrame, THEME_COLOR } from '@/components/layout/site-frame';
import { RETRY_SECONDS, SurveyPageContent } from '@/components/surveys/fill/survey-page';
import type { CountyValues } from '@/lib/county';
import { formats } from '@/lib/i18n/formats';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

// The public questionnaire: no account, one section per step, works on a 360 px phone and without
// JavaScript (each step is a form posted back here: app/_http/survey-step.ts). The one page outside
// the App Router (pages/_app.tsx says why): rendered on the server with the site's frame, and
// Next.js sends no script with it — the form's own (components/surveys/fill/island.tsx) is the
// page's only JavaScript. A browser that already sent its answer is told so at once, by its
// "already answered" cookie. URLs are /s/<slug>: proxy.ts rewrites them here, as for app/[site]/.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };

/** The page, or — when its data could not be had — a bare notice that it will try again. */
type Props = SurveyPageProps | { unreachable: true; locale: Locale };

/**
 * Everything shown comes from the page's data route (app/_http/page-data.ts says why), which reads
 * the language from the same cookie proxy.ts chose the [site] segment by; the cookies it sets are
 * passed on beside proxy.ts's own; the nonce proxy.ts put on the request goes on the form's script.
 */
export const getServerSideProps: GetServerSideProps<Props, { site: string; slug: string }> = async ({ req, res, params }) => {
  // Never kept on the way: it may show a name, a posted step, a "sent" state.
  res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  try {
    const { status, data, setCookies } = await pageData<SurveyPageProps>(req, `/api/survey-page/${encodeURIComponent(params!.slug)}`);
    if (!data.view) throw new Error(`the survey page's data route answered ${status}`);
    res.statusCode = status;
    for (const cookie of setCookies) res.appendHeader('Set-Cookie', cookie);
    const nonce = req.headers['x-nonce'];
    return { props: { ...data, script: data.script ? { ...data.script, nonce: typeof nonce === 'string' ? nonce : null } : null } };
  } catch (error) {
    console.error('[survey page]', error);
    res.statusCode = 503;
    res.setHeader('Retry-After', String(RETRY_SECONDS));
    return { props: { unreachable: true, locale: parseSite(params!.site).locale } };
  }
};

/** What app/[site]/layout.tsx's metadata and viewport give every App Router page, and the survey's own. */
function Metadata({ title, manifest, refresh, county }: { title: string; manifest: string | null; refresh: boolean; county: CountyValues | null }) {
  const t = useTranslations('meta');
  return (
    <Head>
      <title>{`${title} · ${t('siteName')}`}</title>
      {county ? <meta name="description" content={t('description', county)} /> : null}
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="theme-color" content={THEME_COLOR} />
      <link rel="icon" href={SITE_ICON} />
      {manifest ? <link rel="manifest" href={manifest} /> : null}
      {refresh ? <meta httpEquiv="refresh" content={String(RETRY_SECONDS)} /> : null}
    </Head>
  );
}

/** The server could not read the page's data (its route did not answer): no frame, and another try in a moment. */
function Unreachable() {
  const t = useTranslations('errorPage');
  return (
    <>
      <Metadata title={t('unavailableTitle')} manifest={null} refresh county={null} />
      <main className="mx-auto max-w-2xl space-y-4 px-4 py-8" role="alert">
        <h1>{t('unavailableTitle')}</h1>
        <p>{t('body')}</p>
        <p>{t('unavailableBody', { seconds: RETRY_SECONDS })}</p>
      </main>
    </>
  );
}

export default function SurveyPage(props: Props) {
  return (
    // Rendered on the server only: the whole catalogue costs nothing here (the form's script gets its own words).
    <NextIntlClientProvider locale={props.locale} messages={messages[props.locale]} timeZone={TIME_ZONE} formats={formats}>
      {'unreachable' in props ? (
        <Unreachable />
      ) : (
        <>
          <Metadata title={props.title} manifest={props.manifest} refresh={props.view.kind === 'unavailable'} county={props.county} />
          <div className="flex min-h-screen flex-col">
            <SiteFrame account={props.account} members={false} county={props.county}>
              <SurveyPageContent view={props.view} title={props.title} titleLang={props.titleLang} locale={props.locale} script={props.script} />
            </SiteFrame>
          </div>
        </>
      )}
    </NextIntlClientProvider>
  );
}
