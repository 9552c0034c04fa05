import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { dayKey, toLocal } from '../lib/local-time';
import { expectAccessible } from './axe';
import { demo, openBrowser, signInAs } from './fixtures';

/** "YYYY-MM-DD" of the Warsaw day `days` from now. */
function warsawDate(days: number): string {
  return dayKey(new Date(Date.now() + days * 86_400_000));
}

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

async function fillMeeting(page: Page, values: { title: string; start: string; end: string; link?: string }) {
  await page.getByLabel('Rodzaj spotkania').selectOption({ label: 'Sesja forum' });
  await page.getByLabel(/^Tytuł/).fill(values.title);
  await page.getByLabel(/^Gmina lub cały powiat/).selectOption({ label: 'Brzyska' });
  await page.getByLabel(/^Początek/).fill(values.start);
  await page.getByLabel(/^Koniec/).fill(values.end);
  await page.getByLabel(/^Adres\b/).fill('Urząd Gminy Brzyska, sala narad, Brzyska 88; parter');
  await page.getByLabel(/^Opis/).fill('Sesja zespołu gminnego: **transport** i zdrowie.');
  await page.getByLabel(/^Porządek spotkania/).fill('1. Otwarcie\n2. Dojazdy do szkół, przychodni i urzędu');
  await page.getByLabel(/^Link do konsultacji lub ankiety/).fill(values.link ?? '/s/diagnoza-potrzeb');
  await page.getByLabel(/^Liczba miejsc/).fill('25');
}

test.describe('meetings calendar', () => {
  test('a coordinator publishes a meeting, a member signs up, and the calendar, the .ics file, the feeds and the home page show it', async ({ browser }) => {
    test.setTimeout(180_000);
    const title = `Sesja Agory w Brzyskach, część ${Date.now() % 100000}; zażółć gęślą jaźń`;
    const day = warsawDate(1);

    // The coordinator opens the calendar and the form.
    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, demo.coordinator);
    await coordinator.goto('/calendar');
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Kalendarz spotkań' })).toBeVisible();
    await expectAccessible(coordinator);
    await coordinator.getByRole('link', { name: 'Dodaj spotkanie' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Nowe spotkanie' })).toBeVisible();
    await expectAccessible(coordinator);

    // Bad input is refused at the fields, and what was typed stays.
    await fillMeeting(coordinator, { title, start: `${day}T18:00`, end: `${day}T17:00`, link: 'htp:/zepsuty link' });
    await coordinator.getByRole('button', { name: 'Opublikuj spotkanie' }).click();
    await expect(coordinator.getByText('Koniec musi być później niż początek.')).toBeVisible();
    await expect(coordinator.getByText(/Ten link jest nieprawidłowy/)).toBeVisible();
    await expect(coordinator.getByLabel(/^Koniec/)).toHaveAttribute('aria-invalid', 'true');
    await expect(coordinator.getByLabel(/^Tytuł/)).toHaveValue(title);
    await expectAccessible(coordinator);
    await coordinator.getByLabel(/^Początek/).fill(`${warsawDate(-1)}T18:00`);
    await coordinator.getByLabel(/^Koniec/).fill(`${warsawDate(-1)}T20:00`);
    await coordinator.getByLabel(/^Link do konsultacji lub ankiety/).fill('/s/diagnoza-potrzeb');
    await coordinator.getByRole('button', { name: 'Opublikuj spotkanie' }).click();
    await expect(coordinator.getByText('Początek nowego spotkania nie może być w przeszłości.')).toBeVisible();
    await expect(coordinator.getByLabel(/^Opis/)).toHaveValue('Sesja zespołu gminnego: **transport** i zdrowie.');

    // Fixed, it is published.
    await coordinator.getByLabel(/^Początek/).fill(`${day}T18:00`);
    await coordinator.getByLabel(/^Koniec/).fill(`${day}T20:00`);
    await coordinator.getByRole('button', { name: 'Opublikuj spotkanie' }).click();
    await expect(coordinator).toHaveURL(/\/calendar\/\d+$/);
    const meetingUrl = new URL(coordinator.url()).pathname;
    await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(coordinator.getByRole('main')).toContainText('Sesja forum · Brzyska');
    await expect(coordinator.getByRole('main').locator('strong')).toHaveText('transport');
    await expect(coordinator.getByText('Nikt się jeszcze nie zapisał.')).toBeVisible();
    await expectAccessible(coordinator);

    // A member signs up, withdraws, and signs up again.
    const member = await openBrowser(browser);
    await signInAs(member, demo.member);
    await member.goto(meetingUrl);
    await expect(member.getByRole('heading', { name: 'Lista zapisanych' })).toHaveCount(0);
    await member.getByRole('button', { name: 'Przyjdę' }).click();
    await expect(member.getByText('Zapisano Cię na to spotkanie.')).toBeVisible();
    await expect(member.getByText('Zapisanych: 1 z 25')).toBeVisible();
    await expectAccessible(member);
    await member.getByRole('button', { name: 'Rezygnuję z udziału' }).click();
    await expect(member.getByText('Zapisanych: 0 z 25')).toBeVisible();
    await member.getByRole('button', { name: 'Przyjdę' }).click();
    await expect(member.getByText('Zapisano Cię na to spotkanie.')).toBeVisible();

    // The coordinator sees who comes, against the room's capacity.
    await coordinator.reload();
    await expect(coordinator.getByText('1 z 25 miejsc zajętych')).toBeVisible();
    await expect(coordinator.getByRole('table', { name: 'Osoby zapisane na spotkanie' }).getByRole('rowheader', { name: 'Jan Kowalski' })).toBeVisible();

    // The month view shows it, and the keyboard reaches it.
    const visitor = await openBrowser(browser);
    await visitor.goto(`/calendar?month=${day.slice(0, 7)}`);
    const grid = visitor.getByRole('table', { name: /^Spotkania – / });
    const inGrid = grid.getByRole('link', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await expect(inGrid).toBeVisible();
    await expectAccessible(visitor);
    await inGrid.focus();
    await visitor.keyboard.press('Enter');
    await expect(visitor).toHaveURL(new RegExp(`${meetingUrl}$`));
    await expect(visitor.getByRole('link', { name: 'Zaloguj się, aby zapisać się na spotkanie' })).toBeVisible();
    await expectAccessible(visitor);

    // The list view, filtered by commune and type.
    await visitor.goto('/calendar?view=list');
    await visitor.getByLabel('Gmina', { exact: true }).selectOption({ label: 'Brzyska' });
    await visitor.getByLabel('Rodzaj spotkania').selectOption({ label: 'Sesja forum' });
    await visitor.getByRole('button', { name: 'Pokaż' }).click();
    await expect(visitor).toHaveURL(/commune=brzyska/);
    await expect(visitor.getByRole('link', { name: title })).toBeVisible();
    await expect(visitor.getByRole('link', { name: 'Kalendarz gminy Brzyska (iCalendar)' }).first()).toBeVisible();
    await expectAccessible(visitor);
    await visitor.getByLabel('Rodzaj spotkania').selectOption({ label: 'Konferencja' });
    await visitor.getByRole('button', { name: 'Pokaż' }).click();
    await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);

    // The .ics file of the meeting parses and holds the right instant (18:00 in Warsaw).
    await visitor.goto(meetingUrl);
    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: 'Pobierz do kalendarza (.ics)' }).click()]);
    const ics = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(ics).toContain('\r\n');
    const [event] = parseCalendar(ics);
    expect(event!.summary).toBe(title);
    expect(event!.location).toContain('Urząd Gminy Brzyska, sala narad, Brzyska 88; parter');
    expect(toLocal(event!.startDate.toJSDate())).toBe(`${day}T18:00`);

    // Both feeds (the commune's and the county's) carry it; another commune's does not.
    for (const path of ['/calendar/feed.ics?commune=brzyska', '/calendar/feed.ics']) {
      const response = await visitor.request.get(path);
      expect(response.headers()['content-type']).toContain('text/calendar');
      expect(parseCalendar(await response.text()).map((e) => e.summary)).toContain(title);
    }
    const elsewhere = await visitor.request.get('/calendar/feed.ics?commune=krempna');
    expect(parseCalendar(await elsewhere.text()).map((e) => e.summary)).not.toContain(title);
    expect((await visitor.request.get('/calendar/feed.ics?commune=nie-ma-takiej')).status()).toBe(404);

    // The home page lists it among the next meetings.
    await visitor.goto('/');
    await expect(visitor.getByRole('region', { name: 'Najbliższe spotkania' }).getByRole('link', { name: title })).toBeVisible();
    await expectAccessible(visitor);
  });

  test('past meetings are archived; a coordinator attaches the minutes', async ({ page }) => {
    await signInAs(page, demo.coordinator);
    await page.goto('/calendar?view=archive');
    await expect(page.getByRole('heading', { level: 2, name: 'Archiwum spotkań' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Sesja forum – gmina Dębowiec' }).click();
    await expect(page.getByText('To spotkanie już się odbyło.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Podsumowanie spotkania' }).fill('Krótko');
    await page.getByRole('button', { name: 'Zapisz protokół' }).click();
    await expect(page.getByText('Protokół musi mieć co najmniej 10 znaków.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Podsumowanie spotkania' }).fill('Ustalono priorytety:\n\n- kanalizacja w sołectwach\n- autobus do Jasła o 7:00');
    await page.getByRole('button', { name: 'Zapisz protokół' }).click();
    await expect(page.getByText('Protokół został zapisany.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Protokół ze spotkania' }).getByRole('listitem')).toHaveCount(2);
    await expectAccessible(page);
  });

  test('members cannot publish; the calendar fits a phone', async ({ page }) => {
    await signInAs(page, demo.member);
    await page.goto('/calendar');
    await expect(page.getByRole('link', { name: 'Dodaj spotkanie' })).toHaveCount(0);
    expect((await page.goto('/calendar/new'))?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeVisible();
    await page.goto('/calendar/1');
    await expect(page.getByRole('link', { name: 'Edytuj spotkanie' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Lista zapisanych' })).toHaveCount(0);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/calendar', '/calendar?view=list', '/calendar/1']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('a commune coordinator publishes only in their commune and edits its meetings', async ({ page }) => {
    await signInAs(page, 'koordynator.debowiec@agora.local');
    await page.goto('/calendar/new');
    await expect(page.getByLabel(/^Gmina lub cały powiat/).locator('option')).toHaveText(['Dębowiec']);
    await page.goto('/calendar?view=archive');
    await page.getByRole('link', { name: 'Sesja forum – gmina Dębowiec' }).click();
    await page.getByRole('link', { name: 'Edytuj spotkanie' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edycja spotkania' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(/^Tytuł/).fill('Sesja forum – gmina Dębowiec (przeniesiona do remizy)');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sesja forum – gmina Dębowiec (przeniesiona do remizy)' })).toBeVisible();
    // A county-wide meeting is not theirs to edit.
    await page.goto('/calendar?view=list&type=conference');
    await page.getByRole('link', { name: /Konferencja kończąca projekt/ }).click();
    await expect(page.getByRole('link', { name: 'Edytuj spotkanie' })).toHaveCount(0);
  });
});
