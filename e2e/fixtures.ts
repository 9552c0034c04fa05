import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

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

/**
 * Signs in and waits until the header shows the account. The first time in a test worker a demo
 * account signs in through the form; after that its session cookies are reused (much quicker; the
 * server still checks the session on every page). Other accounts, and demo accounts whose reused
 * session the server no longer accepts, go through the form. `viaForm` forces the form.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD, options: { viaForm?: boolean } = {}) {
  const reusable = password === DEMO_PASSWORD && !options.viaForm;
  const saved = reusable ? demoSessions.get(email) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto('/');
    // A session cookie names one account; the server may have ended it (sign-out, blocking).
    if (await page.getByRole('button', { name: 'Wyloguj się' }).isVisible()) return;
    demoSessions.delete(email);
  }
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signIn(email, password);
  await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
  if (reusable) demoSessions.set(email, (await page.context().cookies()).filter((cookie) => cookie.name.includes('authjs')));
}

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
/** Session cookies of the demo accounts signed in so far in this worker. */
const demoSessions = new Map<string, Cookies>();


/** A fresh address per run, so journeys that register never collide. */
/**
 * Moves the server's clock forward for this page's requests (lib/test-clock.ts; the test server
 * runs with AGORA_TEST_CLOCK=1), so a test of a deadline or of the session's minute need not wait.
 */
export async function moveServerClock(page: Page, seconds: number) {
  await page.setExtraHTTPHeaders({ 'x-agora-test-clock-offset': String(Math.round(seconds)) });
}

export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.pl`;
}

/** A separate browser (its own cookies) for journeys with two people or two devices. */
export async function openBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}
