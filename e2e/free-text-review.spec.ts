import { expect, test, type Locator, type Page } from '@playwright/test';
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

/** Where a queue item comes from: its question (as the filter names it) and its commune. */
async function originOf(item: Locator) {
  const heading = await item.getByRole('heading').innerText();
  const meta = await item.locator('p').first().innerText();
  const [section, question] = heading.replace(/^Uwaga \d+: /, '').split(' – ');
  return { question: `${section}: ${question}`, commune: meta.split(', ')[0]! };
}

/** The remarks view filtered, by keyboard-operable selects, to one question in one commune. */
async function showRemarks(page: Page, origin: { question: string; commune: string }) {
  await page.goto(`/results/${SLUG}/remarks`);
  await page.getByLabel('Pytanie').selectOption({ label: origin.question });
  await page.getByLabel('Gmina').selectOption({ label: origin.commune });
  await page.getByRole('button', { name: 'Pokaż uwagi' }).click();
  await expect(page).toHaveURL(/commune=\d+/);
}

test('an analyst reviews remarks by keyboard, reads them among the remarks, and the public never sees them', async ({ page, browser }) => {
  test.setTimeout(180_000);
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
  const publishedFrom = await originOf(first);
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
  const redactedFrom = await originOf(next);
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

  // Both are among the remarks now, the redacted one marked so.
  await showRemarks(page, publishedFrom);
  await expect(page.getByRole('region', { name: 'Uwagi' }).getByText(published, { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await showRemarks(page, redactedFrom);
  const redacted = page.getByRole('listitem').filter({ hasText: REDACTED });
  await expect(redacted).toHaveCount(1);
  await expect(redacted).toContainText('zredagowana');

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
