import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, openBrowser, signInAs } from './fixtures';

// The whole life of a survey: a coordinator builds it (with a condition and a ranking; an invalid
// ranking is refused at the field), publishes it; a resident fills it on a phone, sees validation
// errors, submits, and a retried submission stays one response; an operator types in a paper form;
// the coordinator exports CSV. Then an invitation-code survey accepts each code once. The survey
// covers two communes (the picker requires one at least), and one question has an English text
// that a visitor reading in English sees, the rest falling back to Polish.

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const slug = `autobusy-${stamp}`;
const inviteSlug = `zaproszenia-${stamp}`;
const title = `Autobusy w gminie ${stamp}`;
let surveyUrl = '';

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'pl-PL' });
  return context.newPage();
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function question(page: Page, n: number) {
  return page.getByRole('group', { name: new RegExp(`^Pytanie ${n} ·`) });
}

test('a coordinator builds a survey with a condition and a ranking, and publishes it', async ({ page }) => {
  // A long journey (a whole survey typed in, four axe scans): more time than one page's test.
  test.slow();
  await signInAs(page, demo.coordinator);
  await page.goto('/surveys/manage');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nowa ankieta' }).click();
  // The templates gallery: the diagnosis questionnaire first, then a blank survey.
  await expect(page.getByRole('heading', { level: 1, name: 'Nowa ankieta' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Szablony ankiet' }).getByRole('heading', { level: 2 })).toHaveText(['Diagnoza potrzeb mieszkańców', 'Pusta ankieta']);
  await page.getByRole('link', { name: 'Użyj szablonu „Pusta ankieta”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nowa ankieta: Pusta ankieta' })).toBeVisible();

  await page.getByLabel('Tytuł (po polsku)').fill(title);
  await page.getByLabel('Adres ankiety').fill(slug);

  const q1 = question(page, 1);
  await q1.getByLabel('Treść pytania (po polsku)').fill('Czy korzystasz z autobusu?');
  // English texts are hidden until asked for, then sit beside the Polish ones.
  await expect(q1.getByLabel('Treść pytania (po angielsku)')).toHaveCount(0);
  await page.getByLabel('Pokaż i edytuj teksty po angielsku').check();
  await q1.getByLabel('Treść pytania (po angielsku)').fill('Do you use the bus?');
  await q1.getByLabel('Odpowiedź wymagana').check();
  await q1.getByLabel('Pozycja 1 (po polsku)').fill('Tak');
  await q1.getByLabel('Wartość 1').fill('yes');
  await q1.getByLabel('Pozycja 2 (po polsku)').fill('Nie');
  await q1.getByLabel('Wartość 2').fill('no');

  await page.getByLabel('Rodzaj nowego pytania').selectOption({ label: 'Skala ocen 1–5' });
  await page.getByRole('button', { name: 'Dodaj pytanie' }).click();
  const q2 = question(page, 2);
  await q2.getByLabel('Treść pytania (po polsku)').fill('Jak oceniasz autobusy?');
  await q2.getByLabel('Odpowiedź wymagana').check();
  await q2.getByLabel('Dziedzina').selectOption({ label: 'Komunikacja i transport' });
  await q2.getByRole('button', { name: 'Dodaj warunek' }).click();
  await q2.getByLabel('Pokaż, gdy pytanie').selectOption({ index: 1 });
  await q2.getByLabel('ma odpowiedź').selectOption('yes');

  await page.getByLabel('Rodzaj nowego pytania').selectOption({ label: 'Ranking priorytetów' });
  await page.getByRole('button', { name: 'Dodaj pytanie' }).click();
  const q3 = question(page, 3);
  await q3.getByLabel('Treść pytania (po polsku)').fill('Co poprawić najpierw?');
  await q3.getByLabel('Odpowiedź wymagana').check();
  await q3.getByLabel('Pozycja 1 (po polsku)').fill('Częstotliwość');
  await q3.getByLabel('Pozycja 2 (po polsku)').fill('Przystanki');
  // A ranking of one item is refused, at the field.
  await q3.getByRole('button', { name: 'Usuń – pozycja 2' }).click();
  await page.getByRole('button', { name: 'Zapisz ankietę' }).click();
  await expect(q3.getByText('Ranking musi mieć co najmniej dwie pozycje.')).toBeVisible();
  // No commune ticked: refused at the picker too.
  const communes = page.getByRole('group', { name: 'Gminy objęte ankietą' });
  await expect(communes.getByText('Zaznacz co najmniej jedną gminę, której dotyczy ankieta.')).toBeVisible();
  await expectAccessible(page);
  await communes.getByLabel('Krempna').check();
  await communes.getByLabel('Tarnowiec').check();
  await expect(communes.getByText('Zaznacz co najmniej jedną gminę, której dotyczy ankieta.')).toHaveCount(0);
  await q3.getByRole('button', { name: 'Dodaj pozycję' }).click();
  await q3.getByLabel('Pozycja 2 (po polsku)').fill('Przystanki');
  await q3.getByRole('button', { name: 'Dodaj pozycję' }).click();
  await q3.getByLabel('Pozycja 3 (po polsku)').fill('Kursy wieczorne');

  await page.getByRole('button', { name: 'Zapisz ankietę' }).click();
  await expect(page).toHaveURL(/\/surveys\/manage\/[0-9a-f-]{36}$/);
  surveyUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: 'Autobusy w gminie' })).toBeVisible();
  await expect(page.getByText('Krempna, Tarnowiec', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(page.getByRole('button', { name: 'Zamknij' })).toBeVisible();
  await expect(page.getByText('otwarta', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('a resident fills it on a phone: errors, condition, review; a retried submit stores one response', async ({ browser }) => {
  const page = await phone(browser);
  await page.goto('/surveys');
  await page.getByRole('link', { name: `Wypełnij ankietę: ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Autobusy w gminie' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Informacja o przetwarzaniu danych (RODO)' })).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);

  // Consent first: "next" without it is refused with an error linked to the checkbox.
  await page.getByRole('button', { name: 'Dalej' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Do poprawy: 1 pole' });
  await expect(summary).toBeVisible();
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę')).toBeFocused();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Dalej' }).click();

  // The section: required answer missing → error at the field; the conditional question appears.
  await expect(page.getByText('Krok 2 z 4')).toBeVisible();
  await expect(page.getByRole('group', { name: /Jak oceniasz autobusy/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByRole('group', { name: /Czy korzystasz z autobusu/ }).getByText('To pole jest wymagane.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Tak', { exact: true }).check();
  await page.getByLabel('4 – 4').check();
  await page.getByLabel('Miejsce 1.').selectOption({ label: 'Przystanki' });
  await page.getByLabel('Miejsce 2.').selectOption({ label: 'Częstotliwość' });
  await noSidewaysScroll(page);

  // Answers survive a reload: the phone offers to continue where the resident left off.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Masz niedokończoną ankietę' })).toBeVisible();
  await page.getByRole('button', { name: 'Kontynuuj' }).click();
  await expect(page.getByLabel('Tak', { exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Dalej' }).click();

  // Only the communes the survey covers are offered.
  const communeOptions = (await page.getByLabel('Gmina, w której mieszkasz').locator('option').allTextContents()).filter((o) => !o.startsWith('—'));
  expect(communeOptions).toEqual(['Krempna', 'Tarnowiec']);
  await page.getByLabel('Gmina, w której mieszkasz').selectOption({ label: 'Krempna' });
  await page.getByLabel('Wiek').selectOption({ label: '60–74 lata' });
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByRole('heading', { name: 'Sprawdź odpowiedzi' })).toBeVisible();
  await expect(page.getByText('1. Przystanki, 2. Częstotliwość')).toBeVisible();
  await expectAccessible(page);

  // The first attempt reaches the server, but the answer is lost on the way back (a dropped
  // connection): the questionnaire waits on the phone; sending it again stores nothing new.
  let dropped = false;
  await page.route('**/submit', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('connectionfailed');
  });
  await page.getByRole('button', { name: 'Wyślij ankietę' }).click();
  await expect(page.getByRole('heading', { name: 'Zapisano na tym telefonie' })).toBeVisible();
  await page.getByRole('button', { name: 'Wyślij teraz' }).click();
  await expect(page.getByRole('heading', { name: 'Dziękujemy!' })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test('a visitor reading in English sees the English text, and Polish where none was given', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  const page = await context.newPage();
  await page.goto(`/s/${slug}`);
  await page.getByLabel('I have read the notice and want to fill in the survey').check();
  await page.getByRole('button', { name: 'Next' }).click();
  const q1 = page.getByRole('group', { name: /Do you use the bus\?/ });
  await expect(q1).toBeVisible();
  await expect(page.getByText('Czy korzystasz z autobusu?')).toHaveCount(0);
  await expect(q1.getByLabel('Tak', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test('the coordinator previews it: the same steps and checks, and nothing is sent', async ({ page }) => {
  await signInAs(page, demo.coordinator);
  await page.goto(`${surveyUrl}/preview`);
  await expect(page.getByRole('heading', { name: 'Informacja o przetwarzaniu danych (RODO)' })).toBeVisible();
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Do poprawy: 1 pole' })).toBeVisible();
  await page.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę').check();
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByText('Krok 2 z 4')).toBeVisible();
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByRole('group', { name: /Czy korzystasz z autobusu/ }).getByText('To pole jest wymagane.')).toBeVisible();
  await page.getByLabel('Tak', { exact: true }).check();
  await page.getByLabel('4 – 4').check();
  await page.getByLabel('Miejsce 1.').selectOption({ label: 'Przystanki' });
  await page.getByRole('button', { name: 'Dalej' }).click();
  // The ranking's own rule, as the resident meets it: both places are wanted.
  await expect(page.getByText('Uszereguj wymaganą liczbę pozycji.').first()).toBeVisible();
  await page.getByLabel('Miejsce 2.').selectOption({ label: 'Częstotliwość' });
  await page.getByRole('button', { name: 'Dalej' }).click();
  await page.getByLabel('Gmina, w której mieszkasz').selectOption({ label: 'Tarnowiec' });
  await page.getByRole('button', { name: 'Dalej' }).click();
  await expect(page.getByRole('heading', { name: 'Sprawdź odpowiedzi' })).toBeVisible();
  await expect(page.getByText('1. Przystanki, 2. Częstotliwość')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Wyślij (podgląd – nic nie zostanie zapisane)' }).click();
  await expect(page.getByText('To jest podgląd: odpowiedzi nie zostały wysłane ani zapisane.')).toBeVisible();
  // The next test counts the responses: still only the resident's.
});

test('the survey has exactly one response; an operator enters a paper form', async ({ page, browser }) => {
  await signInAs(page, demo.coordinator);
  await page.goto(surveyUrl);
  await expect(page.getByTestId('response-count')).toHaveText('1');

  const operator = await openBrowser(browser);
  await signInAs(operator, demo.operator);
  await operator.goto(surveyUrl);
  await operator.getByRole('link', { name: 'Wprowadź formularze papierowe' }).click();
  await expect(operator.getByText('Wprowadzono formularzy: 0.')).toBeVisible();
  await expectAccessible(operator);
  // Keyboard first: type-ahead in the selects, Enter to the next field.
  const first = operator.getByRole('combobox', { name: 'Czy korzystasz z autobusu?' });
  await first.focus();
  await first.selectOption({ label: 'Tak' });
  await first.press('Enter');
  await expect(operator.getByRole('combobox', { name: 'Jak oceniasz autobusy?' })).toBeFocused();
  await operator.getByRole('combobox', { name: 'Jak oceniasz autobusy?' }).selectOption({ label: '2 – 2' });
  await operator.getByLabel('Miejsce 1.').selectOption({ label: 'Kursy wieczorne' });
  await operator.getByLabel('Miejsce 2.').selectOption({ label: 'Przystanki' });
  await operator.getByLabel('Gmina, w której mieszkasz').selectOption({ label: 'Tarnowiec' });
  await operator.getByRole('button', { name: 'Zapisz formularz i wprowadź następny' }).click();
  await expect(operator.getByText('Wprowadzono formularzy: 1.')).toBeVisible();
  await expect(operator.getByRole('combobox', { name: 'Czy korzystasz z autobusu?' })).toHaveValue('');
  await operator.context().close();

  await page.reload();
  await expect(page.getByTestId('response-count')).toHaveText('2');
  await expect(page.getByText('(internet: 1, papier: 1)')).toBeVisible();

  // Answered: the questions are frozen, but an English translation can still be fixed.
  await page.getByRole('link', { name: 'Popraw tłumaczenia' }).click();
  await expect(page.getByLabel('„Czy korzystasz z autobusu?” po angielsku')).toHaveValue('Do you use the bus?');
  await expect(page.getByLabel('Treść pytania (po polsku)')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('„Tak” po angielsku').fill('Yes');
  await page.getByRole('button', { name: 'Zapisz tłumaczenia' }).click();
  await expect(page).toHaveURL(new RegExp(`${surveyUrl}$`));
  await expect(page.getByTestId('response-count')).toHaveText('2');
});

test('the coordinator exports CSV with a BOM, one row per response, and its codebook', async ({ page }) => {
  await signInAs(page, demo.coordinator);
  const id = surveyUrl.split('/').pop();
  const csv = await page.request.get(`/surveys/manage/${id}/export?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.body());
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(3);
  // The default is what a Polish Excel opens with a double click: ';' between fields.
  expect(lines[0]).toMatch(/^response_id;submitted_at;channel;commune_id;commune;/);
  const rows = lines.slice(1).join('\n');
  expect(rows).toContain(';online;');
  expect(rows).toContain(';paper;');
  expect(rows).toContain('Krempna');
  expect(rows).toContain('Tarnowiec');
  const plain = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await page.request.get(`/surveys/manage/${id}/export?format=csv&dialect=plain`)).body());
  expect(plain.charCodeAt(0)).toBe(0xfeff);
  expect(plain.slice(1)).toMatch(/^response_id,submitted_at,channel,commune_id,commune,/);
  const codebook = await page.request.get(`/surveys/manage/${id}/export?format=codebook`);
  expect(await codebook.text()).toContain('Jak oceniasz autobusy?');
  const json = await page.request.get(`/surveys/manage/${id}/export?format=json`);
  expect(((await json.json()) as { responses: unknown[] }).responses).toHaveLength(2);

  // Residents and members cannot export.
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(`/surveys/manage/${id}/export?format=csv`)).status()).toBe(401);
  await anonymous.close();
});

test('an invitation code works once: the second use is refused', async ({ page, browser }) => {
  await signInAs(page, demo.coordinator);
  await page.goto('/surveys/manage/new?template=blank');
  await page.getByLabel('Tytuł (po polsku)').fill('Ankieta dla sołtysów');
  await page.getByLabel('Adres ankiety').fill(inviteSlug);
  await page.getByLabel('Dostęp').selectOption('invitation');
  await page.getByRole('group', { name: 'Gminy objęte ankietą' }).getByLabel('Wszystkie gminy').check();
  const q1 = question(page, 1);
  await q1.getByLabel('Treść pytania (po polsku)').fill('Czy świetlica jest otwarta?');
  await q1.getByLabel('Odpowiedź wymagana').check();
  await q1.getByLabel('Pozycja 1 (po polsku)').fill('Tak');
  await q1.getByLabel('Pozycja 2 (po polsku)').fill('Nie');
  await page.getByRole('button', { name: 'Zapisz ankietę' }).click();
  await expect(page).toHaveURL(/\/surveys\/manage\/[0-9a-f-]{36}$/);

  await page.getByLabel('Liczba kodów').fill('2');
  await page.getByRole('button', { name: 'Wygeneruj kody' }).click();
  await expect(page.getByText('Wygenerowano kody: 2 (partia 1).')).toBeVisible();
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(page.getByRole('button', { name: 'Zamknij' })).toBeVisible();
  await page.getByRole('link', { name: 'Arkusz kodów – partia 1' }).click();
  await expectAccessible(page);
  const code = (await page.locator('.font-mono').first().textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  async function fillWithCode(): Promise<Page> {
    const resident = await phone(browser);
    await resident.goto(`/s/${inviteSlug}`);
    await resident.getByLabel('Kod zaproszenia').fill(code.toLowerCase());
    await resident.getByLabel('Zapoznałem(-am) się z informacją i chcę wypełnić ankietę').check();
    await resident.getByRole('button', { name: 'Dalej' }).click();
    await resident.getByLabel('Tak', { exact: true }).check();
    await resident.getByRole('button', { name: 'Dalej' }).click();
    await resident.getByLabel('Gmina, w której mieszkasz').selectOption({ label: 'Dębowiec' });
    await resident.getByRole('button', { name: 'Dalej' }).click();
    await resident.getByRole('button', { name: 'Wyślij ankietę' }).click();
    return resident;
  }
  const first = await fillWithCode();
  await expect(first.getByRole('heading', { name: 'Dziękujemy!' })).toBeVisible();
  await first.context().close();
  const second = await fillWithCode();
  await expect(second.getByRole('alert').filter({ hasText: 'Ten kod jest nieprawidłowy albo został już wykorzystany' })).toBeVisible();
  await expect(second.getByLabel('Kod zaproszenia')).toBeVisible();
  await expectAccessible(second);
  await second.context().close();
});
