import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './auth/schema';
import { isSafeRedirectPath, safeRedirectPath } from './safe-redirect';

const ORIGIN = 'https://agora.example.pl';

/** Where a browser would land when sent to `target` from a page of ORIGIN (WHATWG URL parsing). */
function landsOn(target: string) {
  return new URL(target, `${ORIGIN}/sign-in`).origin;
}

// Known open-redirect payloads (OWASP cheat sheet, PortSwigger, and the one found in issue 16).
const PAYLOADS = [
  '/\t/evil.example/phish',
  '/%09/evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\r/evil.example',
  ' //evil.example',
  '\t//evil.example',
  '/\u0000/evil.example',
  '/\u007f/evil.example',
  'https://evil.example',
  'http:evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example@agora.example.pl',
  '/.\\evil.example',
  'evil.example',
  '',
  '.',
  '/\u00a0/evil.example',
  '/\u2028/evil.example',
];

describe('safeRedirectPath (every redirect target in the app)', () => {
  it('refuses the known open-redirect payloads, the issue-16 one included', () => {
    for (const payload of PAYLOADS) {
      expect(safeRedirectPath(payload), JSON.stringify(payload)).toBe('/');
      expect(safeCallbackUrl(payload), JSON.stringify(payload)).toBe('/');
    }
    // What the sign-in page receives for ?callbackUrl=%2F%09%2Fevil.example%2Fphish
    const decoded = new URLSearchParams('callbackUrl=%2F%09%2Fevil.example%2Fphish').get('callbackUrl');
    expect(safeCallbackUrl(decoded)).toBe('/');
  });

  it('keeps ordinary paths with their query and fragment', () => {
    for (const path of ['/', '/account', '/forum/threads/12?page=3#post-40', '/results/ankieta-2026/remarks', '/forum/search?q=szko%C5%82a']) {
      expect(safeRedirectPath(path)).toBe(path);
      expect(safeCallbackUrl(path)).toBe(path);
    }
    expect(safeRedirectPath(undefined)).toBe('/');
    expect(safeRedirectPath(null, '/account')).toBe('/account');
  });

  it('whatever string it is given, the target it returns stays on this site', () => {
    const risky = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', ':', '@', '.', '%', '#', '?', '\u0000', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', 'evil.example', 'http', 'javascript', 'a');
    const arbitrary = fc.oneof(fc.array(risky, { maxLength: 12 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 40 }), fc.webUrl().map((u) => u.replace(/^https?:/, '')));
    fc.assert(
      fc.property(arbitrary, (value) => {
        const target = safeRedirectPath(value);
        expect(landsOn(target)).toBe(ORIGIN);
        expect(target.startsWith('/')).toBe(true);
        expect(/^\/[/\\]/.test(target)).toBe(false);
        if (isSafeRedirectPath(value)) expect(target).toBe(value);
      }),
      { numRuns: 5000 },
    );
  });

  it('a safe path is one the browser keeps on the same origin, as the same path', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const candidate = `/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
        if (isSafeRedirectPath(candidate)) expect(landsOn(candidate)).toBe(ORIGIN);
      }),
    );
  });
});
