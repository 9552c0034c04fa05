import { parse } from 'csv-parse/sync';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { dayKey, fromLocal } from '../lib/local-time';
import { expectAccessible } from './axe';
import { demo, moveServerClock, openBrowser, signInAs } from './fixtures';

const DAY = 86_400;

/** The text of a table's cell in the row whose header is `row`, under the column headed `column`. */
async function cell(table: Locator, row: string | RegExp, column: string): Promise<string> {
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column ${column}`).toBeGreaterThan(0);
  const line = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: row, exact: typeof row === 'string' }) });
  return (await line.locator('th, td').nth(index).textContent())!.trim();
}

async function downloadText(page: Page, link: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
}

test.describe('attendance and the project indicators', () => {
  test('a coordinator records who came: ticks on the sign-up list and walk-ins, counted by representation', async ({ browser }) => {
    test.setTimeout(180_000);
    const title = `Warsztaty w Skołyszynie ${Date.now() % 100000}`;
    // The day after tomorrow: after the meeting e2e/meetings.spec.ts expects among the home page's
    // next three (tomorrow evening), and within the sessions' 72 hours of a moved clock.
    const day = dayKey(new Date(Date.now() + 2 * DAY * 1000));
    const start = fromLocal(`${day}T10:00`);
    if (!start.ok) throw new Error(start.reason);
    const heldBy = Math.ceil((start.instant.getTime() - Date.now()) / 1000) + 3600;

    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, demo.coordinator);
    await coordinator.goto('/calendar/new');
    await coordinator.getByLabel('Rodzaj spotkania').selectOption({ label: 'Warsztaty' });
    await coordinator.getByLabel(/^Tytuł/).fill(title);
    await coordinator.getByLabel(/^Gmina lub cały powiat/).selectOption({ label: 'Skołyszyn' });
    await coordinator.getByLabel(/^Początek/).fill(`${day}T10:00`);
    await coordinator.getByLabel(/^Koniec/).fill(`${day}T12:00`);
    await coordinator.getByLabel(/^Adres\b/).fill('Gminny Ośrodek Kultury, Skołyszyn 1');
    await coordinator.getByRole('button', { name: 'Opublikuj spotkanie' }).click();
    await expect(coordinator).toHaveURL(/\/calendar\/\d+$/);
    const meetingUrl = new URL(coordinator.url()).pathname;
    // Before it begins there is nothing to record.
    await expect(coordinator.getByRole('heading', { name: 'Obecność na spotkaniu' })).toHaveCount(0);

    const member = await openBrowser(browser);
    await signInAs(member, demo.member);
    await member.goto(meetingUrl);
    await member.getByRole('button', { name: 'Przyjdę' }).click();
    await expect(member.getByText('Zapisano Cię na to spotkanie.')).toBeVisible();

    // An hour after it began (the server's clock moved for this page), the meeting is under way.
    await moveServerClock(coordinator, heldBy);
    await coordinator.goto(meetingUrl);
    await expect(coordinator.getByRole('heading', { name: 'Obecność na spotkaniu' })).toBeVisible();
    await expect(coordinator.getByText('Obecności jeszcze nie odnotowano.')).toBeVisible();
    await coordinator.getByRole('checkbox', { name: 'Jan Kowalski' }).check();
    await coordinator.getByRole('button', { name: 'Zapisz obecność' }).click();
    await expect(coordinator.getByText('Obecność została zapisana.')).toBeVisible();
    await expect(coordinator.getByText('Obecni: 1 osoba.')).toBeVisible();

    // A walk-in by name; then several without names — a name with three people is refused at its field.
    await coordinator.getByLabel('Kogo reprezentuje').selectOption({ label: 'przedstawiciel organizacji pozarządowej' });
    await coordinator.getByLabel('Imię i nazwisko (opcjonalnie)').fill('Ewa Nowak');
    await coordinator.getByRole('button', { name: 'Dodaj uczestników' }).click();
    await expect(coordinator.getByText('Uczestnicy zostali dodani do listy obecności.')).toBeVisible();
    await expect(coordinator.getByRole('table', { name: 'Uczestnicy bez zapisu' }).getByRole('rowheader', { name: 'Ewa Nowak' })).toBeVisible();
    await coordinator.getByLabel('Kogo reprezentuje').selectOption({ label: 'mieszkaniec lub inny uczestnik' });
    await coordinator.getByLabel('Imię i nazwisko (opcjonalnie)').fill('Adam');
    await coordinator.getByLabel(/^Liczba osób/).fill('3');
    await coordinator.getByRole('button', { name: 'Dodaj uczestników' }).click();
    await expect(coordinator.getByText('Z imieniem i nazwiskiem dodaje się jedną osobę. Wpisz 1 albo usuń imię i nazwisko.')).toBeVisible();
    await expect(coordinator.getByLabel(/^Liczba osób/)).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(coordinator);
    await coordinator.getByLabel('Imię i nazwisko (opcjonalnie)').fill('');
    await coordinator.getByRole('button', { name: 'Dodaj uczestników' }).click();
    await expect(coordinator.getByText('Obecni: 5 osób.')).toBeVisible();

    // Counted by representation: Jan Kowalski has no forum seat, so he is among the residents.
    const summary = coordinator.getByRole('region', { name: 'Obecność na spotkaniu' }).locator('dl');
    await expect(summary).toContainText('Mieszkańcy i inni uczestnicy4');
    await expect(summary).toContainText('Przedstawiciele organizacji pozarządowych1');
    await coordinator.getByRole('button', { name: /Usuń jedną osobę – Bez nazwiska/ }).click();
    await expect(coordinator.getByText('Obecni: 4 osoby.')).toBeVisible();
    await expectAccessible(coordinator);

    // Anyone sees the counts, not the names.
    const visitor = await openBrowser(browser);
    await moveServerClock(visitor, heldBy);
    await visitor.goto(meetingUrl);
    await expect(visitor.getByText('Obecni: 4 osoby.')).toBeVisible();
    await expect(visitor.getByText('Ewa Nowak')).toHaveCount(0);
    await expect(visitor.getByRole('button', { name: 'Zapisz obecność' })).toHaveCount(0);
  });

  test('the project office reads the indicators: the demo’s attendance in the table and in the CSV', async ({ browser }) => {
    test.setTimeout(120_000);
    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, demo.coordinator);
    await coordinator.goto('/');
    await coordinator.getByRole('navigation', { name: 'Główna nawigacja' }).getByRole('link', { name: 'Wskaźniki' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Wskaźniki projektu' })).toBeVisible();
    await expectAccessible(coordinator);

    // The demo training (its minutes: 28 people) is county-wide; the inaugural session (23) in Jasło.
    const byCommune = coordinator.getByRole('table', { name: /^Wskaźniki według gmin/ });
    expect(await cell(byCommune, 'Cały powiat', 'Obecni')).toBe('28');
    expect(await cell(byCommune, 'Miasto Jasło', 'Obecni')).toBe('23');
    expect(await cell(byCommune, 'Krempna', 'Miejsca: NGO i przedsiębiorcy')).toBe('5');
    expect(await cell(byCommune, 'Krempna', 'Limit miejsc')).toBe('10');
    expect(await cell(byCommune, 'Cały powiat', 'Miejsca: NGO i przedsiębiorcy')).toBe('—');

    // The CSV: every month and area on a row, for Excel (BOM, semicolons); the same numbers.
    const text = await downloadText(coordinator, coordinator.getByRole('link', { name: /^Pobierz wszystkie wskaźniki/ }));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length % 12).toBe(0);
    const attendance = (commune: string) => rows.filter((r) => r['Gmina'] === commune).reduce((n, r) => n + Number(r['Obecni']), 0);
    expect(attendance('Cały powiat')).toBe(28);
    expect(attendance('Miasto Jasło')).toBe(23);
    const training = rows.find((r) => r['Gmina'] === 'Cały powiat' && r['Szkolenie'] === '1')!;
    expect(training['Miesiąc']).toMatch(/^\d{4}-\d{2}$/);
    expect(training['Miejsca: sołectwa i osiedla']).toBe('');

    // One commune only.
    await coordinator.getByLabel('Gmina', { exact: true }).selectOption({ label: 'Krempna' });
    await coordinator.getByRole('button', { name: 'Pokaż' }).click();
    await expect(coordinator).toHaveURL(/commune=krempna/);
    await expect(coordinator.getByText(/Gmina Krempna\./)).toBeVisible();
    await expect(coordinator.getByRole('table', { name: /^Wskaźniki według gmin/ }).getByRole('rowheader', { name: 'Cały powiat' })).toHaveCount(0);
    await expectAccessible(coordinator);

    // A shorter range, picked by the months' Polish names (not the browser's month input, which
    // names them in the browser's language): the last three months.
    const to = coordinator.getByLabel('Do miesiąca');
    const from = coordinator.getByLabel('Od miesiąca');
    const last = await to.inputValue();
    const [year, month] = last.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(year, month - 1 - 2, 15));
    const firstKey = first.toISOString().slice(0, 7);
    const polish = (d: Date) => new Intl.DateTimeFormat('pl', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
    await from.selectOption(firstKey);
    await expect(from.locator('option:checked')).toHaveText(polish(first));
    await coordinator.getByRole('button', { name: 'Pokaż' }).click();
    await expect(coordinator).toHaveURL(new RegExp(`from=${firstKey}`));
    await expect(coordinator.getByText(`${polish(first)} – ${polish(new Date(Date.UTC(year, month - 1, 15)))}`, { exact: false }).first()).toBeVisible();
    await expect(from).toHaveValue(firstKey);
  });

  test('a forum member may not see the indicators; an analyst may', async ({ browser }) => {
    const member = await openBrowser(browser);
    await signInAs(member, demo.member);
    expect((await member.goto('/admin/indicators'))?.status()).toBe(403);
    expect((await member.request.get('/admin/indicators/csv')).status()).toBe(403);

    const analyst = await openBrowser(browser);
    await signInAs(analyst, demo.analyst);
    await analyst.goto('/admin/indicators');
    await expect(analyst.getByRole('heading', { level: 1, name: 'Wskaźniki projektu' })).toBeVisible();
    // The analyst's section has this page only.
    await expect(analyst.getByRole('link', { name: 'Użytkownicy i role' })).toHaveCount(0);
  });
});
