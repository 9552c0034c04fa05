import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth';
import { canWrite } from '@/lib/forum/permissions';
import { getSeat } from '@/lib/forum/seat';
import type { ForumControls, ThreadControls } from '@/lib/forum/thread-controls';
import { unreadOfList, type ListFilters } from '@/lib/forum/thread-queries';
import { getThreadViewer } from '@/lib/forum/thread-viewer';

// A signed-in reader's own part of a page, in the language of the request: rendered into the page
// made for their request, or read by the members' kept page after it (app/api/viewer). One
// function each, so both show the same.

/** Their controls on one page of a thread, the suspension in words. */
export async function threadControls({ user, threadId, page }: { user: CurrentUser; threadId: number; page: number }): Promise<ThreadControls> {
  const { suspension, ...controls } = await getThreadViewer({ viewer: user, threadId, page });
  if (!suspension) return { ...controls, suspension: null };
  const [t, format] = await Promise.all([getTranslations('forum.thread'), getFormatter()]);
  return { ...controls, suspension: t('suspended', { until: format.dateTime(suspension.until, 'dateTime'), reason: suspension.reason }) };
}

/** Whether they may start a thread, and what is unread for them in one page of the forum's list. */
export async function forumControls({ user, list }: { user: CurrentUser; list: ListFilters }): Promise<ForumControls> {
  const [listed, seat, t] = await Promise.all([unreadOfList({ viewer: user, ...list }), getSeat(user.id), getTranslations('forum.index')]);
  const unread: ForumControls['unread'] = {};
  for (const thread of listed) if (thread.unread) unread[String(thread.id)] = { count: thread.unread, label: t('unreadCount', { count: thread.unread }) };
  return { mayWrite: canWrite(user, seat, null), unread };
}
