import { expect, test } from '@playwright/test';
import { moveServerClock, openBrowser, signInAs, uniqueEmail } from './fixtures';
import { signUpConfirmed } from './mail';

const PASSWORD = 'dwa rowery pod kościołem w Osobnicy';

test.describe('sessions', () => {
  test('after "Wyloguj" a copied session cookie no longer works', async ({ browser }) => {
    const email = uniqueEmail('copied.cookie');
    const page = await openBrowser(browser);
    await signUpConfirmed(page, { email, password: PASSWORD });
    const copy = await openBrowser(browser);
    await copy.context().addCookies((await page.context().cookies()).filter((c) => c.name.includes('authjs')));
    await copy.goto('/account');
    await expect(copy.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeVisible();

    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    await expect(page.getByRole('link', { name: 'Zaloguj się' })).toBeVisible();
    await copy.goto('/account');
    await expect(copy).toHaveURL(/\/sign-in/);
    await page.close();
    await copy.close();
  });

  // The test server runs with SESSION_MAX_HOURS=72 (playwright.config.ts); the default is 12.
  test('a session ends SESSION_MAX_HOURS after sign-in, however active', async ({ page }) => {
    const email = uniqueEmail('max.hours');
    await signUpConfirmed(page, { email, password: PASSWORD });
    await moveServerClock(page, 71 * 3600);
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeVisible();
    await moveServerClock(page, 72 * 3600 + 60);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('the account lists its sessions; ending one ends only that one', async ({ browser }) => {
    const email = uniqueEmail('two.devices');
    const laptop = await openBrowser(browser);
    await signUpConfirmed(laptop, { email, password: PASSWORD });
    const phone = await openBrowser(browser);
    await signInAs(phone, email, PASSWORD);

    await laptop.goto('/account');
    const list = laptop.getByRole('list', { name: 'Aktywne sesje' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').filter({ hasText: 'ta sesja' })).toHaveCount(1);
    await list.getByRole('button', { name: /Zakończ tę sesję/ }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);

    await phone.goto('/account');
    await expect(phone).toHaveURL(/\/sign-in/);
    await laptop.goto('/account');
    await expect(laptop.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeVisible();
    await laptop.close();
    await phone.close();
  });
});
