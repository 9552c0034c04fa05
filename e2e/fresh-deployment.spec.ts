import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { DEMO_PASSWORD, demo, enrolTotp, SignInPage } from './fixtures';

/**
 * A real deployment from day one, as the README's production steps make it: the production build
 * (`npm start`, which prepares the database first) on an EMPTY embedded database with the second
 * example deployment file (powiat przykładowy) and no demo data; then the first administrator
 * made by `npm run user:create-admin` signs in, sets up two-step sign-in, creates the diagnosis
 * survey from the template and opens it, and a resident finds it.
 *
 * This server is started here, beside the suite's (demo) one, on E2E_FRESH_PORT (default:
 * E2E_PORT + 1), from the same build; its data lives in a temporary folder removed at the end.
 */
const mainPort = Number(process.env.E2E_PORT ?? 3100);
const port = Number(process.env.E2E_FRESH_PORT ?? mainPort + 1);
const origin = `http://127.0.0.1:${port}`;
const ADMIN = { email: 'ala.nowak@przykladow.example.pl', name: 'Ala Nowak', password: 'lipowa aleja przy starym młynie' };
const JASLO_WORDS = /jas[łl]|jasiel|jaśl/i;
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(new Date()));

let folder: string;
let server: ChildProcess | undefined;

/** The settings of a production install: no demo, no test clock, its own data and mail folders. */
function settings(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    AUTH_SECRET: 'fresh-deployment-e2e-secret-0123456789abcdef',
    AGORA_DEPLOYMENT_FILE: 'db/seed/examples/powiat-przykladowy.json',
    PGLITE_DATA_DIR: join(folder, 'pglite'),
    MAIL_DIR: join(folder, 'mail'),
    PUBLIC_URL: origin,
    DATABASE_URL: '',
    SMTP_URL: '',
    AGORA_SEED_DEMO: '',
    AGORA_TEST_CLOCK: '',
  };
}

async function startServer() {
  // Its own process group, so stopping it stops npm, the server and its workers, and nothing else.
  server = spawn('npm', ['start', '--', '-p', String(port)], { env: settings(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start ended (${server.exitCode}):\n${output}`);
    const healthy = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return output;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm start did not answer on ${origin} in 3 minutes:\n${output}`);
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const ended = new Promise((resolve) => server!.once('exit', resolve));
  process.kill(-server.pid!, 'SIGTERM');
  await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid!, 'SIGKILL');
  server = undefined;
}

/** A page of its own (its own cookies) on the fresh server. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin });
  return context.newPage();
}

/** The page's text outside scripts: what a reader (and a screen reader) gets. */
const bodyText = (page: Page) => page.locator('body').innerText();

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'agora-fresh-'));
});

test.afterAll(async () => {
  await stopServer();
  rmSync(folder, { recursive: true, force: true });
});

test('an empty production database starts with the county of the deployment file, and no demo', async ({ browser }) => {
  test.setTimeout(300_000);
  const output = await startServer();
  expect(output).toContain('empty database loaded with the deployment.');
  expect(output).not.toContain('demo data');

  const page = await freshPage(browser);
  await page.goto('/');
  // Header, footer and home page: the example county's names, its communes, its office.
  await expect(page.getByRole('banner')).toContainText('Forum obywatelskie i diagnoza potrzeb powiatu przykładowego');
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Agora to platforma powiatu przykładowego');
  await expect(footer).toContainText('Starostwo Powiatowe w Przykładowie');
  await expect(footer).toContainText('ul. Kościuszki 5, 12-345 Przykładów');
  await expect(footer.getByRole('link', { name: 'starostwo@przykladow.example.pl' })).toHaveAttribute('href', 'mailto:starostwo@przykladow.example.pl');
  await expect(page.getByRole('main')).toContainText('Agora to forum obywatelskie gmin powiatu przykładowego');
  for (const commune of ['Miasto Przykładów', 'Zielonka Dolna', 'Borowa Wola']) await expect(page.getByRole('main')).toContainText(commune);
  expect(await bodyText(page)).not.toMatch(JASLO_WORDS);
  await expect(page.getByRole('main')).not.toContainText('Krempna');

  await page.goto('/privacy');
  await expect(page.getByRole('main')).toContainText(
    'Administratorem danych jest Starostwo Powiatowe w Przykładowie, ul. Kościuszki 5, 12-345 Przykładów, e-mail: starostwo@przykladow.example.pl. Inspektor ochrony danych: iod@przykladow.example.pl.',
  );
  expect(await bodyText(page)).not.toMatch(JASLO_WORDS);

  await page.goto('/accessibility');
  await expect(page.locator('#a11y-podmiot')).toHaveText('Starostwo Powiatowe w Przykładowie');
  await expect(page.locator('#a11y-data-publikacja')).toHaveText('2027-01-15');
  await expect(page.locator('#a11y-data-aktualizacja')).toHaveText('2027-03-01');
  await expect(page.locator('#a11y-data-sporzadzenie')).toHaveText('2027-02-20');
  await expect(page.locator('#a11y-osoba')).toHaveText('Anna Przykładna');
  await expect(page.locator('#a11y-email')).toHaveAttribute('href', 'mailto:dostepnosc@przykladow.example.pl');
  await expect(page.locator('#a11y-telefon')).toHaveText('+48 12 345 67 10');
  await expect(page.getByRole('main')).toContainText('podjazd dla wózków');
  expect(await bodyText(page)).not.toMatch(JASLO_WORDS);
  await expectAccessible(page);

  // The same in English.
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('banner')).toContainText('Civic forum and needs diagnosis of Przykładów County');
  await expect(page.locator('#a11y-podmiot')).toHaveText('Przykładów County Office');
  await expect(page.getByRole('main')).toContainText('wheelchair ramp');
  await expect(page.getByRole('contentinfo')).toContainText('Agora is the platform of Przykładów County');
  await page.goto('/privacy');
  await expect(page.getByRole('main')).toContainText('The controller is Przykładów County Office, ul. Kościuszki 5, 12-345 Przykładów');
  expect(await bodyText(page)).not.toMatch(JASLO_WORDS);
  await page.getByRole('button', { name: /Polski/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');

  // No demo account, no demo survey.
  await page.goto('/surveys');
  await expect(page.getByRole('main')).toContainText('Obecnie nie ma otwartych ankiet.');
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demo.admin, DEMO_PASSWORD);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');
  await page.context().close();
});

test('the first administrator signs in, creates the diagnosis survey from the template and opens it', async ({ browser }) => {
  test.setTimeout(300_000);
  // npm run user:create-admin, as the README says: with the embedded database, while Agora is stopped.
  await stopServer();
  const made = spawnSync('npm', ['run', 'user:create-admin', '--', '--email', ADMIN.email, '--name', ADMIN.name], {
    env: { ...settings(), AGORA_ADMIN_PASSWORD: ADMIN.password },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(made.status, made.stderr).toBe(0);
  expect(made.stdout).toContain(`${ADMIN.email} is an administrator.`);
  await startServer();

  const page = await freshPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto('/surveys/manage');
  await signIn.signIn(ADMIN.email, ADMIN.password);
  // Staff need a second factor: the new administrator must set it up before anything else.
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await enrolTotp(page);
  await page.getByRole('link', { name: 'Przejdź do swojego konta' }).click();
  await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();

  await page.goto('/surveys/manage');
  await expect(page.getByRole('main')).toContainText('Nie ma jeszcze ankiet.');
  await page.getByRole('link', { name: 'Nowa ankieta' }).click();
  const templates = page.getByRole('list', { name: 'Szablony ankiet' });
  await expect(templates.getByRole('heading', { level: 2 })).toHaveText(['Diagnoza potrzeb mieszkańców', 'Pusta ankieta']);
  await expect(templates.getByRole('listitem').first()).toContainText('7 części, 27 pytań');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Użyj szablonu „Diagnoza potrzeb mieszkańców”' }).click();

  // The builder, filled for this county and year: nothing is stored until it is saved.
  const title = `Diagnoza potrzeb mieszkańców powiatu przykładowego ${year}`;
  await expect(page.getByRole('heading', { level: 1, name: 'Nowa ankieta: Diagnoza potrzeb mieszkańców' })).toBeVisible();
  await expect(page.getByLabel('Tytuł (po polsku)')).toHaveValue(title);
  await expect(page.getByLabel('Adres ankiety')).toHaveValue(`diagnoza-potrzeb-${year}`);
  await expect(page.getByRole('group', { name: 'Gminy objęte ankietą' }).getByRole('checkbox', { checked: true })).toHaveCount(4); // three communes and "all"
  // The transport question names this county's town (a field's value, not an attribute: read it).
  expect(await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toContain('Połączenie autobusowe z Przykładowem');
  await page.getByRole('button', { name: 'Zapisz ankietę' }).click();
  await expect(page).toHaveURL(/\/surveys\/manage\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('main')).toContainText('szkic');
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(page.getByRole('button', { name: 'Zamknij' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('otwarta');

  // A resident, not signed in, finds it open, with this county's controller in the consent step.
  const resident = await freshPage(browser);
  await resident.goto('/surveys');
  await resident.getByRole('link', { name: title, exact: true }).click();
  await expect(resident).toHaveURL(new RegExp(`/s/diagnoza-potrzeb-${year}$`));
  await expect(resident.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(resident.getByRole('main')).toContainText('Administratorem danych jest Starostwo Powiatowe w Przykładowie, ul. Kościuszki 5, 12-345 Przykładów.');
  expect(await bodyText(resident)).not.toMatch(JASLO_WORDS);
  await resident.context().close();
  await page.context().close();
});
