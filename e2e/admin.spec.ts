import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, enrolTotp, openBrowser, signInAs, uniqueEmail } from './fixtures';
import { signUpConfirmed } from './mail';

const PASSWORD = 'słoneczny poranek w Osieku';

test.describe('administration', () => {
  test('an admin grants a role, the user has it at once, and a revoked role is gone at once', async ({ browser }) => {
    // A new member registers.
    const email = uniqueEmail('nowy.analityk');
    const member = await openBrowser(browser);
    await signUpConfirmed(member, { name: 'Tomasz Nowy', email, password: PASSWORD });
    expect((await member.goto('/admin'))?.status()).toBe(403);
    await expect(member.getByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeVisible();
    // Staff roles need a second factor (e2e/two-factor.spec.ts); this member sets one up first.
    await enrolTotp(member);

    // The admin finds them and makes them a coordinator for Dębowiec.
    const admin = await openBrowser(browser);
    await signInAs(admin, demo.admin);
    await admin.goto('/admin/users');
    await expectAccessible(admin);
    await admin.getByLabel('Szukaj użytkownika').fill(email);
    await admin.getByRole('button', { name: 'Szukaj' }).click();
    await admin.getByRole('link', { name: 'Tomasz Nowy' }).click();
    await expect(admin.getByRole('heading', { level: 1 })).toContainText('Tomasz Nowy');
    await expectAccessible(admin);
    await admin.getByLabel(/^Rola/).selectOption('coordinator');
    await admin.getByLabel(/^Zakres/).selectOption({ label: 'Dębowiec' });
    await admin.getByRole('button', { name: 'Nadaj rolę' }).click();
    await expect(admin.getByText('Rola została nadana.')).toBeVisible();

    // The member sees it on their next page, without signing in again.
    await member.goto('/account');
    await expect(member.getByRole('main')).toContainText('koordynator – gmina Dębowiec');

    // An admin role opens the admin pages; revoking it closes them at once.
    await admin.getByLabel(/^Rola/).selectOption('admin');
    await admin.getByRole('button', { name: 'Nadaj rolę' }).click();
    // The list of granted roles, not the role picker (whose options always say "administrator").
    await expect(admin.getByRole('listitem').filter({ hasText: 'administrator' })).toHaveCount(1);
    await member.goto('/admin');
    await expect(member.getByRole('heading', { level: 1, name: 'Administracja' })).toBeVisible();

    await admin.reload();
    const adminGrant = admin.getByRole('listitem').filter({ hasText: 'administrator' });
    await adminGrant.getByRole('button', { name: 'Odbierz' }).click();
    await expect(admin.getByRole('listitem').filter({ hasText: 'administrator' })).toHaveCount(0);
    expect((await member.goto('/admin'))?.status()).toBe(403);
    await expect(member.getByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeVisible();

    // Disabling the account ends the member's session everywhere.
    await admin.getByRole('button', { name: 'Zablokuj konto' }).click();
    await expect(admin.getByRole('button', { name: 'Odblokuj konto' })).toBeVisible();
    await member.goto('/account');
    await expect(member).toHaveURL(/\/sign-in/);
    await admin.close();
    await member.close();
  });

  test('non-admins are refused every admin page, by URL too', async ({ page }) => {
    // Signed out: sent to sign in, and brought back afterwards.
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);

    for (const email of [demo.member, demo.coordinator, demo.analyst]) {
      await page.context().clearCookies();
      await signInAs(page, email);
      for (const path of ['/admin', '/admin/users', '/admin/communes', '/admin/audit']) {
        const response = await page.goto(path);
        expect(response?.status(), `${email} at ${path}`).toBe(403);
        await expect(page.getByRole('heading', { level: 1, name: 'Brak dostępu' }), `${email} at ${path}`).toBeVisible();
        await expect(page.getByRole('table')).toHaveCount(0);
      }
      await expect(page.getByRole('navigation', { name: 'Główna nawigacja' }).getByRole('link', { name: 'Administracja' })).toHaveCount(0);
    }
  });

  test('a server action posted from another site, with or without JavaScript, is refused with 403, not 500', async ({ page }) => {
    await signInAs(page, demo.admin);
    for (const origin of ['https://evil.example', 'null']) {
      const response = await page.request.post('/admin/users', {
        headers: { Origin: origin, 'Next-Action': '0000000000000000000000000000000000000000', 'Content-Type': 'text/plain;charset=UTF-8' },
        data: '[]',
      });
      expect(response.status(), origin).toBe(403);
    }
    // The same without JavaScript: a plain form post naming the action in its fields (the survey's
    // steps work so), which carries no Next-Action header.
    const plain = await page.request.post('/s/diagnoza-potrzeb', {
      headers: { Origin: 'https://evil.example' },
      multipart: { '$ACTION_ID_0000000000000000000000000000000000000000': '', step: '0' },
    });
    expect(plain.status()).toBe(403);
  });

  test('an admin adds a locality to a commune and the audit log records it', async ({ page }) => {
    await signInAs(page, demo.admin);
    await page.goto('/admin/communes');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Brzyska' }).click();
    const name = `Przysieki ${Date.now() % 100000}`;
    await page.getByLabel(/^Nazwa miejscowości/).fill(name);
    await page.getByRole('button', { name: /Dodaj miejscowość/ }).click();
    await expect(page.getByRole('cell', { name })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/admin/audit');
    // A sentence with names and links, not codes and ids; the raw entry is one click away.
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(`Alicja Administratorka dodała miejscowość ${name} w gminie Brzyska`);
    await expect(row.getByRole('link', { name: 'Alicja Administratorka' })).toHaveAttribute('href', /^\/admin\/users\//);
    await expect(row.getByRole('link', { name: 'Brzyska' })).toHaveAttribute('href', /^\/admin\/communes\/\d+$/);
    await expect(row.getByText('locality.create')).toBeHidden();
    await row.getByText('Szczegóły techniczne').click();
    await expect(row.getByText('locality.create')).toBeVisible();
    await expectAccessible(page);
  });
});
