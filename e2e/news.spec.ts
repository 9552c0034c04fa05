import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, openBrowser, signInAs } from './fixtures';
import { dayKey } from '../lib/local-time';

test.describe('news', () => {
  test('a coordinator publishes an article; the news page, its Atom feed and the home page show it', async ({ browser }) => {
    test.setTimeout(120_000);
    const title = `Konsultacje & warsztaty <${Date.now() % 100000}> – Nowy Żmigród`;
    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, demo.coordinator);
    await coordinator.goto('/news');
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Aktualności' })).toBeVisible();
    // The demo draft is listed for the coordinator only.
    await expect(coordinator.getByRole('region', { name: 'Szkice i zaplanowane' })).toContainText('Zaproszenie na konferencję kończącą projekt');
    await expectAccessible(coordinator);
    await coordinator.getByRole('link', { name: 'Napisz artykuł' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Nowy artykuł' })).toBeVisible();
    await expectAccessible(coordinator);

    // A too-short title is refused at its field; the rest stays typed.
    await coordinator.getByLabel(/^Tytuł/).fill('A');
    await coordinator.getByLabel(/^Wstęp/).fill('Zapraszamy mieszkańców gminy na warsztaty o komunikacji publicznej.');
    await coordinator.getByLabel(/^Treść/).fill('Spotkamy się w **Gminnym Ośrodku Kultury**.\n\n- transport\n- zdrowie');
    await coordinator.getByLabel(/^Gmina lub cały powiat/).selectOption({ label: 'Nowy Żmigród' });
    await coordinator.getByLabel('Opublikowany (od daty publikacji)').check();
    await coordinator.getByRole('button', { name: 'Zapisz artykuł' }).click();
    await expect(coordinator.getByText('Tytuł musi mieć co najmniej 3 znaki.')).toBeVisible();
    await expect(coordinator.getByLabel(/^Wstęp/)).toHaveValue('Zapraszamy mieszkańców gminy na warsztaty o komunikacji publicznej.');
    await expectAccessible(coordinator);

    await coordinator.getByLabel(/^Tytuł/).fill(title);
    await coordinator.getByRole('button', { name: 'Zapisz artykuł' }).click();
    await expect(coordinator).toHaveURL(/\/news\/\d+$/);
    const articleUrl = new URL(coordinator.url()).pathname;
    await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(coordinator.getByRole('main').locator('strong')).toHaveText('Gminnym Ośrodku Kultury');
    await expectAccessible(coordinator);

    // Anyone reads it on the news page, which announces the feed.
    const reader = await openBrowser(browser);
    await reader.goto('/news');
    await expect(reader.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/news\/feed\.xml$/);
    await expect(reader.getByRole('link', { name: title })).toBeVisible();
    await expect(reader.getByRole('region', { name: 'Szkice i zaplanowane' })).toHaveCount(0);
    await expect(reader.getByRole('link', { name: 'Napisz artykuł' })).toHaveCount(0);
    await expectAccessible(reader);
    await reader.getByRole('link', { name: title }).click();
    await expect(reader).toHaveURL(new RegExp(`${articleUrl}$`));
    await expect(reader.getByRole('link', { name: 'Edytuj artykuł' })).toHaveCount(0);
    await expectAccessible(reader);

    // The feed, linked from /news, is Atom that the browser's own XML parser reads, with the title intact.
    await reader.goto('/news');
    const feedHref = await reader.getByRole('link', { name: 'Kanał Atom z aktualnościami' }).getAttribute('href');
    const response = await reader.request.get(feedHref!);
    expect(response.headers()['content-type']).toContain('application/atom+xml');
    const xml = await response.text();
    const parsed = await reader.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        titles: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => e.getElementsByTagNameNS(ns, 'title')[0]?.textContent),
        links: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href')),
      };
    }, xml);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(parsed.titles[0]).toBe(title);
    expect(parsed.links[0]).toMatch(new RegExp(`${articleUrl}$`));
    expect(parsed.titles).not.toContain('Zaproszenie na konferencję kończącą projekt');

    // The home page lists it among the latest news and announces the feed too.
    await reader.goto('/');
    await expect(reader.getByRole('region', { name: 'Najnowsze aktualności' }).getByRole('link', { name: title })).toBeVisible();
    await expect(reader.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
    await expectAccessible(reader);
  });

  test('a draft stays hidden from readers until it is published', async ({ browser }) => {
    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, demo.coordinator);
    await coordinator.goto('/news');
    await coordinator.getByRole('region', { name: 'Szkice i zaplanowane' }).getByRole('link', { name: 'Zaproszenie na konferencję kończącą projekt' }).click();
    await expect(coordinator.getByText('Tego artykułu nie widzą jeszcze czytelnicy.')).toBeVisible();
    const draftUrl = new URL(coordinator.url()).pathname;
    const reader = await openBrowser(browser);
    expect((await reader.goto(draftUrl))?.status()).toBe(404);
    await coordinator.getByRole('link', { name: 'Edytuj artykuł' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Edycja artykułu' })).toBeVisible();
    await expectAccessible(coordinator);
    await coordinator.getByLabel('Opublikowany (od daty publikacji)').check();
    const yesterday = dayKey(new Date(Date.now() - 86_400_000));
    await coordinator.getByLabel(/^Data publikacji/).fill(`${yesterday}T12:00`);
    await coordinator.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await expect(coordinator).toHaveURL(new RegExp(`${draftUrl}$`));
    await expect(coordinator.getByText('Tego artykułu nie widzą jeszcze czytelnicy.')).toHaveCount(0);
    expect((await reader.goto(draftUrl))?.status()).toBe(200);
    await expect(reader.getByRole('heading', { level: 1, name: 'Zaproszenie na konferencję kończącą projekt' })).toBeVisible();
  });

  test('a reader searches the news in any inflected form', async ({ page }) => {
    await page.goto('/news');
    await page.getByRole('searchbox', { name: 'Szukaj w aktualnościach' }).fill('ankiety szkoleniowej sesji');
    await page.getByRole('button', { name: 'Szukaj' }).click();
    await expect(page.getByRole('status')).toHaveText('Żaden artykuł nie pasuje. Spróbuj innych słów.');
    await page.getByRole('searchbox', { name: 'Szukaj w aktualnościach' }).fill('sesji szkoleniowej');
    await page.getByRole('button', { name: 'Szukaj' }).click();
    await expect(page.getByRole('status')).toContainText('Wyniki dla „sesji szkoleniowej”');
    const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Za nami pierwsza sesja szkoleniowa' }) });
    await expect(hit.getByRole('heading').locator('mark')).toHaveText(['sesja', 'szkoleniowa']);
    await expectAccessible(page);
  });
});
