import 'server-only';
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth';

/**
 * Whom a page is rendered for (app/_http/site.ts): every visitor (kept), every signed-in reader
 * (the members' kept variant), or this request. app/_http/page-site.ts records it once per render,
 * for the components below a layout that are not handed the site.
 */
export type Audience = 'public' | 'members' | 'session';

const rendering = cache((): { audience: Audience | null } => ({ audience: null }));

export function setPageAudience(audience: Audience): void {
  rendering().audience = audience;
}

/** Is the page being rendered the members' kept variant (no user known while it renders)? */
export function forMembers(): boolean {
  return rendering().audience === 'members';
}

/**
 * Is the page being rendered for someone signed in: a page for a signed-in request, or the
 * members' kept variant? A visitors' kept page has no session to ask.
 */
export async function forSignedIn(): Promise<boolean> {
  const { audience } = rendering();
  if (audience === 'members') return true;
  if (audience === 'public') return false;
  return (await getCurrentUser().catch(() => null)) !== null;
}
