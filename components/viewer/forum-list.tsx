'use client';

import type { ReactNode } from 'react';
import { useViewer } from './viewer-store';

// The forum list's parts that are the reader's own, on its members' kept page: filled in once
// their part is read (components/viewer/viewer-store.ts), empty until then.

/** "New thread" for those who may start one, else how to become a member. */
export function ViewerWritePrompt({ write, join }: { write: ReactNode; join: ReactNode }) {
  const forum = useViewer().forum;
  return forum ? (forum.mayWrite ? write : join) : null;
}

/** A thread's title, bold while it has posts the reader has not read. */
export function ViewerThreadTitle({ thread, children }: { thread: number; children: ReactNode }) {
  const unread = useViewer().forum?.unread[String(thread)];
  return <span className={unread ? 'font-bold' : 'font-semibold'}>{children}</span>;
}

/** What is unread in a thread: in its own column, or after the title on a phone. */
export function ViewerUnread({ thread, inline = false }: { thread: number; inline?: boolean }) {
  const forum = useViewer().forum;
  const unread = forum?.unread[String(thread)];
  if (inline) return unread ? <strong className="text-ink"> · {unread.label}</strong> : null;
  return forum ? (unread?.label ?? '—') : null;
}
