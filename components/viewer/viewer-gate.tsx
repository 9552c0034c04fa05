'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { holds, type Need } from '@/lib/forum/thread-controls';
import { loadViewer, useViewer, viewerSource } from './viewer-store';

/**
 * Reads the reader's own part of a members' kept page (components/viewer/viewer-store.ts) once
 * the page is shown, and again when another is. In the root layout of those pages, inside a
 * Suspense boundary (the address's query is known only in the browser on a kept page). Renders
 * nothing.
 */
export function ViewerLoader() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  useEffect(() => {
    void loadViewer(viewerSource(pathname, search));
  }, [pathname, search]);
  return null;
}

/** A control of a members' kept page, shown once the reader's part says they may use it. */
export function ViewerGate({ need, children }: { need: Need; children: ReactNode }) {
  const { thread } = useViewer();
  return thread && holds(thread, need) ? children : null;
}

/** A hidden post's text on a members' kept page, for the moderators who may read it. */
export function HiddenPostText({ post, lang, className }: { post: number; lang: string | undefined; className: string }) {
  const html = useViewer().thread?.posts[String(post)]?.hiddenHtml;
  // Sanitised when it was written (lib/markdown), like every post the page shows.
  return html ? <div lang={lang} className={className} dangerouslySetInnerHTML={{ __html: html }} /> : null;
}

/** The reader's posting suspension in words: `text` on a page rendered for them, else as read. */
export function SuspensionNotice({ text: known, className }: { text: string | null; className: string }) {
  const read = useViewer().thread?.suspension;
  const text = known ?? read;
  return text ? (
    <p role="status" className={className}>
      {text}
    </p>
  ) : null;
}
