import { describe, expect, it } from 'vitest';
import { hasSessionCookie } from './session-cookie';

describe('hasSessionCookie', () => {
  it('recognises the session cookie over http, https and when split', () => {
    expect(hasSessionCookie(['agora-locale', 'authjs.session-token'])).toBe(true);
    expect(hasSessionCookie(['__Secure-authjs.session-token'])).toBe(true);
    expect(hasSessionCookie(['authjs.session-token.0', 'authjs.session-token.1'])).toBe(true);
  });

  it('ignores Auth.js’s other cookies and look-alikes', () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(['authjs.csrf-token', 'authjs.callback-url', 'agora-locale'])).toBe(false);
    expect(hasSessionCookie(['xauthjs.session-token', 'authjs.session-token-old'])).toBe(false);
  });
});
