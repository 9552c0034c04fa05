import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { moveServerClock, openBrowser, SignInPage, signInAs, uniqueEmail } from './fixtures';
import { signUpConfirmed } from './mail';

const PASSWORD = 'zielony rower nad Wisłoką';

/** Signs up, confirms the address from the e-mail and signs in (e2e/mail.ts). */
async function signUp(page: import('@playwright/test').Page, email: string, password = PASSWORD) {
  await signUpConfirmed(page, { email, password });
}

test.describe('accounts', () => {
  test('a visitor signs up with consent, confirms the address, signs in, signs out and in again', async ({ page }) => {
    const email = uniqueEmail('ewa');
    await signUp(page, email);
    await expect(page).toHaveURL(/\/account/);
    await expect(page.getByRole('main')).toContainText(email);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    await expect(page.getByRole('link', { name: 'Zaloguj się' })).toBeVisible();

    await signInAs(page, email, PASSWORD);
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeVisible();
  });

  test('sign-up refuses a common password and a missing consent at their fields, keeping what was typed', async ({ page }) => {
    const email = uniqueEmail('common');
    await page.goto('/sign-up');
    await page.getByLabel('Imię i nazwisko').fill('Piotr Zwykły');
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel(/^Hasło/).fill('password123');
    await page.getByRole('main').getByRole('button', { name: 'Załóż konto' }).click();
    // The browser check stops the missing consent first.
    await expect(page.getByText('Aby założyć konto, zapoznaj się')).toBeVisible();
    await page.getByLabel(/Zapoznałem\(-am\) się/).check();
    await page.getByRole('main').getByRole('button', { name: 'Załóż konto' }).click();
    // The server refuses the common password, at the password field.
    await expect(page.getByText('To hasło jest zbyt popularne')).toBeVisible();
    await expect(page.getByLabel(/^Hasło/)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Imię i nazwisko')).toHaveValue('Piotr Zwykły');
    await expect(page.getByLabel('Adres e-mail')).toHaveValue(email);
    await expectAccessible(page);
  });

  test('signing in never sends the browser to another site, whatever callbackUrl says', async ({ page, baseURL }) => {
    // The issue-16 payload: "/<tab>/evil.example/phish" — a browser drops the tab and reads //evil.example.
    await page.goto('/sign-in?callbackUrl=%2F%09%2Fevil.example%2Fphish');
    await new SignInPage(page).signIn('czlonek@agora.local');
    await expect(page).toHaveURL(`${baseURL}/`);
    // A same-site path still brings the user back.
    await page.context().clearCookies();
    await page.goto('/sign-in?callbackUrl=%2Fcalendar');
    await new SignInPage(page).signIn('czlonek@agora.local');
    await expect(page).toHaveURL(`${baseURL}/calendar`);
  });

  test('a wrong password gets one clear message and no hint whether the e-mail exists', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('czlonek@agora.local', 'not the password');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');
    await signIn.signIn('nobody-here@agora.local', 'not the password');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');
    await expect(page.getByLabel('Adres e-mail')).toHaveValue('nobody-here@agora.local');
  });

  test('signing out everywhere ends the session in another browser too', async ({ browser }) => {
    const email = uniqueEmail('everywhere');
    const laptop = await openBrowser(browser);
    await signUp(laptop, email);
    await expect(laptop).toHaveURL(/\/account/);

    const phone = await openBrowser(browser);
    await signInAs(phone, email, PASSWORD);

    await laptop.getByRole('button', { name: 'Wyloguj mnie ze wszystkich urządzeń' }).click();
    await expect(laptop).toHaveURL(/\/sign-in/);

    await phone.goto('/account');
    await expect(phone).toHaveURL(/\/sign-in/);
    await laptop.close();
    await phone.close();
  });

  test('changing the password keeps this session, ends the others, and the new password works', async ({ browser }) => {
    const email = uniqueEmail('change');
    const page = await openBrowser(browser);
    await signUp(page, email);
    const other = await openBrowser(browser);
    await signInAs(other, email, PASSWORD);

    await page.getByLabel('Obecne hasło').first().fill(PASSWORD);
    await page.getByLabel(/^Nowe hasło/).fill('jesienne liście w Krempnej');
    await page.getByLabel('Powtórz nowe hasło').fill('jesienne liście w Krempnej');
    await page.getByRole('button', { name: 'Zmień hasło' }).click();
    await expect(page.getByText('Hasło zostało zmienione')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeVisible();

    await other.goto('/account');
    await expect(other).toHaveURL(/\/sign-in/);
    await new SignInPage(other).signIn(email, 'jesienne liście w Krempnej');
    await expect(other.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
    await page.close();
    await other.close();
  });

  test('a user downloads their data as JSON and deletes their account', async ({ page }) => {
    const email = uniqueEmail('rodo');
    await signUp(page, email);
    await expect(page).toHaveURL(/\/account/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Pobierz moje dane (JSON)' }).click()]);
    const data = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
    expect(data.account.email).toBe(email);

    await page.locator('#delete-currentPassword').fill(PASSWORD);
    await page.getByLabel('Rozumiem, że usunięcia konta nie można cofnąć.').check();
    await page.getByRole('button', { name: 'Usuń konto na zawsze' }).click();
    await expect(page.getByRole('link', { name: 'Zaloguj się' })).toBeVisible();

    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');
  });

  test('every demo account can sign in', async ({ browser }) => {
    for (const email of ['admin@agora.local', 'koordynator@agora.local', 'moderator@agora.local', 'analityk@agora.local', 'operator@agora.local', 'czlonek@agora.local']) {
      const page = await openBrowser(browser);
      await signInAs(page, email, undefined, { viaForm: true });
      await page.close();
    }
  });
});

test('after ten failed attempts an account is locked for a while, with a clear message', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const email = uniqueEmail('locked');
  for (let attempt = 1; attempt <= 10; attempt++) {
    await signIn.signIn(email, `wrong password ${attempt}`);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');
  }
  await signIn.signIn(email, 'wrong password 11');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Zbyt wiele prób logowania. Odczekaj 15 minut i spróbuj ponownie.');
});

test('the session slides: a visit pushes its expiry forward (at most once a minute), so only inactivity ends it', async ({ page }) => {
  await signInAs(page, 'analityk@agora.local', undefined, { viaForm: true });
  const session = async () => (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'))!;
  const first = await session();
  // The idle limit (SESSION_IDLE_MINUTES, 120 by default) is what is left, not a fixed day.
  expect(first.expires * 1000 - Date.now()).toBeLessThanOrEqual(120 * 60 * 1000 + 5000);
  // Within the minute the token stands as it is: checked, not re-issued.
  await page.goto('/privacy');
  expect((await session()).value).toBe(first.value);
  // A minute later (the server's clock moved, not waited for) the visit re-issues it. The exact
  // minute's edge is tested with fake time in lib/auth/session-cookie.test.ts.
  await moveServerClock(page, 61);
  await page.goto('/privacy');
  const later = await session();
  expect(later.value).not.toBe(first.value);
  // Not earlier than the first, to the second: a cookie's lifetime travels in whole seconds
  // (Max-Age), and with the clock moved rather than waited for, the re-issue comes under a second
  // after the sign-in in real time, so the browser's two expiry times may differ by a rounding.
  expect(later.expires).toBeGreaterThanOrEqual(first.expires - 1);
  // And the re-issued session is a working one.
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
});

test('without JavaScript, sign-in names the field that is wrong and keeps what was typed', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pl-PL' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Adres e-mail').fill('to-nie-adres');
  await page.getByLabel('Hasło').fill('cokolwiek');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  // The server's answer to the plain form post: the summary, and the message at the field it is about.
  const email = page.getByLabel('Adres e-mail');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Podaj poprawny adres e-mail/);
  // What was typed comes back (the password excepted), and so does the hidden field that says
  // where to go after signing in.
  await expect(email).toHaveValue('to-nie-adres');
  await expect(page.getByLabel('Hasło')).toHaveValue('');
  await expect(page.locator('input[type="hidden"][name="callbackUrl"]')).not.toHaveValue('');
  await context.close();
});
