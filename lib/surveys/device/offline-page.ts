// Which responses the survey's service worker (worker/survey-sw.ts) may keep on the device. Plain
// module: proxy.ts, the worker and the page import it.
//
// The worker serves only /s/… (its scope) and keeps only what a respondent's phone needs to open
// the questionnaire without a connection: the survey page itself and the build's static files.
// A page may hold personal data when it was rendered for a signed-in user (the header shows their
// name), so the proxy marks the survey pages it rendered for a visitor without a session, and the
// worker keeps a page only with that mark. Nothing else — the submit route, the API, any other
// page — is ever cached by it.

/** The response header proxy.ts puts on a survey page rendered for a visitor without a session. */
export const DEVICE_CACHE_HEADER = 'x-agora-device-cache';
export const DEVICE_CACHE_VALUE = 'survey-page';

/** Where the survey form's script is served from, content-hashed (scripts/build-survey-client.ts). */
export const FORM_SCRIPT_PATH = '/survey-client';

/** The worker's address (public/sw.js, built by `serwist build`) and the part of the site it serves. */
export const WORKER_URL = '/sw.js';
export const WORKER_SCOPE = '/s/';

const SURVEY_PAGE = /^\/s\/[a-z0-9]+(?:-[a-z0-9]+)*\/?$/;

/** The public questionnaire's own page (/s/<slug>), not its submit route or anything below it. */
export function isSurveyPagePath(pathname: string): boolean {
  return SURVEY_PAGE.test(pathname);
}

/** The build's content-hashed files (scripts, styles, fonts; the form's script): the same URL never changes. */
export function isBuildAsset(pathname: string): boolean {
  return pathname.startsWith('/_next/static/') || pathname.startsWith(`${FORM_SCRIPT_PATH}/`);
}
