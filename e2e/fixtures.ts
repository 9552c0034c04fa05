import { expect, type Browser, type Page } from '@playwright/test';

/** Matches db/seed/demo.ts; development-only accounts. */
export const DEMO_PASSWORD = 'Agora-demo-2026!';
export const demo = {
  admin: 'admin@agora.local',
  coordinator: 'koordynator@agora.local',
  moderator: 'moderator@agora.local',
  analyst: 'analityk@agora.local',
  operator: 'operator@agora.local',
  member: 'czlonek@agora.local',
} as const;

/** The sign-in screen, used by most journeys. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in');
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('Adres e-mail').fill(email);
    await this.page.getByLabel(/^Hasło/).fill(password);
    await this.page.getByRole('main').getByRole('button', { name: 'Zaloguj się' }).click();
  }
}

/** Signs in through the form and waits until the header shows the account. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signIn(email, password);
  await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
}

/** A fresh address per run, so journeys that register never collide. */
export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.pl`;
}

/** A separate browser (its own cookies) for journeys with two people or two devices. */
export async function openBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}
