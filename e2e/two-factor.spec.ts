import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, enrolTotp, enterTotp, openBrowser, SignInPage, signInAs, uniqueEmail } from './fixtures';
import { signUpConfirmed } from './mail';

const PASSWORD = 'szumiąca Wisłoka pod Golesz';

test.describe('two-step sign-in', () => {
  test('a new operator must enrol at sign-in, then signs in with an app code and with a recovery code, once', async ({ browser }) => {
    const email = uniqueEmail('operator.2fa');
    const person = await openBrowser(browser);
    await signUpConfirmed(person, { name: 'Olaf Dwuetapowy', email, password: PASSWORD });

    // An admin makes the member an operator.
    const admin = await openBrowser(browser);
    await signInAs(admin, demo.admin);
    await admin.goto('/admin/users');
    await admin.getByLabel('Szukaj użytkownika').fill(email);
    await admin.getByRole('button', { name: 'Szukaj' }).click();
    await admin.getByRole('link', { name: 'Olaf Dwuetapowy' }).click();
    await admin.getByLabel(/^Rola/).selectOption('operator');
    await admin.getByRole('button', { name: 'Nadaj rolę' }).click();
    await expect(admin.getByText('Rola została nadana.')).toBeVisible();
    await admin.close();

    // Without a second factor the role is withheld; at the next sign-in the only way is to enrol.
    await person.getByRole('button', { name: 'Wyloguj się' }).click();
    // Signing out ends on the home page; wait for it, or the next navigation races that redirect.
    await expect(person.getByRole('link', { name: 'Zaloguj się', exact: true })).toBeVisible();
    const signIn = new SignInPage(person);
    await signIn.goto('/account');
    await signIn.signIn(email, PASSWORD);
    await expect(person).toHaveURL(/\/account\/two-factor$/);
    await expect(person.getByText('Zanim zrobisz cokolwiek innego, ustaw logowanie dwuetapowe.')).toBeVisible();
    await person.goto('/forum');
    await expect(person).toHaveURL(/\/account\/two-factor$/);
    await expect(person.getByRole('img', { name: /Kod QR/ })).toBeVisible();
    await expectAccessible(person);
    const { secret, recoveryCodes } = await enrolTotp(person);
    await person.getByRole('link', { name: 'Przejdź do swojego konta' }).click();
    await expect(person.getByRole('main')).toContainText('operator');

    // Password, then a code computed here with the same key.
    await person.getByRole('button', { name: 'Wyloguj się' }).click();
    // Signing out ends on the home page; wait for it, or the next navigation races that redirect.
    await expect(person.getByRole('link', { name: 'Zaloguj się', exact: true })).toBeVisible();
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await expect(person).toHaveURL(/\/sign-in\/code/);
    await expect(person.getByLabel(/Kod z aplikacji/)).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(person.getByLabel(/Kod z aplikacji/)).toHaveAttribute('inputmode', 'numeric');
    await expectAccessible(person);
    await enterTotp(person, secret);
    await expect(person.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();

    // A recovery code works instead of the app's code…
    await person.getByRole('button', { name: 'Wyloguj się' }).click();
    // Signing out ends on the home page; wait for it, or the next navigation races that redirect.
    await expect(person.getByRole('link', { name: 'Zaloguj się', exact: true })).toBeVisible();
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await person.getByLabel(/Kod z aplikacji/).fill(recoveryCodes[0]!);
    await person.getByRole('main').getByRole('button', { name: 'Potwierdź' }).click();
    await expect(person.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();

    // …once only.
    await person.getByRole('button', { name: 'Wyloguj się' }).click();
    // Signing out ends on the home page; wait for it, or the next navigation races that redirect.
    await expect(person.getByRole('link', { name: 'Zaloguj się', exact: true })).toBeVisible();
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await person.getByLabel(/Kod z aplikacji/).fill(recoveryCodes[0]!);
    await person.getByRole('main').getByRole('button', { name: 'Potwierdź' }).click();
    await expect(person.getByText('Ten kod jest nieprawidłowy lub nieaktualny.', { exact: false })).toBeVisible();
    await expect(person).toHaveURL(/\/sign-in\/code/);
    // A wrong password never reaches the code step.
    await signIn.goto();
    await signIn.signIn(email, 'not the password at all');
    await expect(person.getByRole('main').getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');
    await person.close();
  });

  test('a member without a second factor signs in with the password alone', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(demo.member);
    await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
    await expect(page).not.toHaveURL(/\/sign-in/);
  });
});
