import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';

const publicPages = [
  { path: '/', heading: 'Agora – razem o usługach publicznych' },
  { path: '/forum', heading: 'Forum' },
  { path: '/surveys', heading: 'Ankiety' },
  { path: '/s/diagnoza-potrzeb', heading: 'Diagnoza potrzeb mieszkańców powiatu jasielskiego 2026' },
  { path: '/results', heading: 'Wyniki' },
  { path: '/calendar', heading: 'Kalendarz spotkań' },
  { path: '/news', heading: 'Aktualności' },
  { path: '/documents', heading: 'Dokumenty' },
  { path: '/accessibility', heading: 'Deklaracja dostępności' },
  { path: '/privacy', heading: 'Polityka prywatności' },
  { path: '/sign-in', heading: 'Logowanie' },
  { path: '/sign-up', heading: 'Załóż konto' },
];

test.describe('the public shell', () => {
  for (const { path, heading } of publicPages) {
    test(`${path} opens in Polish and passes the accessibility scan`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page);
    });
  }

  test("visitors' pages carry none of the forms' words when they have no form for them", async ({ page }) => {
    // The residents' list of surveys carried the whole survey office's words, and the news,
    // calendar and documents their editors' forms' and every field error (17 KB), with every
    // visit, though only signed-in people see those forms.
    for (const path of ['/surveys', '/news', '/calendar', '/documents']) {
      const html = await (await page.request.get(path)).text();
      expect(html, path).toContain('Główna nawigacja');
      expect(html, path).not.toContain('najwyżej 20 000 znaków');
    }
    expect(await (await page.request.get('/surveys')).text()).not.toContain('Tytuł (po angielsku)');
  });

  test('the header links every section and the footer the statement and privacy pages', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Główna nawigacja' });
    for (const name of ['Forum', 'Ankiety', 'Wyniki', 'Kalendarz', 'Aktualności']) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await page.getByRole('contentinfo').getByRole('link', { name: 'Deklaracja dostępności' }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole('navigation', { name: 'Główna nawigacja' }).getByRole('link', { name: 'Forum' })).not.toHaveAttribute('aria-current');
  });

  test('the skip link is the first stop of the keyboard and moves focus to the content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Przejdź do treści' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
  });

  test('fits a 360 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/sign-up', '/accessibility']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('switches to English and back, remembered across pages', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Zmień język na: EN · English/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agora – talking together about public services');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Surveys' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: /Switch language to: PL · Polski/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  });

  test('an unknown address shows a helpful 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' })).toBeVisible();
  });

  test('health reports the database and every response carries the security headers', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { up: true } });
    const page = await request.get('/');
    const headers = page.headers();
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).toContain("base-uri 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const https = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers()['strict-transport-security']).toContain('max-age=');
  });

  test('in English, Polish content is marked lang="pl" and times use a 24-hour clock', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Warsaw' });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
    const page = await context.newPage();
    await page.goto('/forum');
    const thread = page.getByRole('link', { name: /^Dowóz dzieci do szkoły w Cieklinie/ });
    await expect(thread).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('main')).not.toContainText(/\d (AM|PM)\b/);
    await thread.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'pl');
    await expect(page.locator('article[id^="post-"] div[lang="pl"]').first()).toBeVisible();
    // The interface around it stays English: the post's header is not marked.
    await expect(page.locator('article[id^="post-"] h3').first()).not.toHaveAttribute('lang', /.+/);
    await expect(page.locator('article[id^="post-"] time').first()).toHaveText(/\b([01]\d|2[0-3]):[0-5]\d$/);
    await page.goto('/news');
    await expect(page.getByRole('link', { name: 'Ruszyła Jasielska Agora' })).toHaveAttribute('lang', 'pl');
    await page.goto('/calendar');
    await expect(page.getByRole('main')).not.toContainText(/\d (AM|PM)\b/);
    await expectAccessible(page);
    await context.close();
  });

  test('in Polish, content needs no lang of its own', async ({ page }) => {
    await page.goto('/forum');
    await expect(page.getByRole('link', { name: /^Dowóz dzieci do szkoły w Cieklinie/ })).not.toHaveAttribute('lang', /.+/);
  });
});

