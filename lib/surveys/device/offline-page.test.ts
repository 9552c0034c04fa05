import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { DEVICE_CACHE_HEADER, isBuildAsset, isSurveyPagePath } from './offline-page';

// Which answers the survey's service worker may keep on a phone: only the questionnaire page
// rendered for a visitor without a session carries the proxy's mark.

const request = (path: string, cookie?: string) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`, cookie ? { headers: { cookie } } : undefined), { waitUntil: () => {} } as never);

describe('the pages the survey worker may keep', () => {
  it('the questionnaire page only: not its submit route, its manifest or other pages', () => {
    expect(isSurveyPagePath('/s/diagnoza-potrzeb')).toBe(true);
    expect(isSurveyPagePath('/s/diagnoza-potrzeb/')).toBe(true);
    for (const path of ['/s/diagnoza-potrzeb/submit', '/s/diagnoza-potrzeb/manifest.webmanifest', '/s/', '/surveys', '/results/diagnoza-potrzeb', '/s/Diagnoza', '/s/a--b']) {
      expect(isSurveyPagePath(path), path).toBe(false);
    }
    expect(isBuildAsset('/_next/static/chunks/a1b2.js')).toBe(true);
    expect(isBuildAsset('/survey-client/fill-3ADL2WBU.js')).toBe(true);
    expect(isBuildAsset('/_next/image?url=x')).toBe(false);
    expect(isBuildAsset('/api/health')).toBe(false);
  });

  it('the proxy marks the questionnaire rendered for a visitor without a session, and nothing else', async () => {
    expect((await request('/s/diagnoza-potrzeb')).headers.get(DEVICE_CACHE_HEADER)).toBe('survey-page');
    // Any session cookie: the page may show the user's name, so it is never kept.
    expect((await request('/s/diagnoza-potrzeb', 'authjs.session-token=not-a-real-token')).headers.get(DEVICE_CACHE_HEADER)).toBeNull();
    expect((await request('/s/diagnoza-potrzeb/submit')).headers.get(DEVICE_CACHE_HEADER)).toBeNull();
    expect((await request('/forum')).headers.get(DEVICE_CACHE_HEADER)).toBeNull();
  });
});
