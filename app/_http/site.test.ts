import { describe, expect, it } from 'vitest';
import { parseSite, siteSegment } from './site';

const segment = (path: string, search = '', signedIn = false, locale: 'pl' | 'en' = 'pl') => siteSegment({ path, search: new URLSearchParams(search), locale, signedIn });

describe('the site variant of a request', () => {
  it('is the public one only for pages that look the same to every visitor without a session', () => {
    expect(segment('/results')).toBe('pl.public');
    expect(segment('/forum/threads/12')).toBe('pl.public');
    expect(segment('/accessibility', '', false, 'en')).toBe('en.public');
    // Signed in, or a page with a form or a person's own data: rendered per request.
    expect(segment('/results', '', true)).toBe('pl');
    for (const path of ['/surveys', '/s/diagnoza', '/account', '/admin', '/forum/threads/new', '/results/x/remarks', '/results/x/csv', '/forum/threads/12/extra']) {
      expect(segment(path)).toBe('pl');
    }
  });

  it('carries only the query keys the page reads, in one order, so one view is kept once', () => {
    const a = segment('/results/diagnoza/priorities', 'commune=4&utm_source=x&area=2');
    const b = segment('/results/diagnoza/priorities', 'area=2&commune=4');
    expect(a).toBe(b);
    expect(Object.fromEntries(parseSite(a).query!)).toEqual({ commune: '4', area: '2' });
    // A thread page keeps its page number but not a quote (only a member can reply).
    expect(Object.fromEntries(parseSite(segment('/forum/threads/12', 'page=3&quote=7')).query!)).toEqual({ page: '3' });
    // A thread's page number is kept in its one written form only: its kept pages are thrown
    // away by name when a post is added, and "page=03" would be a copy nobody throws away.
    for (const odd of ['page=03', 'page=3.0', 'page=0', 'page=-1', 'page=x', 'page=1234567']) expect(segment('/forum/threads/12', odd)).toBe('pl');
    expect(segment('/forum/threads/12', 'page=')).toBe('pl.public');
    // Queries too long to name a kept page are rendered per request.
    expect(segment('/results/diagnoza/explorer', `question=${'x'.repeat(400)}`)).toBe('pl');
  });

  it("is the members' one for a signed-in reader of a thread, and only as long as no form is asked for", () => {
    expect(segment('/forum/threads/12', '', true)).toBe('pl.members');
    expect(parseSite(segment('/forum/threads/12', 'page=3', true, 'en'))).toEqual({ locale: 'en', audience: 'members', query: new URLSearchParams('page=3') });
    // A tool opened on a post, or any other query: the page is rendered for its reader.
    for (const query of ['quote=7', 'page=2&edit=9', 'page=2&report=9', 'moderate=9', 'page=2&utm_source=x', 'page=03']) {
      expect(segment('/forum/threads/12', query, true)).toBe('pl');
    }
    expect(segment('/accessibility', '', true, 'en')).toBe('en.members');
    expect(parseSite(segment('/forum', 'area=2&commune=county', true)).query!.toString()).toBe('commune=county&area=2');
    expect(segment('/forum', 'q=drogi', true)).toBe('pl');
    expect(segment('/privacy', 'utm_source=x', true)).toBe('pl');
    // Every other page a signed-in person asks for is theirs alone.
    for (const path of ['/forum/notifications', '/results', '/', '/forum/threads/new', '/forum/threads/12/extra', '/calendar']) expect(segment(path, '', true)).toBe('pl');
  });

  it('sends every post, signed in or not, to the page rendered for its request', () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      for (const signedIn of [false, true]) {
        expect(siteSegment({ path: '/forum/threads/12', search: new URLSearchParams(), locale: 'pl', signedIn, method })).toBe('pl');
      }
    }
    expect(siteSegment({ path: '/forum/threads/12', search: new URLSearchParams(), locale: 'pl', signedIn: true, method: 'HEAD' })).toBe('pl.members');
  });

  it('reads back what it wrote, and a foreign segment as a page for its request', () => {
    expect(parseSite('en.public')).toEqual({ locale: 'en', audience: 'public', query: new URLSearchParams() });
    expect(parseSite('pl')).toEqual({ locale: 'pl', audience: 'session', query: null });
    expect(parseSite('xx.public')).toEqual({ locale: 'pl', audience: 'session', query: null });
    expect(parseSite('pl.members')).toEqual({ locale: 'pl', audience: 'members', query: new URLSearchParams() });
    expect(parseSite('pl.staff')).toEqual({ locale: 'pl', audience: 'session', query: null });
  });
});
