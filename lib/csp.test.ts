import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { getEnv } from '@/lib/env';
import { isSandboxedPath, SANDBOXED_POLICY } from './csp';

// What proxy.ts answers for a page request (the Content-Security-Policy of issue 16, item 8).
async function pageRequest(path = '/surveys', cookie?: string) {
  const request = new NextRequest(`http://127.0.0.1:3000${path}`, cookie ? { headers: { cookie } } : undefined);
  return proxy(request, { waitUntil: () => {} } as never);
}

/** Where proxy.ts sent the request inside the app (Next.js's rewrite header), path and query. */
function rewrittenTo(response: Response) {
  const url = new URL(response.headers.get('x-middleware-rewrite')!);
  return url.pathname + url.search;
}

function scriptSrcOf(policy: string | null) {
  return policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
}

function nonceOf(policy: string | null) {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? '')?.[1] ?? null;
}

describe('the pages’ Content-Security-Policy', () => {
  it('allows scripts by a fresh nonce, never by unsafe-inline', async () => {
    const response = await pageRequest();
    const policy = response.headers.get('content-security-policy');
    expect(policy).toBeTruthy();
    const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    // A new one for the next request.
    expect(nonceOf((await pageRequest()).headers.get('content-security-policy'))).not.toBe(nonce);
  });

  it('hands Next.js the same policy on the request, so its scripts carry the nonce the header allows', async () => {
    const response = await pageRequest('/results/x/remarks');
    const policy = response.headers.get('content-security-policy');
    expect(policy).toContain("'nonce-");
    // NextResponse.next({ request: { headers } }) sends overridden request headers as x-middleware-request-*.
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonceOf(policy));
  });
});

describe('kept pages (app/_http/site.ts)', () => {
  it('go to visitors without a session, under their own policy', async () => {
    const anonymous = await pageRequest('/forum?commune=3&utm=x');
    expect(rewrittenTo(anonymous)).toMatch(/^\/public-pages\/pl\.public\.[A-Za-z0-9_-]+\/forum\?commune=3&utm=x$/);
    const policy = anonymous.headers.get('content-security-policy');
    expect(scriptSrcOf(policy)).not.toContain("'nonce-");
    // Inline event handlers never run, even where inline scripts must.
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("send a signed-in reader the members' variant, staff the page rendered for them", async () => {
    const session = async (token: Record<string, unknown>) =>
      `authjs.session-token=${await encode({ token: { sub: 'user-1', sessionVersion: 1, ...token }, secret: getEnv().AUTH_SECRET, salt: 'authjs.session-token' })}`;
    const member = await session({});
    const forum = await pageRequest('/forum', member);
    expect(rewrittenTo(forum)).toBe('/public-pages/pl.members/forum');
    expect(forum.headers.get('content-security-policy')).toContain("script-src-attr 'none'");
    // No cache on the way keeps it for the next one asking at that address.
    expect(forum.headers.get('cache-control')).toBe('private, no-cache');
    // Not kept for members: rendered for the request, with a nonce.
    const results = await pageRequest('/results', member);
    expect(rewrittenTo(results)).toBe('/pl/results');
    expect(scriptSrcOf(results.headers.get('content-security-policy'))).toContain("'nonce-");
    // Staff (roles when they signed in) read posts, hidden ones too: always under a nonce.
    const staff = await pageRequest('/forum/threads/12', await session({ staff: true }));
    expect(rewrittenTo(staff)).toBe('/pl/forum/threads/12');
    expect(scriptSrcOf(staff.headers.get('content-security-policy'))).toContain("'nonce-");
    // A cookie Auth.js does not accept as a session is read as a visitor's.
    const stale = await pageRequest('/forum', 'authjs.session-token=not-a-real-token');
    expect(rewrittenTo(stale)).toBe('/public-pages/pl.public/forum');
  });

  it('keep the visitor’s language apart, and never answer a path that names a variant itself', async () => {
    expect(rewrittenTo(await pageRequest('/results', 'NEXT_LOCALE=en'))).toBe('/public-pages/en.public/results');
    expect(rewrittenTo(await pageRequest('/public-pages/pl.public/results'))).toBe('/pl/public-pages/pl.public/results');
    expect(rewrittenTo(await pageRequest('/pl.public/results'))).toBe('/pl/pl.public/results');
  });
});

describe('foreign HTML shown to admins', () => {
  it('is served under a sandbox with no scripts, only at the outbox preview', () => {
    expect(isSandboxedPath('/admin/mail/42/html')).toBe(true);
    expect(isSandboxedPath('/admin/mail/42')).toBe(false);
    expect(isSandboxedPath('/admin/mail/42/html/x')).toBe(false);
    expect(SANDBOXED_POLICY).toMatch(/^sandbox;/);
    expect(SANDBOXED_POLICY).toContain("default-src 'none'");
    expect(SANDBOXED_POLICY).not.toContain('script-src');
  });
});
