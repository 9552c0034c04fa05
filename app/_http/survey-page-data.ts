import 'server-only';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { AbstractIntlMessages } from 'next-intl';
import { viewerAccount } from '@/components/layout/viewer-account';
import type { FormScript } from '@/components/surveys/fill/island-data';
import type { SurveyFillProps } from '@/components/surveys/fill/survey-fill';
import type { SurveyView } from '@/components/surveys/fill/survey-page';
import type { ViewerAccount } from '@/components/viewer/viewer-store';
import { getCurrentUser } from '@/lib/auth';
import { requestCountyValues, requestDataController, type CountyValues } from '@/lib/county';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { translatedContent } from '@/lib/i18n/content-lang';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { pickMessages } from '@/lib/i18n/pick-messages';
import { readAnsweredToken } from '@/lib/surveys/answered';
import { FORM_SCRIPT_PATH } from '@/lib/surveys/device/offline-page';
import { surveyVersion } from '@/lib/surveys/device/store';
import { getSurveyForFilling } from '@/lib/surveys/queries';
import { freshState, type FillState } from '@/lib/surveys/steps';
import { readBoundedText } from './body';
import { answeredCookieName, readCookie } from './submission';
import { surveyStep } from './survey-step';

// The server half of the survey's page. The page itself is rendered by pages/[site]/s/[slug].tsx,
// outside the App Router, so that Next.js sends none of its scripts with it (pages/_app.tsx); but
// the Pages Router may not import lib/ (server-only modules, next/headers: Next.js refuses them
// there). So the page asks this half, through its route (app/api/survey-page/[slug]/route.ts), for
// everything it shows: the same reads an App Router page would make, as JSON.

/**
 * The form's words, sent on to its script; the frame's are rendered on the server only. Of the
 * field errors (20 KB), only "invalid value": the form fetches the rest once it runs
 * (components/ui/error-catalogue.ts) — unless the page shows errors already (a step posted before
 * the script ran), which the script must render as the server did.
 */
const FORM_NAMESPACES = ['surveys.fill', 'surveys.device', 'surveys.ageGroups', 'surveys.respondentTypes'] as const;

/** A questionnaire is a few kilobytes; a posted step far larger is not one. */
const MAX_STEP_BYTES = 256 * 1024;

export interface SurveyPageProps {
  locale: Locale;
  account: ViewerAccount | null;
  county: CountyValues;
  /** The page's title (the survey's, or the error's) and its language when not the page's. */
  title: string;
  titleLang: string | null;
  /** The survey's web app manifest (installable, opens offline), when there is a survey. */
  manifest: string | null;
  view: SurveyView;
  /** The form's script, and the request's nonce for it (the page adds it); null when it was not built (the form works without). */
  script: FormScript | null;
}

/** The page's props, its HTTP status and the cookie to set: the route answers with them (the props as JSON). */
export interface SurveyPageData {
  status: number;
  props: SurveyPageProps;
  setCookie: string | null;
}

let built: Omit<FormScript, 'nonce'> | null | undefined;
/** The content-hashed names of the form's script (public/survey-client/manifest.json, scripts/build-survey-client.ts). */
function formScript(): FormScript | null {
  // `next dev` ignores unstable_runtimeJS and hydrates the whole page itself: no second script.
  if (process.env.NODE_ENV !== 'production') return null;
  if (built === undefined) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(process.cwd(), `public${FORM_SCRIPT_PATH}/manifest.json`), 'utf8')) as { fill: string; imports: string[] };
      built = { src: manifest.fill, imports: manifest.imports };
    } catch {
      console.warn(`[survey page] public${FORM_SCRIPT_PATH}/manifest.json is missing: the survey form runs without JavaScript. Run \`npm run build\`.`);
      built = null;
    }
  }
  return built ? { ...built, nonce: null } : null;
}

/** A step posted without JavaScript: an urlencoded form, bounded. */
async function readForm(request: Request): Promise<FormData> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) throw new AppError('bad_request');
  const text = await readBoundedText(request, MAX_STEP_BYTES);
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
  return form;
}

/** The page of the survey `slug` for this request: GET to read it, POST for a step sent without JavaScript. */
export async function surveyPageData(request: Request, slug: string): Promise<SurveyPageData> {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations();
  // The header renders even when the database is down, so the page's own error shows.
  const user = await getCurrentUser().catch(() => null);
  const frame = { locale, county: await requestCountyValues(), account: user ? await viewerAccount(user) : null, script: null, manifest: null, titleLang: null };

  let found: Awaited<ReturnType<typeof getSurveyForFilling>>;
  try {
    found = await getSurveyForFilling({ slug });
  } catch (error) {
    if (error instanceof AppError && error.type === 'not_found') {
      return { status: 404, setCookie: null, props: { ...frame, title: t('errorPage.notFoundTitle'), view: { kind: 'not-found' } } };
    }
    console.error('[survey page]', error);
    return { status: 503, setCookie: null, props: { ...frame, title: t('errorPage.unavailableTitle'), view: { kind: 'unavailable' } } };
  }
  const { survey, accepting, communes, localities } = found;
  const english = locale === 'en';
  const page = {
    ...frame,
    title: english && survey.titleEn ? survey.titleEn : survey.titlePl,
    titleLang: translatedContent({ pl: survey.titlePl, en: survey.titleEn }, locale) ?? null,
    manifest: `/s/${survey.slug}/manifest.webmanifest`,
  };

  let state: FillState = freshState(randomUUID());
  let status = 200;
  let setCookie: string | null = null;
  if (request.method === 'POST') {
    try {
      const outcome = await surveyStep(survey.slug, await readForm(request), { url: request.headers.get('origin') ?? 'http://localhost', headers: request.headers });
      state = outcome.state;
      setCookie = outcome.setCookie ?? null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      status = error.status;
      state = { ...state, message: { tone: 'error', key: error.messageKey } };
    }
  }
  const answered = setCookie !== null || readAnsweredToken(survey.slug, readCookie(request.headers, answeredCookieName(survey.slug))) !== null;
  if (!accepting) return { status, setCookie, props: { ...page, view: { kind: 'closed' } } };
  // An open-link survey takes one answer per browser: the form would only be refused at the end.
  if (answered && survey.responseMode === 'open_link') return { status, setCookie, props: { ...page, view: { kind: 'answered' } } };

  const description = english && survey.descriptionEn ? survey.descriptionEn : survey.descriptionPl;
  const introLang = description ? translatedContent({ pl: survey.descriptionPl ?? '', en: survey.descriptionEn }, locale) : undefined;
  const fill: SurveyFillProps = {
    slug: survey.slug,
    title: page.title,
    ...(page.titleLang ? { titleLang: page.titleLang } : {}),
    ...(description ? { intro: description } : {}),
    ...(introLang ? { introLang } : {}),
    note: survey.responseMode === 'invitation' ? t('surveys.fill.invitationNote') : t('surveys.fill.limitNote', { limit: getEnv().SURVEY_SUBMISSIONS_PER_ADDRESS }),
    definition: survey.definition,
    version: surveyVersion(survey.definition),
    responseMode: survey.responseMode,
    communes,
    localities,
    controller: await requestDataController(),
    submitUrl: `/s/${survey.slug}/submit`,
    initial: state,
  };
  const shown = Object.keys(state.errors).length > 0 || state.message !== null;
  const formMessages = pickMessages((await getMessages()) as unknown as Messages, [...FORM_NAMESPACES, shown ? 'errors' : 'errors.invalid']) as AbstractIntlMessages;
  return { status, setCookie, props: { ...page, view: { kind: 'fill', answered, fill, formMessages }, script: formScript() } };
}
