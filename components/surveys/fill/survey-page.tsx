import { useTranslations, type AbstractIntlMessages } from 'next-intl';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import type { Locale } from '@/lib/i18n/locales';
import { DeviceWorker } from '../device-worker';
import { ISLAND_DATA, ISLAND_ROOT, islandJson, type FormScript } from './island-data';
import { SurveyFill, type SurveyFillProps } from './survey-fill';

/** What the survey's page shows: the questionnaire, or what stands in its place. */
export type SurveyView =
  | { kind: 'fill'; answered: boolean; fill: SurveyFillProps; formMessages: AbstractIntlMessages }
  | { kind: 'answered' }
  | { kind: 'closed' }
  | { kind: 'not-found' }
  | { kind: 'unavailable' };

/** Seconds before a page that could not be rendered asks again (the refresh in its head). */
export const RETRY_SECONDS = 10;

/**
 * The survey page's content (pages/[site]/s/[slug].tsx), rendered on the server: the questionnaire
 * with its data and script beside it (island.tsx brings it to life), or what stands in its place.
 */
export function SurveyPageContent({ view, title, titleLang, locale, script }: { view: SurveyView; title: string; titleLang: string | null; locale: Locale; script: FormScript | null }) {
  const t = useTranslations();
  const lang = titleLang ?? undefined;
  switch (view.kind) {
    case 'fill':
      return (
        <>
          {view.answered ? (
            <div className="mx-auto mb-4 max-w-2xl">
              <Alert tone="info">
                <p>{t('surveys.fill.answeredInvitation')}</p>
              </Alert>
            </div>
          ) : null}
          <div id={ISLAND_ROOT}>
            <SurveyFill {...view.fill} />
            <DeviceWorker />
          </div>
          {script ? (
            <>
              <script type="application/json" id={ISLAND_DATA} dangerouslySetInnerHTML={{ __html: islandJson({ locale, messages: view.formMessages, props: view.fill }) }} />
              {script.imports.map((chunk) => (
                <link key={chunk} rel="modulepreload" href={chunk} fetchPriority="low" nonce={script.nonce ?? undefined} />
              ))}
              {/* A module script runs once the page is parsed, as `defer` says. */}
              <script type="module" defer src={script.src} fetchPriority="low" nonce={script.nonce ?? undefined} />
            </>
          ) : null}
        </>
      );
    case 'answered':
    case 'closed':
      return (
        <div className="mx-auto max-w-2xl space-y-6">
          <PageHeader title={title} lang={lang} />
          {view.kind === 'answered' ? (
            <Alert tone="success">
              <h2 className="text-lg">{t('surveys.fill.answeredTitle')}</h2>
              <p>{t('surveys.fill.answeredBody')}</p>
            </Alert>
          ) : (
            <Alert tone="info">
              <h2 className="text-lg">{t('surveys.fill.closedTitle')}</h2>
              <p>{t('surveys.fill.closedBody')}</p>
            </Alert>
          )}
        </div>
      );
    case 'not-found':
      return (
        <div className="max-w-2xl">
          <PageHeader title={t('errorPage.notFoundTitle')} lead={t('errorPage.notFoundBody')} />
          <Link href="/">{t('common.backHome')}</Link>
        </div>
      );
    case 'unavailable':
      // The page asks again by itself (the refresh in its head), as the App Router's error page does.
      return (
        <div className="max-w-2xl space-y-4" role="alert">
          <h1>{t('errorPage.unavailableTitle')}</h1>
          <p>{t('errorPage.body')}</p>
          <p>{t('errorPage.unavailableBody', { seconds: RETRY_SECONDS })}</p>
        </div>
      );
  }
}
