'use client';

import { useEffect } from 'react';
import type { FormAction } from '@/components/forms/use-action-form';

/**
 * Tells the server how far a signed-in member has read a thread, once the page has been shown to
 * them: a POST to the page's server action, so that rendering the page (a GET, which browsers,
 * prefetching and crawlers repeat freely) never writes. Renders nothing.
 */
export function MarkRead({ action, threadId, upTo }: { action: FormAction<void>; threadId: number; upTo: number }) {
  useEffect(() => {
    const data = new FormData();
    data.set('threadId', String(threadId));
    data.set('upTo', String(upTo));
    // Best effort: a failure only leaves the thread counted as unread.
    action(undefined, data).catch(() => {});
  }, [action, threadId, upTo]);
  return null;
}
