import { expect, test, type Browser, type BrowserContext, type Page, type Route, type TestInfo } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, signInAs } from './fixtures';

// A resident on a rural phone (390×844) whose signal comes and goes: the survey page, opened once,
// is kept by its service worker; the signal is cut in the middle of the questionnaire, the page is
// reloaded without it and offers to continue; the questionnaire is completed offline, shown as
// saved on the phone, sent by itself when the signal returns and stored once; a second visit is
// told at once that it was received. And "start again" really forgets the answers.

// Playwright's offline mode covers pages but not a service worker's own requests; with the
// worker's network events on, those are cut by a route below (Playwright issue #2311). Read when
// the browser attaches to the worker, after this file is loaded.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const slug = `zasieg-${stamp}`;
const title = `Zasięg na wsi ${stamp}`;
let surveyUrl = '';

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'pl-PL', serviceWorkers: 'allow' });
  return context.newPage();
}

const workerOffline = (route: Route) => (route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback());

async function cutNetwork(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**', workerOffline);
}

async function restoreNetwork(context: BrowserContext) {
  await context.unroute('**', workerOffline);
  await context.setOffline(false);
}

/** What this survey keeps in the phone's localStorage, by key. */
async function deviceCopy(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('agora-survey')).map((k) => [k, localStorage.getItem(k)!])));
}

/** A full-page screenshot at 390 px, kept with the test's results. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('a coordinator publishes a one-question survey', async ({ page }) => {
  await signInAs(page, demo.coordinator);
  await page.goto('/surveys/manage');
  await page.getByRole('link', { name: 'Nowa ankieta' }).click();
  await page.getByRole('link', { name: 'Użyj szablonu „Pusta ankieta”' }).click();
  await page.getByLabel('Tytuł (po polsku)').fill(title);
  await page.getByLabel('Adres ankiety').fill(slug);
  const q1 = page.getByRole('group', { name: /^Pytanie 1 ·/ });
  await q1.getByLabel('Treść pytania (po polsku)').fill('Czy masz zasięg w domu?');
  await q1.getByLabel('Odpowiedź wymagana').check();
  await q1.getByLabel('Pozycja 1 (po polsku)').fill('Tak');
  await q1.getByLabel('Wartość 1').fill('yes');
  await q1.getByLabel('Pozycja 2 (po polsku)').fill('Nie');
  await q1.getByLabel('Wartość 2').fill('no');
  await page.getByRole('group', { name: 'Gminy objęte ankietą' }).getByLabel('Krempna').check();
  await page.getByRole('button', { name: 'Zapisz ankietę' }).click();
  await expect(page).toHaveURL(/\/surveys\/manage\/[0-9a-f-]{36}$/);
  surveyUrl = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(page.getByRole('button', { name: 'Zamknij' })).toBeVisible();
});

test('the network is cut mid-survey: it resumes after a reload, is completed offline, sent when the network returns, stored once', async ({ browser }, testInfo) => {
  test.slow();
  const page = await phone(browser);
  const context = page.context();
  await page.goto(`/s/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The information clause says what stays on the phone, and nothing is kept before consent.
  await expect(page.getByText('Od chwili wyrażenia zgody Twoje odpowiedzi są zapisywane na tym urządzeniu')).toBeVisible();
  await expect(page.getByText('Odpowiedzi zaczniemy zapisywać na tym telefonie, gdy wyrazisz zgodę.')).toBeVisible();
  expect(await deviceCopy(page)).toEqual({});

  // The page and the files it loaded are kept by the survey's worker (and nothing else is).
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('agora-survey-pages')).keys()).map((r) => new URL(r.url).pathname)), { timeout: 30_000 })
    .toEqual([`/s/${slug}`]);
  // The form's script, the chunks it imports and the page's styles.
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="modulepreload"], link[rel="stylesheet"]')].map((e) => new URL('src' in e ? e.src : e.href).pathname),
  );
  expect(scripts.filter((s) => s.startsWith('/survey-client/')).length).toBeGreaterThan(1);
  await expect
    .poll(async () => {
      const kept = await page.evaluate(async () => (await (await caches.open('agora-survey-assets')).keys()).map((r) => new URL(r.url).pathname));
      return scripts.filter((s) => !kept.includes(s));
    }, { timeout: 30_000 })
    .toEqual([]);

  await page.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę').check();
  await expect(page.getByText(/^Zapisano na tym telefonie/)).toBeVisible();
  await page.getByRole('button', { name: 'Dalej' }).click();
  await page.getByLabel('Tak', { exact: true }).check();
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByRole('heading', { name: 'O Tobie' })).toBeVisible();

  // The signal goes. The phone says so, and a reload still opens the questionnaire (the copy the
  // worker kept: its scripts carry that copy's nonce, not a new one) and offers to continue where
  // the resident left off.
  const keptNonce = await page.evaluate(async () => (await caches.match(location.pathname))?.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1]);
  expect(keptNonce).toBeTruthy();
  await cutNetwork(context);
  await expect(page.getByText('Brak połączenia z internetem. Możesz wypełniać dalej')).toBeVisible();
  await shot(page, testInfo, 'offline-filling');
  await page.reload();
  expect(await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce)).toBe(keptNonce);
  await expect(page.getByRole('heading', { name: 'Masz niedokończoną ankietę' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zacznij od nowa' })).toBeVisible();
  await shot(page, testInfo, 'offline-resume-offer');
  await page.getByRole('button', { name: 'Kontynuuj' }).click();
  await expect(page.getByRole('heading', { name: 'O Tobie' })).toBeVisible();
  // A questionnaire never opened on this phone cannot open offline: the worker says so plainly.
  const other = await context.newPage();
  await other.goto(`/s/inna-${stamp}`);
  await expect(other.getByRole('heading', { name: 'Brak połączenia z internetem' }).first()).toBeVisible();
  await shot(other, testInfo, 'offline-never-kept');
  await other.close();
  await page.getByRole('button', { name: 'Wstecz' }).click();
  await expect(page.getByLabel('Tak', { exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Dalej' }).click();

  // Completed without signal: kept on the phone, waiting.
  await page.getByLabel('Gmina, w której mieszkasz').selectOption({ label: 'Krempna' });
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByRole('heading', { name: 'Sprawdź odpowiedzi' })).toBeVisible();
  await page.getByRole('button', { name: 'Wyślij ankietę' }).click();
  await expect(page.getByRole('heading', { name: 'Zapisano na tym telefonie' })).toBeFocused();
  await expect(page.getByText('Wyślemy ją sami, gdy połączenie wróci')).toBeVisible();
  await shot(page, testInfo, 'offline-saved-on-phone');
  await expectAccessible(page);
  const waiting = await deviceCopy(page);
  expect(Object.keys(waiting)).toContain(`agora-survey:outbox:${slug}`);
  // A reload without signal: still waiting, not a second questionnaire. The page tries to send it
  // at once; that try is held here until the signal is back, then fails as it would have: the
  // signal returning in the middle of a failing try must still send it at once (not at the next
  // timer, 30 s later).
  let failHeldTry!: () => void;
  const signalBack = new Promise<void>((resolve) => (failHeldTry = resolve));
  let heldTries = 0;
  await page.route(`**/s/${slug}/submit`, async (route) => {
    heldTries++;
    await signalBack;
    await route.abort('internetdisconnected');
  }, { times: 1 });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Zapisano na tym telefonie' })).toBeVisible();
  await expect.poll(() => heldTries).toBe(1);

  // The signal returns: it goes by itself, and its answers leave the phone.
  await restoreNetwork(context);
  failHeldTry();
  await expect(page.getByRole('heading', { name: 'Wysłano. Dziękujemy!' })).toBeVisible();
  await shot(page, testInfo, 'offline-sent');
  await expectAccessible(page);
  const left = await deviceCopy(page);
  expect(Object.keys(left)).toEqual([`agora-survey:sent:${slug}`]);
  expect(left[`agora-survey:sent:${slug}`]).not.toContain('yes');

  // Coming back later: told at once that it was received (by the server, from the browser's
  // cookie; or by the phone's receipt), no form to fill again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Twoja ankieta została przyjęta' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wyślij ankietę' })).toHaveCount(0);
  await shot(page, testInfo, 'offline-returning');
  await context.close();
});

test('the survey holds exactly one response', async ({ page }) => {
  await signInAs(page, demo.coordinator);
  await page.goto(surveyUrl);
  await expect(page.getByTestId('response-count')).toHaveText('1');
});

test('"start again" forgets the answers kept on the phone', async ({ browser }) => {
  const page = await phone(browser);
  await page.goto(`/s/${slug}`);
  await page.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę').check();
  await page.getByRole('button', { name: 'Dalej' }).click();
  await page.getByLabel('Nie', { exact: true }).check();
  await page.reload();
  await page.getByRole('button', { name: 'Zacznij od nowa' }).click();
  await expect(page.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę')).not.toBeChecked();
  expect(await deviceCopy(page)).toEqual({});
  await page.context().close();
});
