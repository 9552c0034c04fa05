import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { demo, openBrowser, signInAs } from './fixtures';

// Residents' remarks on the seeded demo: an analyst goes through the review queue by keyboard,
// finds what they passed among the remarks; the public results pages never show any of it.

const SLUG = 'diagnoza-potrzeb';
const REDACTED = 'Przystanek przy szkole nie ma wiaty, dzieci mokną – zgłaszała [usunięto].';

async function pendingCount(page: Page) {
  const text = await page.getByText(/^Czeka na przegląd: \d+/).innerText();
  return Number(/Czeka na przegląd: (\d+)/.exec(text)![1]);
}

/** Walks the remarks view's pages until the text shows (or the pages run out). */
async function findRemark(page: Page, text: string) {
  for (;;) {
    if ((await page.getByText(text, { exact: true }).count()) > 0) return true;
    const next = page.getByRole('navigation', { name: 'Stronicowanie' }).getByRole('link', { name: 'Następne' });
    if ((await next.count()) === 0) return false;
    await next.click();
    await page.waitForLoadState();
  }
}

test('an analyst reviews remarks by keyboard, reads them among the remarks, and the public never sees them', async ({ page, browser }) => {
  await signInAs(page, demo.analyst);
  await page.goto(`/results/${SLUG}`);
  await page.getByRole('navigation', { name: 'Widoki wyników' }).getByRole('link', { name: 'Uwagi mieszkańców' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uwagi mieszkańców' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: /^Przegląd uwag \(\d+ czeka\)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Przegląd uwag' })).toBeVisible();
  await expectAccessible(page);
  const before = await pendingCount(page);

  // The oldest remark: Tab to "Publishable", Enter; the focus moves on to the next remark.
  const first = page.getByRole('region', { name: /^Uwaga 1:/ });
  const published = (await first.locator('blockquote').innerText()).trim();
  await first.focus();
  await page.keyboard.press('Tab');
  await expect(first.getByRole('button', { name: 'Do publikacji' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Oznaczono jako do publikacji.' })).toBeAttached();
  const next = page.getByRole('region', { name: /^Uwaga 1:/ });
  await expect(next).toBeFocused();
  await expect(page.getByText(published, { exact: true })).toHaveCount(0);

  // The next one is redacted: Tab, Tab to "Redact…", Enter opens the edit field with the text.
  const original = (await next.locator('blockquote').innerText()).trim();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(next.getByRole('button', { name: 'Zredaguj…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const edit = next.getByLabel('Treść po redakcji');
  await expect(edit).toBeFocused();
  await expect(edit).toHaveValue(original);
  await expectAccessible(page);
  await edit.fill(REDACTED);
  await page.keyboard.press('Tab');
  await expect(next.getByRole('button', { name: 'Zapisz redakcję' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano redakcję.' })).toBeAttached();
  await expect(page.getByRole('region', { name: /^Uwaga 1:/ })).toBeFocused();
  await expect(page.getByText(/^Czeka na przegląd: \d+/)).toHaveText(new RegExp(`Czeka na przegląd: ${before - 2}\\.`));

  // Both are among the remarks now; the original of the redacted one is nowhere.
  await page.goto(`/results/${SLUG}/remarks`);
  expect(await findRemark(page, published)).toBe(true);
  await page.goto(`/results/${SLUG}/remarks`);
  expect(await findRemark(page, REDACTED)).toBe(true);
  await page.goto(`/results/${SLUG}/remarks`);
  expect(await findRemark(page, original)).toBe(false);

  // The public: no remarks link, no text on the results pages, the remarks view asks to sign in.
  const visitor = await openBrowser(browser);
  for (const path of ['', '/explorer', '/priorities', '/report']) {
    await visitor.goto(`/results/${SLUG}${path}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(visitor.getByRole('link', { name: 'Uwagi mieszkańców' })).toHaveCount(0);
    for (const text of [published, REDACTED, original]) await expect(visitor.getByText(text)).toHaveCount(0);
  }
  await visitor.goto(`/results/${SLUG}/remarks`);
  await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(visitor.getByText(published)).toHaveCount(0);
  await visitor.context().close();
});

test('the operator, who does not review, is refused the queue', async ({ page }) => {
  await signInAs(page, demo.operator);
  await page.goto(`/results/${SLUG}/remarks/review`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Przegląd uwag');
  await expect(page.getByRole('region', { name: /^Uwaga 1:/ })).toHaveCount(0);
  await expectAccessible(page);
});
