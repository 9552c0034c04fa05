import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, signInAs } from './fixtures';

// The resident's questionnaire on a 390×844 phone. A coordinator publishes a copy of the diagnosis
// questionnaire (its own address, so the demo survey's results stay as they are); a resident
// completes it with JavaScript turned off — every step a form posted to the server — and it is
// stored once; coming back, they are told at once. With JavaScript: "at most 3" stops at 3 while
// ticking, the review shows the chosen labels with "change" links, and a second visit is told
// at once too. Screenshots of every step are kept with the test's results. The page brings no
// script but its form's own (it is served outside the App Router: pages/[site]/s/[slug].tsx).

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const slug = `diagnoza-telefon-${stamp}`;
let officeUrl = '';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'pl-PL' };
const TOTAL = 10;

async function phone(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
  return context.newPage();
}

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

async function atStep(page: Page, n: number) {
  await expect(page.getByText(`Krok ${n} z ${TOTAL}`)).toBeVisible();
}

/** Answers an area's step: every service rated 4, the area "very important". */
async function answerArea(page: Page) {
  const services = page.getByRole('group', { name: /^Jak oceniasz w swojej gminie/ });
  for (const row of await services.getByRole('group').all()) await row.getByLabel('4 – Dobrze').check();
  await page.getByRole('group', { name: /^Jak ważna jest dla Ciebie/ }).getByLabel('5 – Bardzo ważne').check();
}

/** Ranking and profile: the last two steps before the review. */
async function answerPrioritiesAndProfile(page: Page, first: number) {
  await atStep(page, first);
  await page.getByLabel('Miejsce 1.').selectOption({ label: 'Zdrowie' });
  await page.getByLabel('Miejsce 2.').selectOption({ label: 'Komunikacja i transport' });
  await page.getByLabel('Miejsce 3.').selectOption({ label: 'Edukacja' });
  await page.getByRole('button', { name: 'Dalej' }).click();
  await atStep(page, first + 1);
  await page.getByLabel('Gmina, w której mieszkasz').selectOption({ label: 'Krempna' });
  await page.getByRole('button', { name: 'Dalej' }).click();
  await atStep(page, TOTAL);
}

async function responseCount(page: Page) {
  await page.goto(officeUrl);
  return page.getByTestId('response-count');
}

test('a coordinator publishes the diagnosis questionnaire at its own address', async ({ page }) => {
  await signInAs(page, demo.coordinator);
  await page.goto('/surveys/manage/new?template=diagnosis');
  // The builder fills its address from the template; typed before it is ready, ours may be appended.
  const address = page.getByLabel('Adres ankiety');
  await expect(address).toHaveValue(/^diagnoza-potrzeb/);
  await expect(async () => {
    await address.fill(slug);
    await expect(address).toHaveValue(slug, { timeout: 1000 });
  }).toPass();
  await page.getByRole('button', { name: 'Zapisz ankietę' }).click();
  await expect(page).toHaveURL(/\/surveys\/manage\/[0-9a-f-]{36}$/);
  officeUrl = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(page.getByRole('button', { name: 'Zamknij' })).toBeVisible();
});

test('without JavaScript: every step posted to the server, errors at the field, stored once, told on return', async ({ browser, page }, info) => {
  test.slow();
  const resident = await phone(browser, false);
  await resident.goto(`/s/${slug}`);
  // The first step is in the page as the server sent it; no "loading" shell.
  await expect(resident.getByRole('heading', { level: 2, name: 'Zanim zaczniesz' })).toBeVisible();
  await expect(resident.getByText('Wczytywanie ankiety')).toHaveCount(0);
  await shot(resident, info, 'step-01');

  // "Next" without consent: the server answers with the error at the checkbox.
  await resident.getByRole('button', { name: 'Dalej' }).click();
  await expect(resident.getByRole('alert').filter({ hasText: 'Do poprawy: 1 pole' })).toBeVisible();
  await resident.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę').check();
  await resident.getByRole('button', { name: 'Dalej' }).click();

  // Education: required answers missing → errors at their questions, the answers given kept.
  await atStep(resident, 2);
  // After the first step the long introduction is gone: the step's heading is in the first screen.
  await expect(resident.getByText('Ankieta zajmie około 10 minut')).toHaveCount(0);
  await expect(resident.getByRole('heading', { level: 2, name: 'Edukacja' })).toBeInViewport();
  await resident.getByRole('group', { name: /^Jak ważna jest dla Ciebie/ }).getByLabel('3 – Średnio ważne').check();
  await resident.getByRole('button', { name: 'Dalej' }).click();
  await expect(resident.getByRole('alert').filter({ hasText: 'Do poprawy: 1 pole' })).toBeVisible();
  await expect(resident.getByRole('group', { name: /^Jak ważna jest dla Ciebie/ }).getByLabel('3 – Średnio ważne')).toBeChecked();
  // A "yes" shows a question of the same step: the server stays on the step to ask it.
  await answerArea(resident);
  await resident.getByRole('group', { name: /^Czy w Twoim gospodarstwie domowym są dzieci/ }).getByLabel('Tak', { exact: true }).check();
  await resident.getByRole('button', { name: 'Dalej' }).click();
  await atStep(resident, 2);
  const school = resident.getByRole('group', { name: /^Jak oceniasz szkołę lub przedszkole/ });
  await school.getByLabel('2 – Źle').check();
  const improve = resident.getByRole('group', { name: /^Co tu najbardziej wymaga poprawy/ });
  await improve.getByLabel('Więcej miejsc w przedszkolach').check();
  await improve.getByLabel('Lepszy dowóz do szkół').check();
  await shot(resident, info, 'step-02');
  await resident.getByRole('button', { name: 'Dalej' }).click();

  for (let step = 3; step <= 7; step++) {
    await atStep(resident, step);
    await answerArea(resident);
    await shot(resident, info, `step-${String(step).padStart(2, '0')}`);
    await resident.getByRole('button', { name: 'Dalej' }).click();
  }
  await answerPrioritiesAndProfile(resident, 8);

  // The review names what was chosen, not bare numbers.
  await expect(resident.getByRole('heading', { name: 'Sprawdź odpowiedzi' })).toBeVisible();
  await expect(resident.getByText('Więcej miejsc w przedszkolach, Lepszy dowóz do szkół')).toBeVisible();
  await expect(resident.getByText(/Dostępność miejsc w przedszkolach i żłobkach: 4 – Dobrze/)).toBeVisible();
  await expect(resident.getByText('1. Zdrowie, 2. Komunikacja i transport, 3. Edukacja')).toBeVisible();
  await shot(resident, info, 'step-10');
  // "Change" goes back to the step, answers kept.
  await resident.getByRole('button', { name: 'Zmień odpowiedzi w części: Zdrowie' }).click();
  await atStep(resident, 3);
  await expect(resident.getByRole('group', { name: /^Jak ważna jest dla Ciebie/ }).getByLabel('5 – Bardzo ważne')).toBeChecked();
  for (let step = 3; step < TOTAL; step++) await resident.getByRole('button', { name: 'Dalej' }).click().then(() => atStep(resident, step + 1));

  // Sent: the page the server answers with is the one a returning browser sees.
  await resident.getByRole('button', { name: 'Wyślij ankietę' }).click();
  await expect(resident.getByRole('heading', { name: 'Twoja ankieta została przyjęta' })).toBeVisible();
  await shot(resident, info, 'sent');

  // Back on the page: told at once, no form to fill again.
  await resident.goto(`/s/${slug}`);
  await expect(resident.getByRole('heading', { name: 'Twoja ankieta została przyjęta' })).toBeVisible();
  await expect(resident.getByRole('button', { name: 'Dalej' })).toHaveCount(0);
  await shot(resident, info, 'returning');
  await resident.context().close();

  await signInAs(page, demo.coordinator);
  await expect(await responseCount(page)).toHaveText('1');
});

test('with JavaScript: limits while ticking, labels in the review, focus on each step, told on return', async ({ browser, page }, info) => {
  test.slow();
  const resident = await phone(browser);
  await resident.goto(`/s/${slug}`);
  await expectAccessible(resident);
  await resident.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę').check();
  await resident.getByRole('button', { name: 'Dalej' }).click();
  await atStep(resident, 2);
  // Each step starts at its heading, focused.
  await expect(resident.getByRole('heading', { level: 2, name: 'Edukacja' })).toBeFocused();

  // "At most 3": the fourth waits, disabled, until one is unticked.
  const improve = resident.getByRole('group', { name: /^Co tu najbardziej wymaga poprawy/ });
  await improve.getByLabel('Więcej miejsc w przedszkolach').check();
  await improve.getByLabel('Lepszy dowóz do szkół').check();
  await expect(improve.getByText('Wybrano 2 z 3.')).toBeVisible();
  await improve.getByLabel('Więcej zajęć dodatkowych').check();
  await expect(improve.getByText('Wybrano 3 z 3.')).toBeVisible();
  await expect(improve.getByLabel('Kursy dla dorosłych i seniorów')).toBeDisabled();
  await improve.getByLabel('Lepszy dowóz do szkół').uncheck();
  await expect(improve.getByLabel('Kursy dla dorosłych i seniorów')).toBeEnabled();
  await improve.getByLabel('Kursy dla dorosłych i seniorów').check();
  await answerArea(resident);
  await expectAccessible(resident);
  await shot(resident, info, 'js-step-02');
  // The rating grid is compact: one short row per service.
  const grid = await resident.getByRole('group', { name: /^Jak oceniasz w swojej gminie/ }).boundingBox();
  expect(grid!.height).toBeLessThan(900);
  await resident.getByRole('button', { name: 'Dalej' }).click();

  for (let step = 3; step <= 7; step++) {
    await atStep(resident, step);
    await answerArea(resident);
    await resident.getByRole('button', { name: 'Dalej' }).click();
  }
  await answerPrioritiesAndProfile(resident, 8);
  await expect(resident.getByText('Więcej miejsc w przedszkolach, Więcej zajęć dodatkowych, Kursy dla dorosłych i seniorów')).toBeVisible();
  await expect(resident.getByText(/Jak ważna jest dla Ciebie ta dziedzina: edukacja\?/)).toBeVisible();
  await expect(resident.getByText('5 – Bardzo ważne').first()).toBeVisible();
  await expectAccessible(resident);
  await resident.getByRole('button', { name: 'Zmień odpowiedzi w części: Komunikacja i transport' }).click();
  await atStep(resident, 4);
  await expect(resident.getByRole('heading', { level: 2, name: 'Komunikacja i transport' })).toBeFocused();
  for (let step = 4; step < TOTAL; step++) await resident.getByRole('button', { name: 'Dalej' }).click().then(() => atStep(resident, step + 1));
  await resident.getByRole('button', { name: 'Wyślij ankietę' }).click();
  await expect(resident.getByRole('heading', { name: 'Dziękujemy!' })).toBeFocused();

  await resident.reload();
  await expect(resident.getByRole('heading', { name: 'Twoja ankieta została przyjęta' })).toBeVisible();
  await expectAccessible(resident);
  await resident.context().close();

  await signInAs(page, demo.coordinator);
  await expect(await responseCount(page)).toHaveText('2');
});

test("the questionnaire brings only its form's script, refuses steps from other sites, and an unknown one is not found", async ({ browser, request }) => {
  const resident = await phone(browser);
  const scripts: string[] = [];
  resident.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await resident.goto(`/s/${slug}`);
  await resident.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę').check();
  await resident.getByRole('button', { name: 'Dalej' }).click();
  await atStep(resident, 2);
  // None of the framework's scripts: the page is served outside the App Router (pages/).
  expect(scripts.some((s) => s.startsWith('/survey-client/fill-'))).toBe(true);
  expect(scripts.filter((s) => !s.startsWith('/survey-client/'))).toEqual([]);

  // A step posted from another site is refused, at the page and at its data route alike.
  const foreign = { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
  expect((await request.post(`/s/${slug}`, { headers: foreign, data: 'intent=next' })).status()).toBe(403);
  expect((await request.post(`/api/survey-page/${slug}`, { headers: foreign, data: 'intent=next' })).status()).toBe(403);

  const missing = await resident.goto('/s/nie-ma-takiej-ankiety');
  expect(missing?.status()).toBe(404);
  await expect(resident.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' })).toBeVisible();
  await expect(resident.getByRole('link', { name: 'Wróć na stronę główną' })).toBeVisible();
  await resident.context().close();
});
