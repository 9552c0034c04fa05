// What one signed-in reader may do on a page of a thread, and which of the page's controls that
// opens: pure, for the page rendered per request (on the server) and for the members' kept page
// (in the browser, from app/api/viewer). The rules themselves are
// lib/forum/permissions.ts's; this only says which control each answer shows.

/** One post's controls for this reader. */
export interface PostControls {
  edit: boolean;
  report: boolean;
  reported: boolean;
}

export interface ThreadControls {
  /** The thread they were read for: a page shown while another's are in flight shows none. */
  threadId: number;
  following: boolean;
  mayWrite: boolean;
  mayModerate: boolean;
  /** The number of the last post they have read (null: never opened). */
  lastRead: number | null;
  /** A posting suspension in force, in words (null: none). */
  suspension: string | null;
  /** By post id, for the posts of the page asked for. */
  posts: Record<string, PostControls>;
}

/** What one signed-in reader sees of the forum's list: whether they may start a thread, what is new to them. */
export interface ForumControls {
  mayWrite: boolean;
  /** By thread id, for the threads of the list asked for: posts they have not read, and in words. */
  unread: Record<string, { count: number; label: string }>;
}

/** A control of the thread page, named by what must hold for the reader to see it. */
export type Need =
  | 'follow'
  | 'unfollow'
  | 'moderate'
  | 'write'
  | 'reply'
  | { unreadUpTo: number }
  | { post: number; may: 'edit' | 'report' | 'reported' };

export function holds(controls: ThreadControls, need: Need): boolean {
  if (need === 'follow') return !controls.following;
  if (need === 'unfollow') return controls.following;
  if (need === 'moderate') return controls.mayModerate;
  if (need === 'write') return controls.mayWrite;
  if (need === 'reply') return controls.mayWrite && controls.suspension === null;
  if ('unreadUpTo' in need) return need.unreadUpTo > (controls.lastRead ?? 0);
  const post = controls.posts[String(need.post)];
  if (!post) return false;
  switch (need.may) {
    case 'edit':
      return post.edit;
    case 'report':
      return post.report && !post.reported;
    case 'reported':
      return post.report && post.reported;
  }
}
