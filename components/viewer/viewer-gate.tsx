'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { holds, type Need } from '@/lib/forum/thread-controls';
import { loadViewer, useViewer, viewerSource } from './viewer-store';

/**
 * Reads the reader's own part of a members' kept page (components/viewer/viewer-store.ts) once
 * the page is shown, and again when another is. In the root layout of those pages, inside a
 * Suspense boundary (the address's query is known only in the browser on a kept page). Renders
 * nothing. After an action (a reply, following, a flag) the page is loaded anew, and with it the
 * reader's part: every post is run by the page rendered for its request (app/_http/site.ts), under
 * another root layout than the kept page's, so Next.js answers it with a full page load.
 */
export function ViewerLoader() {
  // Never null under the App Router (the types allow it for pages/, where this is not used).
  const pathname = usePathname() ?? '/';
  const search = useSearchParams()?.toString() ?? '';
  useEffect(() => {
    void loadViewer(viewerSource(pathname, search));
  }, [pathname, search]);
  return null;
}

/** A control of a thread's members' kept page, shown once the reader's part says they may use it. */
export function ViewerGate({ thread: threadId, need, children }: { thread: number; need: Need; children: ReactNode }) {
  const { thread } = useViewer();
  return thread?.threadId === threadId && holds(thread, need) ? children : null;
}

/** The reader's posting suspension in words: `text` on a page rendered for them, else as read. */
export function SuspensionNotice({ thread: threadId, text: known, className }: { thread: number; text: string | null; className: string }) {
  const { thread } = useViewer();
  const read = thread?.threadId === threadId ? thread.suspension : null;
  const text = known ?? read;
  return text ? (
    <p role="status" className={className}>
      {text}
    </p>
  ) : null;
}
