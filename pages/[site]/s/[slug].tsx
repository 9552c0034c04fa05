import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { pageData } from '@/app/_http/page-data';
import type { SurveyPageData, SurveyPageProps } from '@/app/_http/survey-page';
import { SiteFrame } from '@/components/layout/site-frame';
import { RETRY_SECONDS, SurveyPageContent } from '@/components/surveys/fill/survey-page';
import type { CountyValues } from '@/lib/county';
import { formats } from '@/lib/i18n/formats';
import { TIME_ZONE } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

// The public questionnaire: no account, one section per step, works on a 360 px phone and without
// JavaScript (each step is a form posted back here: app/_http/survey-step.ts). The one page outside
// the App Router (pages/_app.tsx says why): rendered on the server with the site's frame, and
// Next.js sends no script with it — the form's own (components/surveys/fill/island.tsx) is the
// page's only JavaScript. A browser that already sent its answer is told so at once, by its
// "already answered" cookie. URLs are /s/<slug>: proxy.ts rewrites them here, as for app/[site]/.
export const config = { runtime: 'nodejs', unstable_runtimeJS: false };

/**
 * Everything shown comes from the page's data route (app/_http/page-data.ts says why), the
 * language from the [site] segment proxy.ts chose; the nonce proxy.ts put on the request goes on
 * the form's script.
 */
export const getServerSideProps: GetServerSideProps<SurveyPageProps, { site: string; slug: string }> = async ({ req, res, params }) => {
  const { status, data } = await pageData<SurveyPageData>(req, `/api/survey-page/${encodeURIComponent(params!.slug)}`);
  if (!data.props) throw new Error(`the survey page's data route answered ${status}`);
  res.statusCode = data.status;
  if (data.setCookie) res.setHeader('Set-Cookie', data.setCookie);
  // Never kept on the way: it may show a name, a posted step, a "sent" state.
  res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  const nonce = req.headers['x-nonce'];
  const { script } = data.props;
  return { props: { ...data.props, script: script ? { ...script, nonce: typeof nonce === 'string' ? nonce : null } : null } };
};

/** What app/[site]/layout.tsx's metadata and viewport give every App Router page, and the survey's own. */
function Metadata({ title, manifest, refresh, county }: { title: string; manifest: string | null; refresh: boolean; county: CountyValues }) {
  const t = useTranslations('meta');
  return (
    <Head>
      <title>{`${title} · ${t('siteName')}`}</title>
      <meta name="description" content={t('description', county)} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="theme-color" content="#17563f" />
      <link rel="icon" href="/icon.svg" />
      {manifest ? <link rel="manifest" href={manifest} /> : null}
      {refresh ? <meta httpEquiv="refresh" content={String(RETRY_SECONDS)} /> : null}
    </Head>
  );
}

export default function SurveyPage({ locale, account, county, title, titleLang, manifest, view, script }: SurveyPageProps) {
  return (
    // Rendered on the server only: the whole catalogue costs nothing here (the form's script gets its own words).
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone={TIME_ZONE} formats={formats}>
      <Metadata title={title} manifest={manifest} refresh={view.kind === 'unavailable'} county={county} />
      <div className="flex min-h-screen flex-col">
        <SiteFrame account={account} members={false} county={county}>
          <SurveyPageContent view={view} title={title} titleLang={titleLang} locale={locale} script={script} />
        </SiteFrame>
      </div>
    </NextIntlClientProvider>
  );
}
