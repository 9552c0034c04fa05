import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SignInPage } from './fixtures';
import { E2E_MAIL_DIR } from './mail-settings';

export interface Mail {
  file: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/** Every message the test SMTP server received for `to`, oldest first. */
export async function mailTo(to: string): Promise<Mail[]> {
  const files = readdirSync(E2E_MAIL_DIR).filter((f) => f.endsWith('.json')).sort();
  const found: Mail[] = [];
  for (const file of files) {
    const record = JSON.parse(readFileSync(join(E2E_MAIL_DIR, file), 'utf8')) as { to: string[]; raw: string };
    if (!record.to.includes(to.toLowerCase())) continue;
    found.push({ file, to: record.to, raw: record.raw, parsed: await simpleParser(record.raw) });
  }
  return found;
}

/** Waits for the `count`-th message to `to` whose subject matches, and returns it. */
export async function waitForMail(to: string, subject: RegExp, { count = 1, timeout = 30_000 } = {}): Promise<Mail> {
  let matching: Mail[] = [];
  await expect
    .poll(
      async () => {
        matching = (await mailTo(to)).filter((m) => subject.test(m.parsed.subject ?? ''));
        return matching.length;
      },
      { timeout, message: `a message to ${to} with subject ${subject}` },
    )
    .toBeGreaterThanOrEqual(count);
  return matching[count - 1]!;
}

/** The first link in a message's plain text that goes to `path` (an absolute URL). */
export function linkIn(mail: Mail, path: string): string {
  const match = (mail.parsed.text ?? '').match(new RegExp(`https?://\\S+${path.replace(/[?]/g, '\\?')}\\S*`));
  expect(match, `a link to ${path} in "${mail.parsed.subject}"`).not.toBeNull();
  return match![0];
}

/**
 * Signs up through the form, opens the confirmation link from the e-mail, and signs in: the
 * journey every new account now takes. Ends on /account, signed in.
 */
export async function signUpConfirmed(page: Page, { name = 'Ewa Testowa', email, password }: { name?: string; email: string; password: string }) {
  await page.goto('/sign-up');
  await page.getByLabel('Imię i nazwisko').fill(name);
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel(/^Hasło/).fill(password);
  await page.getByLabel(/Zapoznałem\(-am\) się/).check();
  await page.getByRole('main').getByRole('button', { name: 'Załóż konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' })).toBeVisible();
  const mail = await waitForMail(email, /Potwierdź adres e-mail/);
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByText('Adres e-mail został potwierdzony')).toBeVisible();
  await new SignInPage(page).signIn(email, password);
  await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeVisible();
}

/** A header of the message as sent (unfolded), or undefined. */
export function rawHeader(mail: Mail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
