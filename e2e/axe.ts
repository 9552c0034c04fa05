import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Scans the page for WCAG 2.1 A/AA problems and fails on any serious or critical one. */
export async function expectAccessible(page: Page) {
  // Next.js streams a dynamic page's <title> after its first bytes; scan the page a reader gets,
  // not the instant before its title arrives (a page with no title still fails, here).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}
