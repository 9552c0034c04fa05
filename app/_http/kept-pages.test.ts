import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PUBLIC_PAGES_ROOT, parseSite, siteSegment } from './site';

const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

const { forgetKeptThread } = await import('./kept-pages');

/** Where proxy.ts sends a reader (a visitor, or signed in) asking for `address`, when it is a kept page. */
function keptPathOf(address: string, locale: 'pl' | 'en', signedIn = false): string | null {
  const url = new URL(address, 'http://agora.test');
  const site = siteSegment({ path: url.pathname, search: url.searchParams, locale, signedIn });
  return parseSite(site).audience !== 'session' ? `${PUBLIC_PAGES_ROOT}/${site}${url.pathname}` : null;
}

describe('a post added to a thread', () => {
  beforeEach(() => revalidatePath.mockClear());

  it("throws away every kept page a reader can reach that thread's pages by, and no other thread's", () => {
    forgetKeptThread(12, 3);
    const forgotten = new Set(revalidatePath.mock.calls.map(([path]) => path as string));
    const addresses = ['/forum/threads/12', '/forum/threads/12?page=1', '/forum/threads/12?page=2', '/forum/threads/12?page=3', '/forum/threads/12?page=3&quote=7&utm_source=x', '/forum/threads/12?page=2#post-30'];
    for (const locale of ['pl', 'en'] as const) {
      for (const address of addresses) expect(forgotten, `${address} in ${locale}`).toContain(keptPathOf(address, locale));
      // The members' kept pages too (a tool's address, ?quote=7, is rendered per request).
      for (const address of addresses.filter((a) => !a.includes('quote'))) {
        expect(forgotten, `${address} in ${locale}, signed in`).toContain(keptPathOf(address, locale, true));
      }
      expect(forgotten).not.toContain(keptPathOf('/forum/threads/120', locale, true));
      // Another thread's kept pages stay; a page number written otherwise is never kept at all.
      expect(forgotten).not.toContain(keptPathOf('/forum/threads/120', locale));
      expect(forgotten).not.toContain(keptPathOf('/forum/threads/1?page=2', locale));
      expect(keptPathOf('/forum/threads/12?page=03', locale)).toBeNull();
    }
    // The lists (their counts and last posts) and the dashboards' forum monitoring, every variant.
    expect(revalidatePath).toHaveBeenCalledWith(`${PUBLIC_PAGES_ROOT}/[site]/forum`, 'page');
    expect(revalidatePath).toHaveBeenCalledWith(`${PUBLIC_PAGES_ROOT}/[site]/results/[slug]/forum`, 'page');
  });
});
