import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, signInAs } from './fixtures';

// The dashboards on the seeded demo: the public results page, every view by keyboard with its
// data table and CSV, the analysts' filters, and a commune report printed to an A4 PDF.

const SLUG = 'diagnoza-potrzeb';

test.describe('results for the public', () => {
  test('the published demo survey opens on an overview with real numbers', async ({ page }) => {
    await page.goto('/results');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Diagnoza potrzeb mieszkańców powiatu jasielskiego 2026' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Przegląd/ })).toBeVisible();
    // The data table is folded under the chart; it opens by keyboard.
    await page.getByText('Tabela danych').first().focus();
    await page.keyboard.press('Enter');
    const responses = page.getByRole('table', { name: 'Odpowiedzi według gmin' });
    await expect(responses.getByRole('rowheader', { name: 'Cały powiat' })).toBeAttached();
    // 3,000 demo responses, each commune's count perturbed by at most 2 (lib/results/disclosure.ts).
    const countyTotal = responses.getByRole('row', { name: /Cały powiat/ }).getByRole('cell').nth(2);
    await expect(countyTotal).toHaveText(/^(29[89]\d|30[01]\d)$/);
    const heat = page.getByRole('table', { name: /gmina × dziedzina/ });
    await expect(heat.getByRole('rowheader', { name: 'Krempna' })).toBeVisible();
    await expectAccessible(page);
    const csv = await page.request.get(`/results/${SLUG}/csv?view=responses`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await csv.text()).toContain('Cały powiat;');
    expect(await (await page.request.get(`/results/${SLUG}/csv?view=responses&dialect=plain`)).text()).toContain('Cały powiat,');
  });

  test('a results page, whose only form is the choice of commune, fetches no field errors', async ({ page }) => {
    // The forms' error texts are fetched only by sections that ask for them (a member's forum);
    // a visitor on a phone reading the dashboards should not download them.
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/_next/static/') && response.url().endsWith('.js')) scripts.push(await response.text().catch(() => ''));
    });
    await page.goto(`/results/${SLUG}/priorities`);
    await expect(page.getByRole('combobox', { name: 'Zakres' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((text) => text.includes('najwyżej 20 000 znaków')).length, 'scripts holding the field errors').toBe(0);
  });

  test('every results page links the plain-language page on how figures are protected, in both languages', async ({ page, context }) => {
    await page.goto(`/results/${SLUG}`);
    await page.getByRole('link', { name: 'Jak chronimy odpowiedzi mieszkańców' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jak chronimy odpowiedzi mieszkańców' })).toBeVisible();
    const table = page.getByRole('table', { name: /Prawdopodobieństwo pokazanej liczby/ });
    await expect(table.getByRole('row', { name: /^1 / })).toContainText('0 (80%), 5 (20%)');
    await expectAccessible(page);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: "How residents' answers are protected" })).toBeVisible();
    await expectAccessible(page);
  });

  test('every view works by keyboard and passes the accessibility scan', async ({ page }) => {
    // Six pages, each with an axe scan.
    test.setTimeout(120_000);
    await page.goto(`/results/${SLUG}`);
    const views = page.getByRole('navigation', { name: 'Widoki wyników' });
    for (const [link, heading] of [
      ['Priorytety', /^Priorytety: Cały powiat/],
      ['Macierz ważność–ocena', /^Macierz ważność–ocena: Cały powiat/],
      ['Pytania', /^Pytania$/],
      ['Monitoring forum', /^Monitoring forum: Cały powiat, Edukacja$/],
      ['Raport gminy', /^Raport gminy$/],
    ] as const) {
      await views.getByRole('link', { name: link }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(views.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
      await expectAccessible(page);
    }
  });

  test('priorities and the matrix for one commune, chosen by keyboard', async ({ page }) => {
    await page.goto(`/results/${SLUG}/priorities`);
    await page.getByLabel('Zakres').selectOption({ label: 'Krempna' });
    await page.getByRole('button', { name: 'Pokaż' }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Priorytety: Krempna' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Ranking dziedzin' }).getByRole('columnheader', { name: 'Punkty Bordy' })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/results/${SLUG}/matrix`);
    await expect(page.getByRole('heading', { name: /Tu się skupić/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Macierz ważność–ocena' }).getByRole('columnheader', { name: 'Ćwiartka' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the matrix of the services of one area says where their importance comes from', async ({ page }) => {
    await page.goto(`/results/${SLUG}/matrix`);
    await page.getByLabel('Punkty macierzy').selectOption({ label: 'Usługi: Zdrowie' });
    await page.getByRole('button', { name: 'Pokaż' }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Macierz ważność–ocena: Cały powiat, Zdrowie' })).toBeVisible();
    await expect(page.getByText(/Ankieta nie pyta o ważność każdej usługi osobno/)).toBeVisible();
    const table = page.getByRole('table', { name: 'Macierz ważność–ocena usług: Zdrowie' });
    await expect(table.getByRole('columnheader', { name: 'Podstawa ważności' })).toBeVisible();
    await expect(table.getByRole('row', { name: /Dostęp do lekarza rodzinnego/ })).toContainText('miara zastępcza: wskazanie „Krótsze kolejki do lekarzy”');
    await expect(table.getByRole('row', { name: /Dostęp do apteki/ })).toContainText('brak miary ważności');
    await expect(page.getByRole('heading', { name: /Tu się skupić/ })).toBeVisible();
    await expectAccessible(page);
    const href = await page.getByRole('link', { name: 'Pobierz CSV: macierz usług' }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Podstawa ważności');
  });

  test('forum monitoring: a commune and an area chosen by keyboard, with its table and CSV', async ({ page }) => {
    await page.goto(`/results/${SLUG}/forum`);
    await page.getByLabel('Zakres').selectOption({ label: 'Dębowiec' });
    await page.getByLabel('Dziedzina').selectOption({ label: 'Komunikacja i transport' });
    await page.getByRole('button', { name: 'Pokaż' }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Monitoring forum: Dębowiec, Komunikacja i transport' })).toBeVisible();
    await expect(page.getByText(/w tej samej skali 1–5/)).toBeVisible();
    const table = page.getByRole('table', { name: 'Oceny forum i mieszkańców: Dębowiec, Komunikacja i transport' });
    await expect(table.getByRole('columnheader', { name: 'Forum: liczba ocen' })).toBeVisible();
    // The demo's two members of Dębowiec rated transport 3 and 2 this quarter.
    // A mean always with two decimals on the page (one rounding rule per measure); the CSV keeps 2,5.
    await expect(table.getByRole('cell', { name: '2,50', exact: true })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Mieszkańcy: średnia ocena (1–5)' })).toBeVisible();
    await expectAccessible(page);
    const href = await page.getByRole('link', { name: 'Pobierz CSV: monitoring forum' }).getAttribute('href');
    const csv = await (await page.request.get(href!)).text();
    // Excel's Polish settings by default: ';' and a decimal comma; plain on request.
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Kwartał;Forum: średnia ocena (1–5);Forum: liczba ocen;Mieszkańcy: średnia ocena (1–5)');
    expect(csv).toMatch(/;2,5;2;/);
    const plain = await (await page.request.get(`${href!}&dialect=plain`)).text();
    expect(plain).toMatch(/,2\.5,2,/);
  });

  test('the public explorer compares two communes but offers no profile filters', async ({ page }) => {
    await page.goto(`/results/${SLUG}/explorer`);
    await expect(page.getByLabel('Grupa wiekowa')).toHaveCount(0);
    await page.getByLabel('Gmina', { exact: true }).selectOption({ label: 'Skołyszyn' });
    await page.getByLabel('Porównaj z gminą').selectOption({ label: 'Tarnowiec' });
    await page.getByRole('button', { name: 'Pokaż wyniki' }).click();
    await expect(page.getByRole('heading', { name: 'Rozkład odpowiedzi: Skołyszyn' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Porównanie: Tarnowiec' })).toBeVisible();
    await expectAccessible(page);
  });

  test("the public's pages are kept by Next.js, in each language, and a signed-in page never is", async ({ page, playwright, baseURL }) => {
    const visitor = await playwright.request.newContext({ baseURL });
    const path = `/results/${SLUG}/priorities?commune=`;
    await visitor.get(path);
    const again = await visitor.get(path);
    // HIT, or STALE when the kept page is past its 30 s and a fresh one is being rendered meanwhile.
    expect(['HIT', 'STALE']).toContain(again.headers()['x-nextjs-cache']);
    // Kept pages carry no nonce (nobody's in particular); the policy still forbids everything else.
    expect(again.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(await again.text()).toContain('Priorytety: Cały powiat');
    const english = await visitor.get(path, { headers: { cookie: 'NEXT_LOCALE=en' } });
    expect(await english.text()).toContain('Priorities: Whole county');
    // The proxy passes a visitor's request on to a kept page as it came: a policy and nonce the
    // visitor sends must not reach the page Next.js renders and keeps for every visitor.
    const forged = await visitor.get(`/results/${SLUG}/explorer?age=forged${Date.now()}`, {
      headers: { 'content-security-policy': "script-src 'nonce-forgedbyvisitor'", 'x-nonce': 'forgedbyvisitor' },
    });
    expect(forged.status()).toBe(200);
    expect(await forged.text()).not.toContain('forgedbyvisitor');
    await visitor.dispose();

    await signInAs(page, demo.analyst);
    const signedIn = await page.request.get(path);
    expect(signedIn.headers()['x-nextjs-cache']).toBeUndefined();
    expect(signedIn.headers()['content-security-policy']).toContain("'nonce-");
    expect(await signedIn.text()).toContain('Wyloguj się');
  });
});

test.describe('results for analysts', () => {
  test('profile filters that isolate a small group show "fewer than 5"', async ({ page }) => {
    await signInAs(page, demo.analyst);
    await page.goto(`/results/${SLUG}/explorer?question=health_services&commune=`);
    await page.getByLabel('Gmina', { exact: true }).selectOption({ label: 'Krempna' });
    await page.getByLabel('Grupa wiekowa').selectOption({ label: '75 lat i więcej' });
    await page.getByLabel('Sposób wypełnienia').selectOption({ label: 'Papier' });
    await page.getByRole('button', { name: 'Pokaż wyniki' }).click();
    await expect(page.getByText(/Za mało odpowiedzi \(mniej niż 5\)/).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'mniej niż 5' }).first()).toBeAttached();
    await expectAccessible(page);
  });

  test('a commune report prints to an A4 PDF with the commune name', async ({ page, browserName }) => {
    test.skip(browserName !== 'chromium', 'page.pdf is Chromium only');
    await signInAs(page, demo.coordinator);
    await page.goto(`/results/${SLUG}/report`);
    await page.getByLabel('Zakres').selectOption({ label: 'Kołaczyce' });
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Raport gminy: Kołaczyce' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Drukuj raport' })).toBeVisible();
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // A4 is 595 × 842 points.
    for (const box of text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/g)) {
      expect(Math.round(Number(box[1]))).toBe(595);
      expect(Math.round(Number(box[2]))).toBe(842);
    }
    // The commune's name is in the document: the PDF's outline carries the report's headings
    // (UTF-16 strings, for the Polish letters).
    const titles = [...text.matchAll(/\/Title\s*(?:<FEFF([0-9A-Fa-f]+)>|\(([^)]*)\))/gi)].map((m) =>
      m[1] ? Buffer.from(m[1], 'hex').swap16().toString('utf16le') : m[2]!,
    );
    expect(titles.join(' | ')).toContain('Kołaczyce');
  });
});
