'use client';

import { useSyncExternalStore } from 'react';
import type { ForumControls, ThreadControls } from '@/lib/forum/thread-controls';

/** A link the reader's roles add to a menu, in the page's language. */
export interface ViewerLink {
  href: string;
  label: string;
}

/** The header's part that is the reader's: their name, unread notifications, their menus' links. */
export interface ViewerAccount {
  name: string;
  /** The account link's accessible name ("Konto: Jan Kowalski"). */
  label: string;
  unread: number;
  /** The unread count in words, for screen readers ("2 nowe"). */
  unreadLabel: string;
  siteLinks: ViewerLink[];
  forumLinks: ViewerLink[];
}

/** What app/api/viewer answers: the reader's own part of a members' kept page. */
export interface ViewerPayload {
  account: ViewerAccount;
  /** On a thread's page: what they may do there. */
  thread: ThreadControls | null;
  /** On the forum's list: what is new to them. */
  forum: ForumControls | null;
}

/** Where a members' kept page's reader's part is read: a thread's page names its thread and page. */
export function viewerSource(pathname: string, search: string): string {
  const query = new URLSearchParams(search);
  const part = new URLSearchParams();
  const thread = /^\/forum\/threads\/([1-9][0-9]*)$/.exec(pathname)?.[1];
  if (thread) {
    part.set('thread', thread);
    const page = query.get('page');
    if (page) part.set('page', page);
  } else if (pathname === '/forum') {
    part.set('forum', '1');
    for (const key of ['commune', 'area', 'cursor']) {
      const value = query.get(key);
      if (value) part.set(key, value);
    }
  }
  return part.size ? `/api/viewer?${part}` : '/api/viewer';
}

/**
 * The reader's own part of the page being shown, in the browser only: a members' kept page
 * (app/_http/site.ts) is the same for every signed-in reader, and this is read for them after it,
 * in one request. The server never fills it (its snapshot is null), so nothing of one reader can
 * be rendered into a page another is sent. `signedOut`: the session ended since the page was
 * asked for.
 */
export type ViewerState = { src: string | null; signedOut: boolean } & { [K in keyof ViewerPayload]: ViewerPayload[K] | null };

const NOTHING = { account: null, thread: null, forum: null };
let state: ViewerState = { src: null, signedOut: false, ...NOTHING };
const listeners = new Set<() => void>();

function set(next: ViewerState) {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const SERVER: ViewerState = { src: null, signedOut: false, ...NOTHING };

/** The reader's part, as far as read (nothing on the server, while loading, or after a failure). */
export function useViewer(): ViewerState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER,
  );
}

/**
 * Reads the reader's part from `src`. Another page (another thread, or page of it) keeps the
 * account shown while its own part loads; the same address read again (after an action) replaces
 * it. A failed read leaves the controls closed: the page still reads, and a reload tries again.
 */
export async function loadViewer(src: string): Promise<void> {
  if (src !== state.src) set({ ...state, src, thread: null, forum: null });
  try {
    const response = await fetch(src, { credentials: 'same-origin', cache: 'no-store' });
    if (src !== state.src) return;
    if (response.status === 401) return set({ src, signedOut: true, ...NOTHING });
    if (!response.ok) return;
    const payload = (await response.json()) as ViewerPayload;
    if (src === state.src) set({ src, signedOut: false, account: payload.account, thread: payload.thread, forum: payload.forum });
  } catch {
    // Offline or the server away: the controls stay as they were.
  }
}
