import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, signInAs } from './fixtures';

// Every page on a 390 × 844 phone (each page.tsx under app/[site], by the role that opens it): the
// public's pages, a member's, and those a moderator, a coordinator, an analyst and an administrator
// work in. Each is saved as a full-page screenshot among the test's artifacts
// (test-results/…/phone-*.png, and in the HTML report) for a person to look at, and checked for
// what a machine can see: the page never scrolls sideways (wide tables scroll inside their own
// region), the calendar shows all seven days or an agenda, the heat map's six areas are reachable.

const SLUG = 'diagnoza-potrzeb';
const WIDTH = 390;

test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });

/** Opens `path`, saves its screenshot as an artifact and checks that the page is no wider than the phone. */
async function visit(page: Page, testInfo: TestInfo, path: string, name: string, status = 200) {
  const response = await page.goto(path);
  // The page itself, not a redirect to sign-in or a refusal (the not-found page answers 404).
  expect(response?.status(), path).toBe(status);
  expect(new URL(page.url()).pathname, path).toBe(new URL(path, 'http://x').pathname);
  // Charts and forms that hydrate take their final size.
  await page.waitForLoadState('networkidle');
  const file = testInfo.outputPath(`phone-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`phone-${name}`, { path: file, contentType: 'image/png' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // What sticks out, when something does: elements past the right edge outside any scrolling box,
  // or positioned out of one (an absolute element escapes a scroller that is not its containing block).
  const wide =
    width > WIDTH
      ? await page.evaluate((limit) => {
          const scrolls = (el: Element | null): boolean => !!el && el !== document.body && (getComputedStyle(el).overflowX !== 'visible' || scrolls(el.parentElement));
          // Text wider than its box (a long e-mail address) sticks out without widening the box.
          const right = (el: Element) => Math.max(el.getBoundingClientRect().right, el.getBoundingClientRect().left + el.scrollWidth);
          return [...document.querySelectorAll('body *')]
            .filter((el) => right(el) > limit + 1 && (!scrolls(el.parentElement) || getComputedStyle(el).position === 'absolute'))
            // The last ones in document order: an overflowing element's ancestors come before it.
            .slice(-5)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(right(el))} px)`);
        }, WIDTH)
      : [];
  expect(width, `${path} is ${width} px wide: ${wide.join('; ')}`).toBeLessThanOrEqual(WIDTH);
  // A table wider than the phone scrolls sideways in its own box, and says so just above it
  // (every table shown: the ones folded in a <details> are opened first).
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await page.waitForTimeout(200);
  const silent = await page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .map((table) => table.closest<HTMLElement>('[role=region], [role=group]'))
      .filter((box): box is HTMLElement => !!box && box.checkVisibility() && box.scrollWidth > box.clientWidth + 1)
      .filter((box) => {
        const hint = box.previousElementSibling;
        return !(hint && /Przesuń tabelę w bok|Scroll the table sideways/.test(hint.textContent ?? '') && hint.checkVisibility({ visibilityProperty: true }));
      })
      .map((box) => box.getAttribute('aria-label') ?? 'a table'),
  );
  expect(silent, `${path}: tables that scroll sideways without a word`).toEqual([]);
  // The dashboards, the calendar and paper entry are laid out differently on a phone: scan them there.
  if (/^(results|calendar|meeting|staff-(results|calendar|paper))/.test(name)) await expectAccessible(page);
}

/** The address of the first link on `path` whose address matches `pattern`. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link like ${pattern} on ${path}`).toBeTruthy();
  return href!;
}

/** yyyy-mm of a day `days` from now (the demo's meetings are placed relative to today). */
function monthIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 7);
}

test.describe('on a phone', () => {
  test('the public pages fit the screen', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const thread = await firstLink(page, '/forum', /^\/forum\/threads\/\d+$/);
    const news = await firstLink(page, '/news', /^\/news\/\d+$/);
    const meeting = await firstLink(page, '/calendar?view=list', /^\/calendar\/\d+$/);
    const documentPage = await firstLink(page, '/documents', /^\/documents\/\d+$/);
    const consultation = await firstLink(page, '/forum/consultations', /^\/forum\/consultations\/\d+$/);
    const members = await firstLink(page, '/forum/members', /^\/forum\/members\/[^/]+$/);
    const pages: [string, string][] = [
      ['/', 'home'],
      ['/forum', 'forum'],
      [thread, 'thread'],
      ['/results', 'results'],
      [`/results/${SLUG}`, 'results-overview'],
      [`/results/${SLUG}/priorities`, 'results-priorities'],
      [`/results/${SLUG}/matrix`, 'results-matrix'],
      [`/results/${SLUG}/matrix?area=health`, 'results-matrix-services'],
      [`/results/${SLUG}/explorer`, 'results-explorer'],
      [`/results/${SLUG}/forum`, 'results-forum'],
      [`/results/${SLUG}/report`, 'results-report-choose'],
      ['/results/method', 'results-method'],
      ['/calendar', 'calendar'],
      ['/calendar?view=list', 'calendar-list'],
      [meeting, 'meeting'],
      ['/news', 'news'],
      [news, 'news-item'],
      ['/documents', 'documents'],
      [documentPage, 'document'],
      ['/forum/consultations', 'consultations'],
      [consultation, 'consultation'],
      ['/forum/members', 'members'],
      [members, 'members-commune'],
      ['/forum/scorecards', 'scorecards'],
      ['/forum/search?q=drogi', 'forum-search'],
      ['/surveys', 'surveys'],
      ['/accessibility', 'accessibility'],
      ['/privacy', 'privacy'],
      ['/sign-in', 'sign-in'],
      ['/sign-in/code', 'sign-in-code'],
      ['/sign-up', 'sign-up'],
      ['/sign-up/sent', 'sign-up-sent'],
      ['/forgot-password', 'forgot-password'],
      ['/forgot-password/sent', 'forgot-password-sent'],
      ['/reset-password', 'reset-password'],
      ['/verify-email/problem', 'verify-email-problem'],
      ['/unsubscribe', 'unsubscribe'],
      [`/s/${SLUG}`, 'survey'],
    ];
    for (const [path, name] of pages) await visit(page, testInfo, path, name);
    await visit(page, testInfo, '/nie-ma-takiej-strony', 'not-found', 404);
  });

  test('the pages a member works in fit the screen', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signInAs(page, demo.member);
    for (const [path, name] of [
      ['/forum/membership', 'member-membership'],
      ['/forum/notifications', 'member-notifications'],
      ['/account', 'member-account'],
      ['/account/two-factor', 'member-two-factor'],
    ] as const) {
      await visit(page, testInfo, path, name);
    }
  });

  test('the pages a moderator and an analyst work in fit the screen', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signInAs(page, demo.moderator);
    await visit(page, testInfo, '/forum/moderation', 'staff-moderation');
    await page.context().clearCookies();
    await signInAs(page, demo.analyst);
    for (const [path, name] of [
      [`/results/${SLUG}/remarks`, 'staff-analyst-remarks'],
      [`/results/${SLUG}/remarks/review`, 'staff-analyst-remarks-review'],
      ['/admin/indicators', 'staff-analyst-indicators'],
    ] as const) {
      await visit(page, testInfo, path, name);
    }
  });

  test('the heat map keeps all six areas within reach, by touch or keyboard', async ({ page }) => {
    await page.goto(`/results/${SLUG}`);
    const heat = page.getByRole('table', { name: /gmina × dziedzina/ });
    // The table's own scrolling region (the section around it is a region of the same name too).
    const region = heat.locator('xpath=ancestor::div[@role="region"][1]');
    await expect(region).toHaveAccessibleName(/gmina × dziedzina/);
    await expect(region).toHaveAttribute('tabindex', '0');
    const headers = heat.getByRole('columnheader');
    await expect(headers).toHaveCount(7);
    for (let i = 1; i < 7; i++) {
      const header = headers.nth(i);
      await header.scrollIntoViewIfNeeded();
      const box = (await header.boundingBox())!;
      expect(box.x, `area ${i}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `area ${i}`).toBeLessThanOrEqual(WIDTH + 1);
    }
    // The commune names stay at the left edge while the areas scroll past.
    const county = heat.getByRole('rowheader', { name: 'Cały powiat' });
    const box = (await county.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x).toBeLessThan(40);
    // By keyboard: the region takes focus and scrolls with the arrow keys.
    await region.evaluate((el) => (el.scrollLeft = 0));
    await region.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  test("the calendar shows the month's meetings as an agenda, none hidden", async ({ page }) => {
    const month = monthIn(5);
    await page.goto(`/calendar?month=${month}`);
    const agenda = page.getByRole('region', { name: /^Spotkania – / });
    const grid = page.getByRole('table', { name: /^Spotkania – / });
    // Either all seven weekdays fit, or the month is an agenda (what a phone gets).
    if (await grid.isVisible()) {
      for (const header of await grid.getByRole('columnheader').all()) {
        const box = (await header.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
      }
    } else {
      await expect(agenda).toBeVisible();
      const links = agenda.getByRole('link');
      expect(await links.count()).toBeGreaterThan(0);
      for (const link of await links.all()) {
        await expect(link).toBeVisible();
        const box = (await link.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
      }
    }
  });

  test('the pages a coordinator works in fit the screen', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await signInAs(page, demo.coordinator);
    const survey = await demoSurvey(page);
    const meeting = await firstLink(page, '/calendar?view=list', /^\/calendar\/\d+$/);
    const news = await firstLink(page, '/news', /^\/news\/\d+$/);
    const documentPage = await firstLink(page, '/documents', /^\/documents\/\d+$/);
    const pages: [string, string][] = [
      [`/results/${SLUG}`, 'staff-results-overview'],
      [`/results/${SLUG}/explorer`, 'staff-results-explorer'],
      [`/results/${SLUG}/report?commune=${await communeId(page)}`, 'staff-results-report'],
      [`/results/${SLUG}/remarks`, 'staff-results-remarks'],
      [`/calendar?month=${monthIn(5)}`, 'staff-calendar-month'],
      ['/calendar/new', 'staff-calendar-new'],
      [`${meeting}/edit`, 'staff-calendar-edit'],
      [`${meeting}/invite`, 'staff-calendar-invite'],
      ['/forum', 'staff-forum'],
      ['/forum/applications', 'staff-applications'],
      ['/forum/threads/new', 'staff-thread-new'],
      ['/forum/consultations', 'staff-consultations'],
      ['/forum/consultations/new', 'staff-consultation-new'],
      ['/documents', 'staff-documents'],
      ['/documents/new', 'staff-document-new'],
      [`${documentPage}/edit`, 'staff-document-edit'],
      ['/news', 'staff-news'],
      ['/news/new', 'staff-news-new'],
      [`${news}/edit`, 'staff-news-edit'],
      ['/surveys/manage', 'staff-surveys'],
      ['/surveys/manage/new', 'staff-survey-new'],
      [survey, 'staff-survey'],
      [`${survey}/edit`, 'staff-survey-edit'],
      [`${survey}/preview`, 'staff-survey-preview'],
      [`${survey}/codes`, 'staff-survey-codes'],
      [`${survey}/paper`, 'staff-paper-entry'],
      ['/admin/indicators', 'staff-indicators'],
      ['/account', 'staff-account'],
    ];
    for (const [path, name] of pages) await visit(page, testInfo, path, name);
  });

  test('the pages an administrator works in fit the screen', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signInAs(page, demo.admin);
    const commune = await firstLink(page, '/admin/communes', /^\/admin\/communes\/\d+$/);
    const user = await firstLink(page, '/admin/users', /^\/admin\/users\/[^/?]+$/);
    for (const [path, name] of [
      ['/admin', 'admin'],
      ['/admin/communes', 'admin-communes'],
      [commune, 'admin-commune'],
      ['/admin/users', 'admin-users'],
      [user, 'admin-user'],
      ['/admin/audit', 'admin-audit'],
      ['/admin/mail', 'admin-mail'],
      ['/forum/settings', 'admin-forum-settings'],
    ] as const) {
      await visit(page, testInfo, path, name);
    }
    // A message's page, when the run has sent one by now (the outbox may be empty on a fresh database).
    await page.goto('/admin/mail');
    const mail = (await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).find((h) => /^\/admin\/mail\/[^/?]+$/.test(h));
    if (mail) await visit(page, testInfo, mail, 'admin-mail-message');
  });

  test('paper entry reads as the printed questionnaire: parts and numbered questions', async ({ page }) => {
    await signInAs(page, demo.coordinator);
    await page.goto(`${await demoSurvey(page)}/paper`);
    await expect(page.getByRole('heading', { level: 2, name: 'Część 1. Edukacja' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Część 2. Zdrowie' })).toBeVisible();
    // "What needs improving most" is asked in every area: each group has a name of its own.
    const improve = page.getByRole('group', { name: /Co tu najbardziej wymaga poprawy/ });
    const names = await improve.evaluateAll((groups) => groups.map((g) => g.querySelector('legend')?.textContent ?? ''));
    expect(names.length).toBe(6);
    expect(new Set(names).size).toBe(6);
    expect(names[0]).toMatch(/^\d+\. /);
  });
});

/** The management page of the demo's diagnosis survey (open, so it takes paper forms). */
async function demoSurvey(page: Page): Promise<string> {
  await page.goto('/surveys/manage');
  const href = await page.getByRole('main').getByRole('link', { name: 'Diagnoza potrzeb mieszkańców powiatu jasielskiego 2026' }).first().getAttribute('href');
  expect(href).toMatch(/^\/surveys\/manage\/[^/]+$/);
  return href!;
}

/** The id of a commune with published results (the report's scope), read from its scope form. */
async function communeId(page: Page): Promise<string> {
  await page.goto(`/results/${SLUG}/report`);
  const value = await page.getByLabel('Zakres').locator('option').nth(0).getAttribute('value');
  expect(value).toBeTruthy();
  return value!;
}
