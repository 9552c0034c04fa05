import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Matches db/seed/demo.ts; development-only accounts. */
export const DEMO_PASSWORD = 'Agora-demo-2026!';
/** Matches db/seed/demo.ts: the demo staff accounts' TOTP key (development only). */
export const DEMO_TOTP_SECRET = 'AGORADEMOAGORADEMOAGORADEMOAGORA';

/** The code an authenticator app shows for `secret` (base32) at 30-second step `step` (default: now). */
export function totpCode(secret: string, step = currentStep()): string {
  return generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s+/g, '').toUpperCase()), BigInt(step), 6);
}

export function currentStep(): number {
  return Math.floor(Date.now() / 30_000);
}

/**
 * Answers the sign-in code page with app codes for `secret`. Each code is accepted once (the
 * server refuses a step at or before the last one used), and the server accepts the next step
 * too, so a second sign-in within the same 30 s uses that; past it, this waits for a new step.
 */
export async function enterTotp(page: Page, secret: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const step = currentStep() + (attempt % 2);
    await page.getByLabel(/Kod z aplikacji/).fill(totpCode(secret, step));
    await page.getByRole('main').getByRole('button', { name: 'Potwierdź' }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in/code'), { timeout: 15_000 }).then(() => 'in' as const),
      page.getByText(/już użyty|nieprawidłowy/).waitFor({ timeout: 15_000 }).then(() => 'refused' as const),
    ]);
    if (outcome === 'in') return;
    if (attempt % 2 === 1) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 200);
  }
  throw new Error('no TOTP code was accepted');
}
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
  // Demo staff accounts have the demo second factor: the code page follows the password.
  const signedOut = page.getByRole('button', { name: 'Wyloguj się' });
  const next = await Promise.race([
    page.waitForURL(/\/sign-in\/code/, { timeout: 20_000 }).then(() => 'code' as const),
    signedOut.waitFor({ timeout: 20_000 }).then(() => 'in' as const),
  ]).catch(() => 'neither' as const);
  if (next === 'code') await enterTotp(page, DEMO_TOTP_SECRET);
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

/**
 * Turns on two-step sign-in for the signed-in account in /account/two-factor: reads the key shown
 * beside the QR code, confirms with a code computed here, and returns the key and the recovery
 * codes (shown this once).
 */
export async function enrolTotp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  if (!page.url().includes('/account/two-factor')) await page.goto('/account/two-factor');
  const secret = (await page.getByTestId('manual-key').textContent())!.replace(/\s+/g, '');
  await page.getByLabel('Kod z aplikacji').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Włącz logowanie dwuetapowe' }).click();
  const list = page.getByRole('list', { name: 'Kody zapasowe' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  return { secret, recoveryCodes };
}
