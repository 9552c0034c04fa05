import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { expectAccessible } from './axe';
import { demo, openBrowser, SignInPage, signInAs, uniqueEmail } from './fixtures';
import { linkIn, mailTo, rawHeader, signUpConfirmed, waitForMail } from './mail';

const PASSWORD = 'zielony rower nad Wisłoką';
const MEETING = 'Sesja forum – gmina Krempna';

test.describe('e-mail', () => {
  test('sign up → confirm from the e-mail → sign in; a registered address gets the same page and a notice', async ({ page }) => {
    const email = uniqueEmail('potwierdzenie');
    await page.goto('/sign-up');
    await page.getByLabel('Imię i nazwisko').fill('Ewa Testowa');
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel(/^Hasło/).fill(PASSWORD);
    await page.getByLabel(/Zapoznałem\(-am\) się/).check();
    await page.getByRole('main').getByRole('button', { name: 'Załóż konto' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' })).toBeVisible();
    const newAnswer = await page.getByRole('main').innerText();
    await expectAccessible(page);

    // Not usable before the link: the sign-in says what to do.
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Najpierw potwierdź adres e-mail');

    const mail = await waitForMail(email, /^Potwierdź adres e-mail w Agorze$/);
    expect(mail.parsed.html).toBeTruthy();
    expect(mail.parsed.text).toContain('Powiat jasielski');
    expect(rawHeader(mail, 'List-Unsubscribe')).toBeUndefined(); // essential mail
    const link = linkIn(mail, '/verify-email');
    expect(link.startsWith('http://127.0.0.1:')).toBe(true);
    await page.goto(link);
    await expect(page.getByRole('main').getByRole('status')).toContainText('Adres e-mail został potwierdzony');
    await signIn.signIn(email, PASSWORD);
    await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();

    // The link works once; a second visit says it was used.
    await page.goto(link);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Ten link został już użyty');
    await page.goto('/verify-email?token=forged-token-forged-token-forged');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Ten link potwierdzający jest nieprawidłowy');
    await expectAccessible(page);

    // Signing up again with the registered address answers exactly as before and changes nothing.
    const other = await openBrowser(page.context().browser()!);
    await other.goto('/sign-up');
    await other.getByLabel('Imię i nazwisko').fill('Ktoś Inny');
    await other.getByLabel('Adres e-mail').fill(email);
    await other.getByLabel(/^Hasło/).fill('zupełnie inne hasło 42');
    await other.getByLabel(/Zapoznałem\(-am\) się/).check();
    await other.getByRole('main').getByRole('button', { name: 'Załóż konto' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' })).toBeVisible();
    expect(await other.getByRole('main').innerText()).toBe(newAnswer);
    const notice = await waitForMail(email, /^Próba założenia konta z Twoim adresem$/);
    expect(notice.parsed.text).toContain('/forgot-password');
    await new SignInPage(other).goto();
    await new SignInPage(other).signIn(email, PASSWORD); // the old password still works
    await expect(other.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
    await other.close();
  });

  test('forgot password → link from the e-mail → new password; the old session ends and the link works once', async ({ browser }) => {
    const email = uniqueEmail('reset');
    const laptop = await openBrowser(browser);
    await signUpConfirmed(laptop, { email, password: PASSWORD });

    const phone = await openBrowser(browser);
    await phone.goto('/sign-in');
    await phone.getByRole('link', { name: 'Nie pamiętasz hasła?' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Nie pamiętasz hasła?' })).toBeVisible();
    await expectAccessible(phone);
    // An unknown address gets the very same answer.
    await phone.getByLabel('Adres e-mail').fill(uniqueEmail('nikt'));
    await phone.getByRole('button', { name: 'Wyślij link' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' })).toBeVisible();
    const unknownAnswer = await phone.getByRole('main').innerText();
    await phone.goto('/forgot-password');
    await phone.getByLabel('Adres e-mail').fill(email);
    await phone.getByRole('button', { name: 'Wyślij link' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' })).toBeVisible();
    expect(await phone.getByRole('main').innerText()).toBe(unknownAnswer);

    const mail = await waitForMail(email, /^Ustaw nowe hasło w Agorze$/);
    const link = linkIn(mail, '/reset-password');
    await phone.goto(link);
    await expect(phone.getByRole('heading', { level: 1, name: 'Ustaw nowe hasło' })).toBeVisible();
    await expectAccessible(phone);
    await phone.getByLabel(/^Nowe hasło/).fill('jesienne liście w Krempnej');
    await phone.getByLabel('Powtórz nowe hasło').fill('jesienne liście w Krempnej');
    await phone.getByRole('button', { name: 'Ustaw nowe hasło' }).click();
    await expect(phone.getByRole('main').getByRole('status')).toContainText('Nowe hasło zostało ustawione');
    await new SignInPage(phone).signIn(email, 'jesienne liście w Krempnej');
    await expect(phone.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();

    // The laptop's session ended with the reset.
    await laptop.goto('/account');
    await expect(laptop).toHaveURL(/\/sign-in/);
    // The owner is told.
    await waitForMail(email, /^Hasło do Twojego konta zostało zmienione$/);

    // Used: the same link now gets a clear page and changes nothing; so does a forged one.
    await phone.goto(link);
    await expect(phone.getByRole('main').getByRole('alert')).toContainText('został już użyty');
    await expect(phone.getByRole('link', { name: 'Poproś o nowy link' })).toBeVisible();
    await phone.goto('/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expect(phone.getByRole('main').getByRole('alert')).toContainText('nieprawidłowy');
    await expectAccessible(phone);
    await laptop.close();
    await phone.close();
  });

  test('a coordinator invites a member: the e-mail carries an .ics that ical.js reads, unsubscribing works signed out, and a cancellation reaches those signed up', async ({ browser }) => {
    test.setTimeout(120_000);
    const email = uniqueEmail('zaproszenie');
    const member = await openBrowser(browser);
    await signUpConfirmed(member, { name: 'Zofia Zaproszona', email, password: PASSWORD });

    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, demo.coordinator);
    await coordinator.goto('/calendar?view=list');
    await coordinator.getByRole('link', { name: MEETING }).first().click();
    await expect(coordinator.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
    await expect(coordinator.getByRole('heading', { name: 'Wiadomości o tym spotkaniu' })).toBeVisible();
    await coordinator.getByRole('link', { name: 'Zaproś uczestników e-mailem' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Zaproś na spotkanie' })).toBeVisible();
    await expectAccessible(coordinator);
    // An address without an account is refused at the field, and what was typed and ticked stays.
    const communes = coordinator.getByRole('group', { name: 'Członkowie forum z gmin' }).getByRole('checkbox');
    await communes.nth(0).check();
    await communes.nth(2).check();
    await coordinator.getByLabel('Adresy e-mail').fill(`${email}\nnikogo-tu-nie-ma@example.pl`);
    await coordinator.getByLabel('Wiadomość od koordynatora (opcjonalnie)').fill('Prosimy o potwierdzenie obecności.');
    await coordinator.getByRole('button', { name: 'Wyślij zaproszenia' }).click();
    await expect(coordinator.getByText('Niektóre adresy nie należą do żadnego potwierdzonego konta')).toBeVisible();
    await expect(coordinator.getByLabel('Wiadomość od koordynatora (opcjonalnie)')).toHaveValue('Prosimy o potwierdzenie obecności.');
    await expect(communes.nth(0)).toBeChecked();
    await expect(communes.nth(1)).not.toBeChecked();
    await expect(communes.nth(2)).toBeChecked();
    await communes.nth(0).uncheck();
    await communes.nth(2).uncheck();
    await coordinator.getByLabel('Adresy e-mail').fill(email);
    await coordinator.getByRole('button', { name: 'Wyślij zaproszenia' }).click();
    await expect(coordinator.getByRole('main').getByRole('status')).toContainText('Zaproszenia w kolejce: 1.');

    const mail = await waitForMail(email, new RegExp(`^Zaproszenie: ${MEETING}$`));
    expect(mail.parsed.text).toContain('Prosimy o potwierdzenie obecności.');
    const ics = mail.parsed.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(ics, 'an .ics attachment').toBeDefined();
    expect(ics!.contentType).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(MEETING);
    expect(event.location).toContain('Krempna');
    expect(event.startDate.toJSDate().getTime()).toBeGreaterThan(Date.now());

    // RFC 8058 headers on an optional message.
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const oneClick = rawHeader(mail, 'List-Unsubscribe')?.match(/<([^>]+)>/)?.[1];
    expect(oneClick).toMatch(/\/api\/mail\/unsubscribe\?token=/);

    // The coordinator sees the count on the meeting's page.
    await coordinator.goto(coordinator.url().replace(/\/invite$/, ''));
    await expect(coordinator.getByText(/Zaproszenia: [1-9]/)).toBeVisible();

    // Unsubscribing from the link in the message, in a browser that is not signed in.
    const stranger = await openBrowser(browser);
    await stranger.goto(linkIn(mail, '/unsubscribe'));
    await expect(stranger.getByRole('button', { name: 'Zaloguj się' })).toHaveCount(0);
    await expect(stranger.getByText('zaproszenia na spotkania')).toBeVisible();
    await expectAccessible(stranger);
    await stranger.getByRole('button', { name: 'Wypisz mnie' }).click();
    await expect(stranger.getByRole('main').getByRole('status')).toContainText('nie będziemy już wysyłać');
    await member.goto('/account');
    await expect(member.getByLabel('zaproszenia na spotkania')).not.toBeChecked();
    await expect(member.getByLabel('przypomnienia o spotkaniach')).toBeChecked();

    // A mail program's one-click POST (no cookies), and a forged token.
    const post = await stranger.request.post(oneClick!, { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(post.status()).toBe(200);
    const forged = await stranger.request.post(oneClick!.replace(/.{4}$/, 'AAAA'), { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(forged.status()).toBe(400);

    // Switched on again in /account.
    await member.getByLabel('zaproszenia na spotkania').check();
    await member.getByRole('button', { name: 'Zapisz ustawienia wiadomości' }).click();
    await expect(member.getByText('Ustawienia wiadomości zostały zapisane.')).toBeVisible();
    await member.reload();
    await expect(member.getByLabel('zaproszenia na spotkania')).toBeChecked();
    expect((await mailTo(email)).filter((m) => /^Zaproszenie/.test(m.parsed.subject ?? ''))).toHaveLength(1);

    // The member signs up; the coordinator calls the meeting off; the member is told, with a
    // calendar file that marks it cancelled, and the page says so.
    const meetingUrl = coordinator.url();
    await member.goto(meetingUrl);
    await member.getByRole('button', { name: 'Przyjdę' }).click();
    await expect(member.getByText('Zapisano Cię na to spotkanie.')).toBeVisible();
    await coordinator.reload();
    await coordinator.getByLabel(/Powód odwołania/).fill('Sala zalana po ulewie');
    await coordinator.getByRole('button', { name: 'Odwołaj spotkanie' }).click();
    await expect(coordinator.getByRole('main').getByRole('alert')).toContainText('To spotkanie zostało odwołane. Powód: Sala zalana po ulewie');
    const cancelled = await waitForMail(email, new RegExp(`^Odwołane: ${MEETING}$`));
    expect(cancelled.parsed.text).toContain('Sala zalana po ulewie');
    const cancelledIcs = cancelled.parsed.attachments.find((a) => a.filename?.endsWith('.ics'))!;
    const cancelledEvent = new ICAL.Component(ICAL.parse(cancelledIcs.content.toString('utf8'))).getFirstSubcomponent('vevent')!;
    expect(cancelledEvent.getFirstPropertyValue('status')).toBe('CANCELLED');
    await member.reload();
    await expect(member.getByRole('button', { name: 'Przyjdę' })).toHaveCount(0);
    await expectAccessible(member);
    await member.close();
    await coordinator.close();
    await stranger.close();
  });

  test('changing the e-mail address waits for the link sent to the new one, and the old one is told', async ({ page }) => {
    const oldEmail = uniqueEmail('stary');
    const newEmail = uniqueEmail('nowy');
    await signUpConfirmed(page, { email: oldEmail, password: PASSWORD });
    await page.getByLabel('Nowy adres e-mail').fill(newEmail);
    await page.locator('#change-email-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Zmień adres e-mail' }).click();
    await expect(page.getByText('wysłaliśmy na niego link')).toBeVisible();
    await expectAccessible(page);
    const mail = await waitForMail(newEmail, /^Potwierdź nowy adres e-mail w Agorze$/);
    await page.goto(linkIn(mail, '/account/confirm-email'));
    await expect(page.getByRole('main').getByRole('status')).toContainText('Adres e-mail został zmieniony.');
    await expect(page.getByRole('main')).toContainText(newEmail);
    const notice = await waitForMail(oldEmail, /^Adres e-mail Twojego konta został zmieniony$/);
    expect(notice.parsed.text).toContain(newEmail);
  });

  test('admins see the outbox and read a message; others are refused', async ({ page, browser }) => {
    await signInAs(page, demo.admin);
    await page.goto('/admin/mail');
    await expect(page.getByRole('heading', { level: 1, name: 'Poczta wychodząca' })).toBeVisible();
    await expect(page.getByText('Wiadomości trafiają do: smtp://127.0.0.1:')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Wersja tekstowa' })).toBeVisible();
    await expectAccessible(page);
    const html = await page.request.get(page.url() + '/html');
    expect(html.status()).toBe(200);
    expect(html.headers()['content-security-policy']).toContain('sandbox');

    const member = await openBrowser(browser);
    await signInAs(member, demo.member);
    await member.goto('/admin/mail');
    await expect(member.getByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeVisible();
    expect((await member.request.get(page.url() + '/html')).status()).toBe(403);
    await member.close();
  });
});
